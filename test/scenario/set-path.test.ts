import { describe, expect, it } from 'vitest';
import { applyOverride, parseOverride } from '../../src/scenario/index.js';

const scenario = () => ({
  teams: { hub: { home: 'centre', headcount: { ml_engineer: 2 } } },
  workflow: { loops: { model: { activities: { evaluate: { next: { 'data.pipeline': 0.2, live: 0.8 } } } } } },
});

describe('what-ifs by field path', () => {
  it('sets a value by its path, reading the value as YAML', () => {
    const s = scenario();
    expect(applyOverride(s, parseOverride('teams.hub.headcount.ml_engineer=4'))).toBeNull();
    expect(s.teams.hub.headcount.ml_engineer).toBe(4);
    expect(parseOverride('handovers.delay.cross_home={ lognormal: { median: 3, p90: 8 } }').value).toEqual({
      lognormal: { median: 3, p90: 8 },
    });
    expect(parseOverride('name=Hub with more MLEs').value).toBe('Hub with more MLEs');
  });

  it('takes teams.<team>.<role> as short for the headcount', () => {
    const s = scenario();
    expect(applyOverride(s, parseOverride('teams.hub.ml_engineer=6'))).toBeNull();
    expect(s.teams.hub.headcount.ml_engineer).toBe(6);
    expect('ml_engineer' in s.teams.hub).toBe(false);
  });

  it('reaches keys that contain dots, such as next targets', () => {
    const s = scenario();
    expect(
      applyOverride(s, parseOverride('workflow.loops.model.activities.evaluate.next.data.pipeline=0.3')),
    ).toBeNull();
    expect(s.workflow.loops.model.activities.evaluate.next['data.pipeline']).toBe(0.3);
  });

  it('says which part of a path does not exist, and what does', () => {
    const issue = applyOverride(scenario(), parseOverride('teams.hubb.headcount.ml_engineer=4'));
    expect(issue?.message).toBe('--set teams.hubb.headcount.ml_engineer: there is no "hubb" under teams');
    expect(issue?.hint).toBe('known: hub');
  });

  it('rejects text without path=value', () => {
    expect(() => parseOverride('teams.hub.ml_engineer')).toThrow('expected path=value, got "teams.hub.ml_engineer"');
  });

  it('fails naming the part that is not an object', () => {
    const issue = applyOverride(scenario(), parseOverride('teams.hub.home.x=1'));
    expect(issue).toEqual({
      severity: 'error',
      path: ['teams', 'hub', 'home'],
      message: '--set teams.hub.home.x: teams.hub.home is not an object',
      file: '--set',
    });
  });

  it('names the top level when the first part does not exist', () => {
    const issue = applyOverride(scenario(), parseOverride('team.hub=1'));
    expect(issue).toEqual({
      severity: 'error',
      path: ['team'],
      message: '--set team.hub: there is no "team" under the top level',
      hint: 'known: teams, workflow',
      file: '--set',
    });
  });

  it('may add a new last key; a team field left out is set on the team, not taken for a role', () => {
    const s: Record<string, unknown> = scenario();
    expect(applyOverride(s, parseOverride('warmup_days=30'))).toBeNull();
    expect(s.warmup_days).toBe(30);
    const t = scenario();
    expect(applyOverride(t, parseOverride('teams.hub.name=Hub'))).toBeNull();
    expect(applyOverride(t, parseOverride('teams.hub.serves=[sales]'))).toBeNull();
    expect(t.teams.hub).toEqual({ home: 'centre', headcount: { ml_engineer: 2 }, name: 'Hub', serves: ['sales'] });
    expect(applyOverride(scenario(), parseOverride('teams.hub.headcount.x.y=1'))?.message).toBe(
      '--set teams.hub.headcount.x.y: there is no "x" under teams.hub.headcount',
    );
  });

  it('reads a value that is not valid YAML as text, and trims around the =', () => {
    expect(parseOverride(' name = a: b: c ')).toEqual({ path: 'name', value: 'a: b: c' });
    expect(parseOverride('x=[1, 2]').value).toEqual([1, 2]);
    expect(parseOverride('x=a=b')).toEqual({ path: 'x', value: 'a=b' });
  });

  it('rejects an empty path', () => {
    expect(() => parseOverride('=4')).toThrow('expected path=value, got "=4"');
  });

  it('takes the headcount shorthand only for the last part of the path', () => {
    expect(applyOverride(scenario(), parseOverride('teams.hub.foo.bar=1'))?.message).toBe(
      '--set teams.hub.foo.bar: there is no "foo" under teams.hub',
    );
  });
});

describe('what-ifs on lists', () => {
  const shared = () => ({
    teams: { small: { home: 'finance', people: [{ roles: ['data_engineer', 'analytics_engineer'], count: 1 }] } },
  });

  it('names an item of a list by its position from 0', () => {
    const s = shared();
    expect(applyOverride(s, parseOverride('teams.small.people.0.count=2'))).toBeNull();
    expect(s.teams.small.people[0].count).toBe(2);
  });

  it('says when a position is not in the list, and which are', () => {
    const issue = applyOverride(shared(), parseOverride('teams.small.people.1.count=2'));
    expect(issue?.message).toBe(
      '--set teams.small.people.1.count: teams.small.people is a list of 1; "1" is not a position in it',
    );
    expect(issue?.hint).toBe('use 0 to 0');
    expect(applyOverride(shared(), parseOverride('teams.small.people.first.count=2'))?.path).toEqual([
      'teams',
      'small',
      'people',
      'first',
    ]);
  });

  it('makes the headcount of a team that lists only people, for the shorthand', () => {
    const s: { teams: { small: Record<string, unknown> } } = shared();
    expect(applyOverride(s, parseOverride('teams.small.product_manager=1'))).toBeNull();
    expect(s.teams.small.headcount).toEqual({ product_manager: 1 });
  });
});
