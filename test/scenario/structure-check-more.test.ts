/** The structure check against small schemas: every kind of node, and how unions are read by shape. */
import { describe, expect, it } from 'vitest';
import { DistributionSpec, ScenarioSpec } from '../../src/scenario/index.js';
import type { SchemaNode } from '../../src/scenario/json-schema.js';
import { checkStructure } from '../../src/scenario/structure-check.js';
import { scenarioFieldTable } from '../../src/scenario/field-table.js';

const messages = (schema: SchemaNode, value: unknown) =>
  checkStructure(schema, value).map((i) => `${i.path.join('.')}: ${i.message}${i.hint ? ` | ${i.hint}` : ''}`);

describe('kinds of field', () => {
  it('a constant must be that value', () => {
    expect(messages({ const: 'v1' }, 'v1')).toEqual([]);
    expect(messages({ const: 'v1' }, 'v2')).toEqual([': expected "v1", found "v2"']);
  });

  it('a list must be a list, of enough items, each checked at its index', () => {
    const list: SchemaNode = { type: 'array', description: 'numbers', minItems: 2, items: { type: 'number' } };
    expect(messages(list, 'x')).toEqual([': expected a list (numbers), found "x"']);
    expect(messages(list, [1])).toEqual([': expected at least 2 items, found 1']);
    expect(messages(list, [1, 2])).toEqual([]);
    expect(messages({ ...list, minItems: 1 }, [])).toEqual([': expected at least 1 item, found 0']);
    expect(messages(list, [1, 'a', 3])).toEqual(['1: expected a number (number), found "a"']);
    expect(messages({ type: 'array' }, [1, 'a'])).toEqual([]);
  });

  it('text must be text, and an id must match its pattern', () => {
    const id: SchemaNode = { type: 'string', pattern: '^[a-z]+$', description: 'an id' };
    expect(messages(id, 3)).toEqual([': expected text (an id), found 3']);
    expect(messages(id, 'ok')).toEqual([]);
    expect(messages(id, 'Not ok')).toEqual([': expected text matching ^[a-z]+$, found "Not ok"']);
    // a pattern with its meaning in words says it
    expect(messages({ ...id, errorMessage: 'a lower-case word' }, 'Not ok')).toEqual([
      ': expected a lower-case word, found "Not ok"',
    ]);
    expect(messages({ type: 'string' }, 'Any text')).toEqual([]);
  });

  it('a flag must be true or false', () => {
    expect(messages({ type: 'boolean' }, 'yes')).toEqual([': expected true or false, found "yes"']);
    expect(messages({ type: 'boolean' }, false)).toEqual([]);
  });

  it('a number must be finite and within every bound, each bound stated', () => {
    const n: SchemaNode = { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1, description: 'a share' };
    expect(messages(n, 0.5)).toEqual([]);
    expect(messages(n, 0)).toEqual([': expected a number > 0 and < 1 (a share), found 0']);
    expect(messages(n, 1)).toEqual([': expected a number > 0 and < 1 (a share), found 1']);
    expect(messages(n, Number.POSITIVE_INFINITY)).toEqual([': expected a number (a share), found Infinity']);
    const closed: SchemaNode = { type: 'number', minimum: 1, maximum: 7 };
    expect(messages(closed, 1)).toEqual([]);
    expect(messages(closed, 7)).toEqual([]);
    expect(messages(closed, 7.5)).toEqual([': expected a number >= 1 and <= 7 (number), found 7.5']);
    expect(messages(closed, 0.5)).toEqual([': expected a number >= 1 and <= 7 (number), found 0.5']);
    expect(messages({ type: 'integer', minimum: 0 }, -1)).toEqual([': expected a number >= 0 (integer), found -1']);
  });

  it('an object must be an object; required fields are named with where to add them', () => {
    const obj: SchemaNode = {
      type: 'object',
      description: 'a thing',
      required: ['a'],
      properties: { a: { type: 'number', description: 'the a' } },
      additionalProperties: false,
    };
    expect(messages(obj, [1])).toEqual([': expected an object (a thing), found a list of 1']);
    expect(messages(obj, {})).toEqual(['a: missing required field "a" (the a) | add a: to the top level']);
    expect(checkStructure(obj, {}, ['x', 'y']).map((i) => i.hint)).toEqual(['add a: to x.y']);
    expect(messages(obj, { a: 1, zzzz: 2 })).toEqual(['zzzz: unknown field "zzzz" | expected one of: a']);
    expect(messages({ ...obj, additionalProperties: true }, { a: 1, zzzz: 2 })).toEqual([]);
  });

  it('entries of a map are checked against its entry schema', () => {
    const map: SchemaNode = { type: 'object', patternProperties: { '^.*$': { type: 'number' } } };
    expect(messages(map, { a: 1, b: 'x' })).toEqual(['b: expected a number (number), found "x"']);
  });
});

describe('unions', () => {
  it('of literals list the allowed values, suggesting one only for text', () => {
    const u: SchemaNode = { anyOf: [{ const: 1 }, { const: 2 }] };
    expect(checkStructure(u, 3)).toEqual([{ severity: 'error', path: [], message: 'expected one of 1, 2, found 3' }]);
    expect(messages(u, 2)).toEqual([]);
  });

  it('read null as no kind of value, not as an object', () => {
    expect(messages(DistributionSpec, null)).toEqual([
      ': expected a number (constant) or { family: { parameters } }, found null',
    ]);
  });

  it('name the expected shapes when the value has none of their kinds', () => {
    const u: SchemaNode = { description: 'a number or a list', anyOf: [{ type: 'number' }, { type: 'array' }] };
    expect(messages(u, 'x')).toEqual([': expected a number or a list, found "x"']);
    expect(messages(u, null)).toEqual([': expected a number or a list, found null']);
    expect(messages(u, [1])).toEqual([]);
  });

  it('without a description say "a value"; a schema without a type takes anything', () => {
    expect(messages({ anyOf: [{ type: 'number' }, { type: 'array' }] }, 'x')).toEqual([
      ': expected a value, found "x"',
    ]);
    expect(messages({}, { any: 'thing' })).toEqual([]);
  });

  it('read a whole number as a number, and a literal by its type', () => {
    const u: SchemaNode = { anyOf: [{ const: 'all' }, { type: 'integer', minimum: 1 }, { type: 'array' }] };
    expect(messages(u, 'all')).toEqual([]);
    expect(messages(u, 'some')).toEqual([': expected "all", found "some"']);
    expect(messages(u, 0)).toEqual([': expected a number >= 1 (integer), found 0']);
  });

  it('of two forms of one kind accept what either accepts, else report the first', () => {
    const u: SchemaNode = {
      anyOf: [
        { type: 'number', minimum: 10 },
        { type: 'number', maximum: 0 },
      ],
    };
    expect(messages(u, 12)).toEqual([]);
    expect(messages(u, -1)).toEqual([]);
    expect(messages(u, 5)).toEqual([': expected a number >= 10 (number), found 5']);
  });

  it('of object forms with one key each, ask for exactly one when given several keys', () => {
    const form = (key: string): SchemaNode => ({
      type: 'object',
      properties: { [key]: { type: 'number' } },
      additionalProperties: false,
    });
    const u: SchemaNode = { description: 'a or b', anyOf: [form('a'), form('b')] };
    expect(messages(u, { a: 1 })).toEqual([]);
    expect(messages(u, { a: 1, b: 2 })).toEqual([
      ': expected a or b, found an object with a, b | use exactly one of: a, b',
    ]);
    expect(messages(u, { c: 1 })).toEqual([': expected a or b, found an object with c | did you mean "a"?']);
  });

  it('of object forms sharing keys, check the form sharing most keys with the value', () => {
    const lognormal = ScenarioSpec.properties.workflow.properties.loops;
    const effort = (value: unknown) =>
      messages(lognormal, { l: { activities: { a: { role: 'r', next: { live: 1 }, effort: value } } } });
    expect(effort({ lognormal: { mean: 3, sd: -1 } })).toEqual([
      'l.activities.a.effort.lognormal.sd: expected a number > 0 (standard deviation), found -1',
    ]);
    expect(effort({ lognormal: { median: 3, p90: -1 } })).toEqual([
      'l.activities.a.effort.lognormal.p90: expected a number > 0 (90th percentile, above the median), found -1',
    ]);
    expect(effort({ lognormal: { sd: 1, p90: 2, median: 1 } })).toEqual([
      'l.activities.a.effort.lognormal.sd: unknown field "sd" | expected one of: median, p90',
    ]);
  });
});

describe('the README field table', () => {
  // built in each test, so that the code is run (and mutated) there
  const rows = (): string[] => scenarioFieldTable().split('\n');

  it('has a header and a row for each field, with its type, whether required, and its default', () => {
    const table = rows();
    expect(table.slice(0, 2)).toEqual(['| field | type | required | meaning |', '|---|---|---|---|']);
    expect(table).toContain('| `name` | text | yes | scenario name, shown in reports |');
    expect(table).toContain(
      '| `warmup_days` | number >= 0 |  | days left out of the statistics at the start (default `0`) |',
    );
    expect(table).toContain(
      '| `calendar` | object |  | working calendar: effort in person-days becomes calendar days; public holidays and absence take people away (default `{ working_days_per_week: 5, holidays: 0, absence_spell_days: 5 }`) |',
    );
    expect(table).toContain(
      '| `horizon_days` | number > 0, <= 365000 | yes | simulated calendar days, at most a thousand years |',
    );
  });

  it('names map entries by what they are, and lists, enumerations and distributions by their type', () => {
    const table = rows();
    expect(table.some((r) => r.startsWith('| `teams.<team>.home` | text | yes |'))).toBe(true);
    expect(
      table.some((r) => r.startsWith('| `workflow.loops.<loop>.activities.<activity>.effort` | distribution | yes |')),
    ).toBe(true);
    expect(table.some((r) => r.startsWith('| `domains.<domain>.items[].day` | number >= 0 | yes |'))).toBe(true);
    expect(table.some((r) => r.startsWith('| `management.intake` | `fifo` \\| `priority` \\| `fair_share` |  |'))).toBe(
      true,
    );
    expect(table.some((r) => r.startsWith('| `teams.<team>.serves` | `all` or list of text |  |'))).toBe(true);
    expect(table.some((r) => r.startsWith('| `domains.<domain>.sme.people` | whole number >= 0 | yes |'))).toBe(true);
    expect(table.some((r) => r.startsWith('| `$schema`'))).toBe(false);
    // maps of numbers and lists of text have no rows of their own below them
    expect(table.some((r) => r.startsWith('| `teams.<team>.headcount.'))).toBe(false);
    expect(table.some((r) => r.startsWith('| `use_case_types.<type>.skip_loops[]'))).toBe(false);
    expect(table.some((r) => r.startsWith('| `use_case_types.<type>.skip_loops` | list of text |  |'))).toBe(true);
    expect(table.some((r) => r.includes('lognormal.'))).toBe(false);
  });

  it('writes a default object as a scenario file would, and an empty one as {}', () => {
    const table = rows();
    expect(table.find((r) => r.startsWith('| `maintenance.lifetime_days`'))).toContain(
      '(default `{ exponential: { mean: 730 } }`)',
    );
    expect(table.find((r) => r.startsWith('| `management` |'))).toContain('(default `{}`)');
    expect(table.find((r) => r.startsWith('| `domains.<domain>.items` |'))).toContain('(default `[]`)');
  });
});
