import { describe, expect, it } from 'vitest';
import {
  OptimiseInputError,
  changeWords,
  costOf,
  defaultBounds,
  fileSettings,
  parseRange,
  peopleIn,
  structuresOf,
} from '../../src/optimise/index.js';
import { groupPerson, validateScenario, type ScenarioSpec } from '../../src/scenario/index.js';
import { staffingNetworkScenario, threeStations } from '../support/staffing-network.js';

/** One team of 4 analysts, 5 engineers and 4 reviewers, and a role (spare) nobody holds yet. */
const spec = (): ScenarioSpec => {
  const s = staffingNetworkScenario(threeStations(1, [100, 120, 150], 500), [4, 5, 4]);
  s.roles.spare = { cost_per_year: 80 };
  return validateScenario(s).spec;
};

describe('the decision space', () => {
  it('reads min..max ranges and refuses the malformed, naming where they came from', () => {
    expect(parseRange('teams.hub.ml_engineer = 2 .. 8')).toEqual({ path: 'teams.hub.ml_engineer', min: 2, max: 8 });
    expect(() => parseRange('teams.hub.ml_engineer=8..2')).toThrow(OptimiseInputError);
    expect(() => parseRange('teams.hub.ml_engineer=2-8', 'Hub: optimise.vary')).toThrow(
      /^Hub: optimise.vary: expected/,
    );
  });

  it('varies every group from half (at least one) to double by default', () => {
    expect(defaultBounds(1)).toEqual({ min: 1, max: 2 });
    expect(defaultBounds(5)).toEqual({ min: 3, max: 10 });
    const [s] = structuresOf([{ name: 'Two roles', spec: spec() }], null);
    expect(s.variables.length).toBeGreaterThan(0);
    for (const v of s.variables) expect({ min: v.min, max: v.max }).toEqual(defaultBounds(v.base));
    expect(s.fixedPeople).toBe(0);
  });

  it('keeps the groups not named fixed, counts their people and cost, and reaches a role a team does not have yet', () => {
    const ranges = [
      { path: 'teams.t.analyst', min: 1, max: 3 },
      { path: 'teams.t.spare', min: 0, max: 2 },
    ];
    const [s] = structuresOf([{ name: 'S', spec: spec() }], ranges);
    expect(s.variables.map((v) => [v.path, v.base, v.costPerPerson])).toEqual([
      ['teams.t.headcount.analyst', 4, 100],
      ['teams.t.headcount.spare', 0, 80],
    ]);
    expect(s.fixedPeople).toBe(9);
    expect(s.fixedCost).toBe(5 * 120 + 4 * 150);
    expect(peopleIn(s, [2, 1])).toBe(12);
    expect(costOf(s, [2, 1])).toBe(5 * 120 + 4 * 150 + 2 * 100 + 80);
  });

  it('refuses a range that names no group of any structure', () => {
    expect(() =>
      structuresOf([{ name: 'S', spec: spec() }], [{ path: 'teams.nowhere.analyst', min: 1, max: 2 }]),
    ).toThrow(/--vary teams.nowhere.analyst: names no group of people in S/);
  });

  it("takes the files' optimise: sections, the first file's settings first", () => {
    const settings = fileSettings([
      { name: 'A', optimise: { vary: { 'teams.t.a': '1..3' }, total: 5, objectives: ['p95', 'cost'] } },
      { name: 'B', optimise: { vary: { 'teams.t.a': '2..9', 'teams.u.b': '0..2' }, total: 9, budget: 100 } },
      { name: 'C' },
    ]);
    expect(settings.ranges).toEqual([
      { path: 'teams.t.a', min: 1, max: 3 },
      { path: 'teams.u.b', min: 0, max: 2 },
    ]);
    expect(settings.constraints).toEqual({ total: 5, budget: 100 });
    expect(settings.objectives).toEqual(['p95', 'cost']);
    expect(fileSettings([{ name: 'none' }])).toEqual({ ranges: null, constraints: {} });
  });
});

describe('a design in words', () => {
  it('says what changes, team by team, one person in the singular', () => {
    const [s] = structuresOf([{ name: 'S', spec: spec() }], null);
    expect(changeWords(s, [6, 4, 4])).toBe('two more analysts and one fewer engineer in the t');
    expect(
      changeWords(
        s,
        s.variables.map((v) => v.base),
      ),
    ).toBe('');
  });

  it('names one person of a group of several roles', () => {
    expect(
      groupPerson({ roles: { data_engineer: {}, analytics_engineer: {} } }, ['data_engineer', 'analytics_engineer']),
    ).toBe('person who is both data engineer and analytics engineer');
    expect(groupPerson({ roles: { ml_engineer: { name: 'ML engineer' } } }, ['ml_engineer'])).toBe('ML engineer');
  });
});
