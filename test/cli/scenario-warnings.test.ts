/** Scenario warnings (a team whose demand exceeds its capacity, ...) reach stderr from every command that runs scenarios. */
import { describe, expect, it } from 'vitest';
import { minimal, orgflow, outFolder } from './orgflow-process.js';

// ten times the demand: the analysts and the ML engineer of the minimal scenario are overloaded
const overloaded = [minimal, '--set', 'domains.sales.demand.report=20'];
const common = ['--reps', '2', '--workers', '1'];

/** The warnings `run` prints for the overloaded scenario: the reference the other commands are held to. */
function runWarnings(): string {
  const r = orgflow(['run', ...overloaded, ...common, '--out', outFolder()]);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(
    /minimal\.yaml:\d+: warning at teams\.core\.headcount\.analyst: expected utilisation of analyst in team core is \d+% \(demand exceeds capacity\)/,
  );
  expect(r.stderr).toContain('hint: add people');
  return r.stderr;
}

describe('scenario warnings', () => {
  it.each([
    { command: 'sweep', extra: ['--vary', 'teams.core.analyst=2,3'] },
    { command: 'sensitivity', extra: [] },
  ])('$command prints them on stderr as run does, and not with --quiet or --json', ({ command, extra }) => {
    const expected = runWarnings();
    const shown = orgflow([command, ...overloaded, ...extra, ...common, '--out', outFolder()]);
    expect(shown.code).toBe(0);
    expect(shown.stderr).toBe(expected);
    expect(shown.stdout).not.toContain('warning at');

    const quiet = orgflow([command, ...overloaded, ...extra, ...common, '--out', outFolder(), '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');

    const json = orgflow([command, ...overloaded, ...extra, ...common, '--out', outFolder(), '--json']);
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    expect(() => JSON.parse(json.stdout)).not.toThrow();
  });
});
