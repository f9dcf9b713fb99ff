/** Which warnings of a sweep point or lever setting reach stderr: those whose text the base does not give. */
import { describe, expect, it } from 'vitest';
import { variantWarningLines } from '../../src/cli/variant-warnings.js';
import type { ScenarioIssue } from '../../src/scenario/index.js';

const overloaded = (percent: number, extra: Partial<ScenarioIssue> = {}): ScenarioIssue => ({
  severity: 'warning',
  path: ['teams', 'core', 'headcount', 'analyst'],
  message: `expected utilisation of analyst in team core is ${percent}% (demand exceeds capacity)`,
  ...extra,
});

describe('variant warning lines', () => {
  it('leave out a warning the base gives word for word, wherever the base read it from', () => {
    const base = [overloaded(121, { file: 'base.yaml', line: 17 })];
    expect(variantWarningLines(base, [{ name: 'same', warnings: [overloaded(121)] }])).toEqual([]);
  });

  it('name the variant for a warning of its own, or the same warning at another load', () => {
    const base = [overloaded(121)];
    const lines = variantWarningLines(base, [
      { name: 'analysts in core set to 1', warnings: [overloaded(242)] },
      { name: 'analysts in core set to 3', warnings: [] },
      {
        name: 'effort x1.5',
        warnings: [overloaded(121), overloaded(181, { path: ['teams', 'core', 'headcount', 'ml'] })],
      },
    ]);
    expect(lines).toEqual([
      'analysts in core set to 1: warning at teams.core.headcount.analyst: expected utilisation of analyst in team core is 242% (demand exceeds capacity)',
      'effort x1.5: warning at teams.core.headcount.ml: expected utilisation of analyst in team core is 181% (demand exceeds capacity)',
    ]);
  });
});
