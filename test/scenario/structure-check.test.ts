import { describe, expect, it } from 'vitest';
import { ScenarioSpec } from '../../src/scenario/index.js';
import { DistributionSpec } from '../../src/scenario/distribution-spec.js';
import { checkStructure } from '../../src/scenario/structure-check.js';
import { closest } from '../../src/scenario/closest.js';

const messages = (schema: object, value: unknown) =>
  checkStructure(schema, value).map((i) => `${i.path.join('.')}: ${i.message}${i.hint ? ` | ${i.hint}` : ''}`);

describe('structure check', () => {
  it('reads a distribution by its family key and reports mistakes inside it', () => {
    expect(messages(DistributionSpec, { lognormal: { median: 3, p90: 8 } })).toEqual([]);
    expect(messages(DistributionSpec, 4)).toEqual([]);
    expect(messages(DistributionSpec, { pert: { min: 1, mode: 2 } })).toEqual([
      'pert.max: missing required field "max" (maximum) | add max: to pert',
    ]);
    expect(messages(DistributionSpec, { lognormal: { median: 3, p99: 8 } })).toEqual([
      'lognormal.p90: missing required field "p90" (90th percentile, above the median) | add p90: to lognormal',
      'lognormal.p99: unknown field "p99" | did you mean "p90"?',
    ]);
    expect(messages(DistributionSpec, -1)).toEqual([': expected a number >= 0 (a constant), found -1']);
    expect(messages(DistributionSpec, 'fast')).toEqual([
      ': expected a number (constant) or { family: { parameters } }, found "fast"',
    ]);
  });

  it('reports a field named like an object built-in (toString) as unknown, not as a declared field', () => {
    expect(messages(ScenarioSpec.properties.calendar, { working_days_per_week: 5, toString: 1 })).toEqual([
      'toString: unknown field "toString" | expected one of: working_days_per_week, holidays, start_date, absence_spell_days',
    ]);
  });

  it('names the allowed values of an enumeration and suggests the closest', () => {
    expect(messages(ScenarioSpec.properties.management, { intake: 'fair-share' })).toEqual([
      'intake: expected one of fifo, priority, fair_share, found "fair-share" | did you mean "fair_share"?',
    ]);
  });

  it('rejects a name with a line break or a control character, which charts could not draw, and takes any other text', () => {
    for (const bad of ['A\u2028B', 'A\nB', 'A\u0007B'])
      expect(messages(ScenarioSpec.properties.name, bad)[0]).toMatch(
        /^: expected text on one line, without line breaks or control characters, found /,
      );
    expect(messages(ScenarioSpec.properties.name, '<img src=x> Zürich 東京 — “quoted”')).toEqual([]);
    expect(
      messages(ScenarioSpec.properties.teams, { t: { home: 'centre', name: 'a\u2029b', headcount: {} } })[0],
    ).toMatch(/^t\.name: expected text on one line/);
  });

  it('rejects a whole number field given a fraction, and ids with spaces', () => {
    expect(messages(ScenarioSpec.properties.domains, { sales: { sme: { people: 1.5, availability: 0.5 } } })).toEqual([
      'sales.sme.people: expected a whole number, found 1.5',
    ]);
    expect(messages(ScenarioSpec.properties.teams, { t: { home: 'the centre', headcount: {} } })[0]).toMatch(
      /^t\.home: expected an id of letters/,
    );
  });

  it('suggests only close names', () => {
    expect(closest('headcont', ['headcount', 'home'])).toBe('headcount');
    expect(closest('zzzzzz', ['headcount', 'home'])).toBeUndefined();
  });
});
