/**
 * Domain familiarity (`learning`): a person's effort on a domain's work falls along a learning
 * curve with the domain's use cases they have worked on, down to a floor. Constant efforts and
 * use cases far apart, so each duration is the curve itself, worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type RunResult } from '../../src/model/index.js';
import { validateScenario, type ScenarioSpec } from '../../src/scenario/index.js';
import { scenarioIssues } from '../../src/scenario/validate.js';
import { datedScenario, itemsOn } from '../support/small-scenarios.js';

/** One activity of 8 person-days (seven working days a week), by the teams given, for dated use cases of two domains. */
function scenario(
  teams: ScenarioSpec['teams'],
  a: number[],
  b: number[],
  learning?: ScenarioSpec['learning'],
): ScenarioSpec {
  return validateScenario({
    ...datedScenario({
      domains: { a: { items: itemsOn('job', ...a) }, b: { items: itemsOn('job', ...b) } },
      teams,
      workflow: {
        start: 'w.do',
        loops: { w: { activities: { do: { role: 'worker', effort: 8, next: { live: 1 } } } } },
      },
    }),
    ...(learning ? { learning } : {}),
  }).spec;
}

const central = { t: { home: 'centre', headcount: { worker: 1 } } };
const work = (run: RunResult) => run.items.map((i) => +i.work.toFixed(9));
const curve = (n: number, rate: number, floor: number) => +(8 * Math.max(floor, n ** Math.log2(rate))).toFixed(9);

describe('a learning curve per person and domain', () => {
  it('takes the written effort for a first use case, then rate x for each doubling, down to the floor', () => {
    const days = Array.from({ length: 10 }, (_, k) => k * 20);
    const run = simulate(scenario(central, days, [], { rate: 0.8, floor: 0.5 }), { seed: 1 });
    expect(work(run)).toEqual(days.map((_, k) => curve(k + 1, 0.8, 0.5)));
    expect(work(run).slice(0, 4)).toEqual([8, 6.4, curve(3, 0.8, 0.5), 5.12]);
    expect(work(run)[9]).toBe(4); // 10^log2(0.8) = 0.48: the floor
  });

  it('counts each domain apart: a person serving two learns each at half the pace', () => {
    // a, b, a, b, ...: the person's k-th use case of each domain
    const run = simulate(scenario(central, [0, 40, 80], [20, 60, 100], { rate: 0.8 }), { seed: 1 });
    const byDomain = (d: string) => run.items.filter((i) => i.domain === d).map((i) => +i.work.toFixed(9));
    expect(byDomain('a')).toEqual([1, 2, 3].map((n) => curve(n, 0.8, 0.5)));
    expect(byDomain('b')).toEqual([1, 2, 3].map((n) => curve(n, 0.8, 0.5)));
  });

  it('starts people there at day 0 with experience of the domains their team serves', () => {
    const teams = {
      t: { home: 'centre', serves: ['a'], headcount: { worker: 1 } },
      u: { home: 'b', headcount: { worker: 1 } },
    };
    const run = simulate(scenario(teams, [0], [0], { rate: 0.8, experience_at_start: 3 }), { seed: 1 });
    expect(work(run)).toEqual([curve(4, 0.8, 0.5), curve(4, 0.8, 0.5)]);
    // without learning: the written effort
    expect(work(simulate(scenario(teams, [0], [0]), { seed: 1 }))).toEqual([8, 8]);
  });

  it('lets embedded people learn their domain faster than a pool that serves every domain', () => {
    const days = (offset: number) => Array.from({ length: 40 }, (_, k) => offset + k * 10);
    const pooled = { t: { home: 'centre', headcount: { worker: 2 } } };
    const embedded = {
      ta: { home: 'a', headcount: { worker: 1 } },
      tb: { home: 'b', headcount: { worker: 1 } },
    };
    const mean = (run: RunResult) => run.items.reduce((s, i) => s + i.work, 0) / run.items.length;
    const learning = { rate: 0.85, floor: 0.3 };
    const inPool = mean(simulate(scenario(pooled, days(0), days(5), learning), { seed: 2 }));
    const inDomains = mean(simulate(scenario(embedded, days(0), days(5), learning), { seed: 2 }));
    expect(inDomains).toBeLessThan(inPool);
    // the effect is the learning: without it, the same work
    expect(mean(simulate(scenario(pooled, days(0), days(5)), { seed: 2 }))).toBe(8);
    expect(mean(simulate(scenario(embedded, days(0), days(5)), { seed: 2 }))).toBe(8);
  });

  it('refuses a rate outside (0, 1] and a floor outside (0, 1]', () => {
    const errors = (learning: unknown) =>
      scenarioIssues({ ...scenario(central, [0], []), learning })
        .filter((i) => i.severity === 'error')
        .map((i) => i.path.join('.'));
    expect(errors({ rate: 0 })).toEqual(['learning.rate']);
    expect(errors({ rate: 1.2 })).toEqual(['learning.rate']);
    expect(errors({ rate: 0.9, floor: 0 })).toEqual(['learning.floor']);
    expect(errors({ rate: 0.9, floor: 0.5, experience_at_start: 2 })).toEqual([]);
  });
});
