/** The points of a sweep, each with the summary of the scenario it ran. */
import { describe, expect, it } from 'vitest';
import { summariseSweep } from '../../src/analysis/sweep-summary.js';
import type { SweepResult } from '../../src/experiment/sweep.js';
import { experimentOf, metrics, scenario } from './synthetic.js';

const overloaded = { severity: 'warning' as const, path: ['teams', 'hub'], message: 'demand exceeds capacity' };

describe('the summary of a sweep', () => {
  it('gives each point, in grid order, with the summary of its own scenario, the experiment seed and its warnings', () => {
    const sweep = {
      base: 'base',
      parameters: [],
      points: [
        { values: { 'teams.hub.people': 4 }, scenarioIndex: 1, warnings: [] },
        { values: { 'teams.hub.people': 2 }, scenarioIndex: 0, warnings: [overloaded] },
      ],
      experiment: experimentOf(
        [scenario('two', [metrics({ throughputPerYear: 20 })]), scenario('four', [metrics({ throughputPerYear: 40 })])],
        13,
      ),
    } as unknown as SweepResult;
    const points = summariseSweep(sweep);
    expect(points.map((p) => p.warnings)).toEqual([[], [overloaded]]);
    expect(points.map((p) => [p.values, p.summary.name, p.summary.seed, p.summary.throughputPerYear.estimate])).toEqual(
      [
        [{ 'teams.hub.people': 4 }, 'four', 13, 40],
        [{ 'teams.hub.people': 2 }, 'two', 13, 20],
      ],
    );
  });
});
