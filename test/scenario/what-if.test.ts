import { describe, expect, it } from 'vitest';
import { parseWhatIf, WhatIfError } from '../../src/scenario/index.js';

describe('a what-if', () => {
  it('is a name, then assignments separated by semicolons', () => {
    const w = parseWhatIf('Two more ML engineers: teams.hub.ml_engineer=6; teams.central.ml_engineer=8');
    expect(w.name).toBe('Two more ML engineers');
    expect(w.assignments).toEqual(['teams.hub.ml_engineer=6', 'teams.central.ml_engineer=8']);
    expect(w.overrides).toEqual([
      { path: 'teams.hub.ml_engineer', value: 6 },
      { path: 'teams.central.ml_engineer', value: 8 },
    ]);
  });

  it('keeps a semicolon inside braces, brackets or quotes with its value', () => {
    const w = parseWhatIf(
      'Faster handovers: handovers.delay.cross_home={ lognormal: { median: 2, p90: 5 } }; name="a; b"; x=[1; 2]',
    );
    expect(w.assignments).toEqual([
      'handovers.delay.cross_home={ lognormal: { median: 2, p90: 5 } }',
      'name="a; b"',
      'x=[1; 2]',
    ]);
    expect(w.overrides[0].value).toEqual({ lognormal: { median: 2, p90: 5 } });
  });

  it("reads an apostrophe inside a word as text, not as a quote (Bob's idea)", () => {
    const w = parseWhatIf("Hire: description=Bob's idea; teams.hub.ml_engineer=12");
    expect(w.assignments).toEqual(["description=Bob's idea", 'teams.hub.ml_engineer=12']);
  });

  it.each([
    ['no name', 'teams.hub.ml_engineer=6', /does not start with a name and a colon/],
    ['an empty name', ': teams.hub.ml_engineer=6', /does not start with a name and a colon/],
    ['a quote left open', 'Rename: name="a; teams.hub.ml_engineer=6', /a " quote is left open/],
    ['a bracket left open', 'Hire: x={ a: 1; teams.hub.ml_engineer=6', /a bracket is left open/],
    ['a bracket that closes nothing', 'Hire: x=1}; y=2', /a } closes nothing/],
    ['no assignment', 'Nothing:  ; ', /changes nothing/],
    ['an assignment without =', 'Hire: teams.hub.ml_engineer', /what-if "Hire": expected path=value/],
  ])('is refused with %s, saying what was expected', (_what, text, message) => {
    expect(() => parseWhatIf(text)).toThrow(WhatIfError);
    expect(() => parseWhatIf(text)).toThrow(message);
  });
});
