/**
 * A lookup the model cannot make, in a scenario that skipped validation (the check refuses
 * each of these): the run fails naming what it looked for and the key, not with an
 * `undefined` far away.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/index.js';
import { SME_ROLE, type ScenarioSpec } from '../../src/scenario/index.js';
import { datedScenario, itemsOn, mmcScenario } from '../support/small-scenarios.js';

/** A use case on day 0, done by an analyst of the domain, then an engineer of the centre. */
function twoSteps(): ScenarioSpec {
  return datedScenario({
    domains: { d: { items: itemsOn('job', 0) } },
    teams: { dom: { home: 'd', headcount: { analyst: 1 } }, hub: { home: 'centre', headcount: { engineer: 1 } } },
    workflow: {
      start: 'w.analyse',
      loops: {
        w: {
          activities: {
            analyse: { role: 'analyst', effort: 1, next: { build: 1 } },
            build: { role: 'engineer', effort: 1, next: { live: 1 } },
          },
        },
      },
    },
  });
}

describe('a lookup the model cannot make', () => {
  it('names the missing key: an SME activity in a domain without subject-matter experts', () => {
    const spec = mmcScenario(1, 0.5, 1, 100, 0);
    spec.workflow.loops.w.activities.serve.role = SME_ROLE;
    expect(() => simulate(spec, { seed: 1 })).toThrow('no pool of subject-matter experts for domain "d"');
  });

  it('names the missing key: a clarification round in a domain without subject-matter experts', () => {
    const spec = twoSteps();
    spec.handovers = {
      delay: { same_team: 0, same_home: 0, cross_home: 0 },
      clarification: { probability: { same_team: 0, same_home: 0, cross_home: 1 }, sme_effort: 1 },
    };
    expect(() => simulate(spec, { seed: 1 })).toThrow('no pool of subject-matter experts for domain "d"');
  });

  it('names the missing key: a team with a role the scenario does not declare', () => {
    const spec = mmcScenario(1, 0.5, 1, 100, 0);
    spec.teams.t.headcount!.ghost = 1;
    expect(() => simulate(spec, { seed: 1 })).toThrow('no role "ghost"');
  });

  it('names the missing key: a dated use case of a type the scenario does not declare', () => {
    const spec = twoSteps();
    spec.domains.d.items = itemsOn('ghost', 0);
    expect(() => simulate(spec, { seed: 1 })).toThrow('no use-case type "ghost"');
  });

  it('names the missing key: an activity through a gate the scenario does not declare', () => {
    const spec = twoSteps();
    spec.workflow.loops.w.activities.build.gate = 'board';
    expect(() => simulate(spec, { seed: 1 })).toThrow('no gate "board"');
  });
});
