/** How issues read: paths, one-line issues, found values, the error thrown, and closest-name suggestions. */
import { describe, expect, it } from 'vitest';
import { formatIssue, formatPath, ScenarioError, type ScenarioIssue } from '../../src/scenario/index.js';
import { closest, editDistance, suggestion } from '../../src/scenario/closest.js';
import { describeValue } from '../../src/scenario/issues.js';
import { eligibleTeams, servedDomains } from '../../src/scenario/routing-rules.js';
import { resolveParameters } from '../../src/scenario/model-parameters.js';
import { baseScenario } from './base-scenario.js';

describe('field paths', () => {
  it('are written as a user writes them, with list indexes in brackets', () => {
    expect(formatPath(['teams', 'hub', 'headcount', 'ml_engineer'])).toBe('teams.hub.headcount.ml_engineer');
    expect(formatPath(['domains', 'sales', 'items', 2, 'day'])).toBe('domains.sales.items[2].day');
    expect(formatPath([0, 'a'])).toBe('[0].a');
    expect(formatPath([])).toBe('(top level)');
  });
});

describe('one issue on one line', () => {
  const issue: ScenarioIssue = { severity: 'error', path: ['horizon_days'], message: 'too short' };

  it('names the file and line when known, and puts the hint below', () => {
    expect(formatIssue({ ...issue, file: 'a.yaml', line: 3, hint: 'lengthen it' })).toBe(
      'a.yaml:3: error at horizon_days: too short\n    hint: lengthen it',
    );
    expect(formatIssue({ ...issue, file: 'a.yaml' })).toBe('a.yaml: error at horizon_days: too short');
    expect(formatIssue({ ...issue, severity: 'warning' })).toBe('warning at horizon_days: too short');
  });
});

describe('found values in messages', () => {
  it('are described briefly', () => {
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(null)).toBe('null');
    expect(describeValue([1, 2, 3])).toBe('a list of 3');
    expect(describeValue({})).toBe('an empty object');
    expect(describeValue({ a: 1, b: 2 })).toBe('an object with a, b');
    expect(describeValue({ a: 1, b: 2, c: 3, d: 4 })).toBe('an object with a, b, c, d');
    expect(describeValue({ a: 1, b: 2, c: 3, d: 4, e: 5 })).toBe('an object with a, b, c, d, ...');
    expect(describeValue('x')).toBe('"x"');
    expect(describeValue(1.5)).toBe('1.5');
    expect(describeValue(false)).toBe('false');
  });
});

describe('the error a bad scenario throws', () => {
  it('counts and lists its errors, not its warnings', () => {
    const e = new ScenarioError([
      { severity: 'error', path: ['a'], message: 'first' },
      { severity: 'warning', path: ['b'], message: 'only a warning' },
      { severity: 'error', path: ['c'], message: 'second' },
    ]);
    expect(e.message).toBe('invalid scenario (2 errors):\nerror at a: first\nerror at c: second');
    expect(e.name).toBe('ScenarioError');
    expect(e.issues).toHaveLength(3);
    expect(new ScenarioError([{ severity: 'error', path: [], message: 'x' }]).message).toBe(
      'invalid scenario (1 error):\nerror at (top level): x',
    );
  });
});

describe('closest names', () => {
  it('measure edits: insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('ab', 'ba')).toBe(2);
  });

  it('suggest the nearest candidate, ignoring case, within max(2, a third of the word)', () => {
    expect(closest('ANALYST', ['analyst', 'engineer'])).toBe('analyst');
    expect(closest('enginer', ['analyst', 'engineer'])).toBe('engineer');
    expect(closest('ab', ['xy'])).toBe('xy');
    expect(closest('abc', ['xyz'])).toBeUndefined();
    // nine letters allow three edits, not four
    expect(closest('abcdefghi', ['abcdefxyz'])).toBe('abcdefxyz');
    expect(closest('abcdefghi', ['abcdewxyz'])).toBeUndefined();
    expect(closest('x', [])).toBeUndefined();
  });

  it('prefer the first of two equally near candidates', () => {
    expect(closest('cat', ['bat', 'hat'])).toBe('bat');
  });

  it('say "did you mean", else list what is allowed, else that nothing is', () => {
    expect(suggestion('enginer', ['engineer'])).toBe('did you mean "engineer"?');
    expect(suggestion('zzzzzz', ['a', 'b'])).toBe('expected one of: a, b');
    expect(suggestion('zzzzzz', [])).toBe('nothing is allowed here');
  });
});

describe('which teams may do an activity', () => {
  const teams = (spec = baseScenario()) => resolveParameters(spec);

  it('a central team serves every domain; a domain team its home; a list or "all" as written', () => {
    const p = teams();
    const all = ['sales', 'ops'];
    expect(servedDomains({ ...p.teams.core, home: 'centre' }, all)).toEqual(all);
    expect(servedDomains({ ...p.teams.core, home: 'ops' }, all)).toEqual(['ops']);
    expect(servedDomains({ ...p.teams.core, home: 'ops', serves: 'all' }, all)).toEqual(all);
    expect(servedDomains({ ...p.teams.core, home: 'centre', serves: ['ops'] }, all)).toEqual(['ops']);
  });

  it("prefer the domain's own teams with the role, else any team serving the domain that has it", () => {
    const spec = baseScenario();
    spec.domains.ops = {};
    spec.teams = {
      hub: { home: 'centre', headcount: { analyst: 1, engineer: 1 } },
      desk: { home: 'sales', headcount: { analyst: 1, engineer: 0 } },
      other: { home: 'ops', serves: 'all', headcount: { analyst: 1 } },
    };
    const p = teams(spec);
    expect(eligibleTeams(p, 'analyst', 'sales')).toEqual(['desk']);
    expect(eligibleTeams(p, 'engineer', 'sales')).toEqual(['hub']);
    expect(eligibleTeams(p, 'analyst', 'ops')).toEqual(['other']);
    expect(eligibleTeams(p, 'engineer', 'ops')).toEqual(['hub']);
    expect(eligibleTeams(p, 'auditor', 'ops')).toEqual([]);
  });
});
