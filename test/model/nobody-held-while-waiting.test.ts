/**
 * A use case that waits for a gate's meeting or for the domain's experts holds nobody: the
 * people who did its work are free for other use cases meanwhile. Checked by utilization,
 * which must equal the work alone (arrival rate x effort per person), as in an M/M/c queue.
 */
import { describe, expect, it } from 'vitest';
import { confidenceInterval } from '../../src/statistics/batch-means.js';
import { simulate } from '../../src/model/index.js';
import { replicationSeed } from '../../src/random/index.js';
import { validateScenario, type ScenarioSpec } from '../../src/scenario/index.js';
import { covers, describeCoverage } from '../support/coverage.js';

const REPLICATIONS = 12;

function utilization(
  spec: ScenarioSpec,
  pool: string,
  seed: number,
): { busy: number[]; rejections: number; clarifications: number } {
  const busy: number[] = [];
  let rejections = 0;
  let clarifications = 0;
  for (let r = 0; r < REPLICATIONS; r++) {
    const run = simulate(spec, { seed: replicationSeed(seed, r), log: false });
    busy.push(run.pools.find((p) => `${p.team}/${p.role}` === pool)!.utilization);
    rejections += run.items.reduce((s, i) => s + i.gateRejections, 0);
    clarifications += run.items.filter((i) => i.clarification > 0).length;
  }
  return { busy, rejections, clarifications };
}

describe('nobody is held while a use case waits', () => {
  it('a gate holds the use case, not the reviewer; a rejection queues it again for its rework', () => {
    const [perDay, effort, approval] = [0.09, 1, 0.8];
    const spec = validateScenario({
      name: 'gated review',
      horizon_days: 6000,
      warmup_days: 300,
      calendar: { working_days_per_week: 7 },
      roles: { reviewer: {} },
      domains: { d: { demand: { job: (perDay * 365) / 12 } } },
      use_case_types: { job: {} },
      teams: { t: { home: 'centre', headcount: { reviewer: 1 } } },
      management: { gates: { board: { cadence_days: 14, approval_probability: approval } } },
      workflow: {
        start: 'w.review',
        loops: {
          w: {
            activities: {
              review: { role: 'reviewer', effort: { exponential: { mean: effort } }, gate: 'board', next: { live: 1 } },
            },
          },
        },
      },
    }).spec;
    const { busy, rejections } = utilization(spec, 't/reviewer', 3);
    // each pass is redone until approved: 1 / approval passes of `effort` days per use case
    const theory = (perDay * effort) / approval;
    const estimate = confidenceInterval(busy);
    expect(rejections).toBeGreaterThan(0);
    expect(covers(estimate, theory), describeCoverage(estimate, theory)).toBe(true);
  });

  it("a colleague taking over is released while the use case waits for the experts' answers", () => {
    const perDay = 1.4;
    const spec = validateScenario({
      name: 'clarifying colleagues',
      horizon_days: 3000,
      warmup_days: 200,
      calendar: { working_days_per_week: 7 },
      roles: { worker: {} },
      domains: { d: { demand: { job: (perDay * 365) / 12 }, sme: { people: 30, availability: 1 } } },
      use_case_types: { job: {} },
      teams: { t: { home: 'centre', headcount: { worker: 2 } } },
      handovers: {
        delay: { same_team: 0, same_home: 0, cross_home: 0 },
        clarification: {
          probability: { same_team: 1, same_home: 0, cross_home: 0 },
          sme_effort: { exponential: { mean: 5 } },
        },
      },
      workflow: {
        start: 'w.first',
        loops: {
          w: {
            activities: {
              first: { role: 'worker', effort: { exponential: { mean: 0.5 } }, next: { second: 1 } },
              second: { role: 'worker', effort: { exponential: { mean: 0.5 } }, next: { live: 1 } },
            },
          },
        },
      },
    }).spec;
    const { busy, clarifications } = utilization(spec, 't/worker', 5);
    const theory = (perDay * (0.5 + 0.5)) / 2;
    const estimate = confidenceInterval(busy);
    expect(clarifications).toBeGreaterThan(100);
    expect(covers(estimate, theory), describeCoverage(estimate, theory)).toBe(true);
  });
});
