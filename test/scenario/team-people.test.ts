/**
 * A team's people read one way whatever the file's way: groups from headcount and people, who
 * holds a role, costs and absence of people with several roles, and the changes a timeline
 * makes to a team's people.
 */
import { describe, expect, it } from 'vitest';
import { groupPeople, resolveParameters, type ScenarioSpec } from '../../src/scenario/index.js';
import {
  absenceShare,
  groupCost,
  holdersOf,
  peopleCostPerYear,
  personGroups,
  rolesHeld,
  teamSize,
} from '../../src/scenario/team-people.js';
import { addPeople, changedRoles, changeKind, groupCount, timelineOrder } from '../../src/scenario/timeline-changes.js';
import { baseScenario } from './base-scenario.js';

function withPeople(): ScenarioSpec {
  const spec = baseScenario();
  spec.roles = { analyst: { cost_per_year: 100, absence: 0.1 }, engineer: { cost_per_year: 150, absence: 0.2 } };
  spec.teams.core = {
    home: 'centre',
    headcount: { analyst: 2, engineer: 0 },
    people: [
      { roles: ['engineer', 'analyst'], count: 1 },
      { roles: ['analyst', 'engineer'], count: 2, cost_per_year: 120 },
    ],
    cost_per_year: { analyst: 110 },
  };
  return spec;
}

describe('a team people', () => {
  it('are groups of the same roles, labelled in alphabetical order, from headcount then people', () => {
    const p = resolveParameters(withPeople());
    expect(personGroups(p.teams.core).map((g) => [g.label, g.count, g.field.join('.')])).toEqual([
      ['analyst', 2, 'headcount.analyst'],
      ['engineer', 0, 'headcount.engineer'],
      ['analyst+engineer', 1, 'people.0.count'],
      ['analyst+engineer', 2, 'people.1.count'],
    ]);
    expect([
      holdersOf(p.teams.core, 'analyst'),
      holdersOf(p.teams.core, 'engineer'),
      holdersOf(p.teams.core, 'x'),
    ]).toEqual([5, 3, 0]);
    expect(teamSize(p.teams.core)).toBe(5);
    expect(rolesHeld(p.teams.core).sort()).toEqual(['analyst', 'engineer']);
  });

  it('cost their group figure, else the highest of their roles in the team, and count as people', () => {
    const p = resolveParameters(withPeople());
    const [analysts, , shared, own] = personGroups(p.teams.core);
    expect(groupCost(p, p.teams.core, analysts)).toBe(110); // the team's figure for the role
    expect(groupCost(p, p.teams.core, shared)).toBe(150); // the higher of 110 and 150
    expect(groupCost(p, p.teams.core, own)).toBe(120);
    expect(peopleCostPerYear(p)).toBe(2 * 110 + 150 + 2 * 120);
  });

  it('are away the team share if it gives one, else the highest of their roles', () => {
    const p = resolveParameters(withPeople());
    expect(absenceShare(p, p.teams.core, ['analyst'])).toBe(0.1);
    expect(absenceShare(p, p.teams.core, ['analyst', 'engineer'])).toBe(0.2);
    const team = resolveParameters({ ...withPeople(), teams: { core: { ...withPeople().teams.core, absence: 0 } } });
    expect(absenceShare(team, team.teams.core, ['engineer'])).toBe(0);
  });

  it('are named in a sentence by their roles', () => {
    const spec = { roles: { analyst: {}, ml_engineer: { name: 'ML engineer' }, data_engineer: {} } };
    expect(groupPeople(spec, ['analyst'])).toBe('analysts');
    expect(groupPeople(spec, ['analyst', 'ml_engineer'])).toBe('people who are both analyst and ML engineer');
    expect(groupPeople(spec, ['analyst', 'data_engineer', 'sme'])).toBe(
      'people who are analyst, data engineer and SME',
    );
  });
});

describe('what a timeline does to a team people', () => {
  it('adds and takes people of a set of roles, from headcount first for one role', () => {
    const team = withPeople().teams.core;
    expect(groupCount(team, ['analyst'])).toBe(2);
    expect(groupCount(team, ['engineer', 'analyst'])).toBe(3);
    addPeople(team, ['analyst'], -3);
    expect(team.headcount?.analyst).toBe(0);
    addPeople(team, ['analyst', 'engineer'], -2);
    expect(team.people?.map((g) => g.count)).toEqual([0, 1]);
    addPeople(team, ['analyst', 'engineer'], 1);
    expect(team.people?.map((g) => g.count)).toEqual([1, 1]);
    addPeople(team, ['platform', 'analyst'], 2);
    expect(team.people?.[2]).toEqual({ roles: ['platform', 'analyst'], count: 2 });
    addPeople(team, ['engineer'], 1);
    expect(team.headcount?.engineer).toBe(1);
  });

  it('reads each entry by its kind and roles, in order of day and then of the file', () => {
    expect(changeKind({ day: 1, hire: { team: 't', role: 'a', count: 1 } })).toBe('hire');
    expect(changeKind({ day: 1 })).toBeNull();
    expect(changeKind({ day: 1, set: {}, let_go: { team: 't', role: 'a', count: 1 } })).toBeNull();
    expect(changedRoles({ role: 'a' })).toEqual(['a']);
    expect(changedRoles({ roles: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(changedRoles({})).toEqual([]);
    const order = timelineOrder([{ day: 5 }, { day: 1 }, { day: 5, name: 'second' }]).map((x) => x.index);
    expect(order).toEqual([1, 0, 2]);
  });
});
