/**
 * The quarters of the measured window: they cover it end to end, their busy shares add up to
 * the pool's over the whole window, and their go-lives to the window's; a hire mid-run counts
 * from the day they join.
 */
import { describe, expect, it } from 'vitest';
import { quarterFigures } from '../../src/metrics/quarters.js';
import { simulate } from '../../src/model/index.js';
import { validateScenario, type ScenarioSpec } from '../../src/scenario/index.js';
import { mmcScenario } from '../support/small-scenarios.js';

describe('the quarters of a run', () => {
  it('cover the measured window, and add up to the whole window', () => {
    const spec = validateScenario(mmcScenario(2, 1.2, 1, 1_000, 100)).spec;
    const run = simulate(spec, { seed: 4, log: false });
    expect(run.periods[0].start).toBe(100);
    expect(run.periods[run.periods.length - 1].end).toBe(1_000);
    for (let k = 1; k < run.periods.length; k++) expect(run.periods[k].start).toBe(run.periods[k - 1].end);
    // busy share weighted by length: the pool's utilisation over the window (no time off: everyone there)
    const weighted = run.periods.reduce((s, p) => s + p.utilization * (p.end - p.start), 0) / 900;
    expect(weighted).toBeCloseTo(run.pools[0].utilization, 9);
    const quarters = quarterFigures(run);
    const goLives = run.items.filter((i) => i.outcome === 'live' && i.end >= 100).length;
    expect(quarters.reduce((s, q) => s + q.goLives, 0)).toBe(goLives);
    expect(quarters.reduce((s, q) => s + q.arrived, 0)).toBe(run.items.filter((i) => i.arrival >= 100).length);
  });

  it('counts a person who joins mid-quarter from the day they join', () => {
    // one person, work enough to keep everyone busy; a second joins on day 145.625 (mid-quarter)
    const spec = structuredClone(mmcScenario(1, 5, 1, 282.5, 100)) as ScenarioSpec;
    spec.timeline = [{ day: 145.625, hire: { team: 't', role: 'server', count: 1, ramp_up_days: 0 } }];
    const run = simulate(validateScenario(spec).spec, { seed: 2, log: false });
    const [first, second] = run.periods;
    // saturated: busy all the time they are there, so each quarter's share is 1
    expect(first.utilization).toBeCloseTo(1, 6);
    expect(second.utilization).toBeCloseTo(1, 6);
  });
});
