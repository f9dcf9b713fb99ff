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
});
