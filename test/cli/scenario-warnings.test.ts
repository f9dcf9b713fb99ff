/**
 * Scenario warnings (a team whose demand exceeds its capacity, ...) reach the user from every
 * command that runs scenarios: on stderr, and in --json; the variants a sweep or a sensitivity
 * run makes are checked too, and their own warnings are reported under their names.
 */
import { describe, expect, it } from 'vitest';
import { minimal, orgflow, outFolder } from './orgflow-process.js';

// ten times the demand: the analysts and the ML engineer of the minimal scenario are overloaded
const overloaded = [minimal, '--set', 'domains.sales.demand.report=20'];
const common = ['--reps', '2', '--workers', '1'];
const analystOverloaded =
  /warning at teams\.core\.headcount\.analyst: expected utilisation of analyst in team core is \d+% \(demand exceeds capacity\)/;

/** The warnings `run` prints for the overloaded scenario: the reference the other commands are held to. */
function runWarnings(): string {
  const r = orgflow(['run', ...overloaded, ...common, '--out', outFolder()]);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(new RegExp(`minimal\\.yaml:\\d+: ${analystOverloaded.source}`));
  expect(r.stderr).toContain('hint: add people');
  return r.stderr;
}

interface JsonWarning {
  severity: string;
  path: (string | number)[];
  message: string;
}
const paths = (warnings: JsonWarning[]): string[] => warnings.map((w) => w.path.join('.'));

describe('scenario warnings', () => {
  it.each([
    { command: 'sweep', extra: ['--vary', 'teams.core.analyst=2,3'] },
    { command: 'sensitivity', extra: [] },
  ])("$command prints the base scenario's first, as run does, and none with --quiet", ({ command, extra }) => {
    const expected = runWarnings();
    const shown = orgflow([command, ...overloaded, ...extra, ...common, '--out', outFolder()]);
    expect(shown.code).toBe(0);
    expect(shown.stderr.startsWith(expected)).toBe(true);
    expect(shown.stdout).not.toContain('warning at');

    const quiet = orgflow([command, ...overloaded, ...extra, ...common, '--out', outFolder(), '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });

  it.each(['run', 'compare'])("%s --json carries each scenario's warnings and prints none on stderr", (command) => {
    const json = orgflow([command, ...overloaded, ...common, '--out', outFolder(), '--json']);
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    const scenarios = JSON.parse(json.stdout).scenarios as { warnings: JsonWarning[] }[];
    expect(paths(scenarios[0].warnings)).toEqual(['teams.core.headcount.analyst', 'teams.core.headcount.ml_engineer']);
    expect(scenarios[0].warnings[0].severity).toBe('warning');
  });

  it('sweep reports the warnings of a point the base does not have, under the point, and in --json', () => {
    const args = ['sweep', minimal, '--vary', 'domains.sales.demand.report=2,20', ...common];
    const shown = orgflow([...args, '--out', outFolder()]);
    expect(shown.code).toBe(0);
    const lines = shown.stderr.split('\n').filter((l) => l.includes('warning at'));
    expect(lines.length).toBe(2);
    expect(lines[0]).toMatch(
      new RegExp(`^Minimal \\(domains\\.sales\\.demand\\.report=20\\): ${analystOverloaded.source}`),
    );
    expect(shown.stderr).not.toContain('report=2)');

    const json = orgflow([...args, '--out', outFolder(), '--json']);
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    const result = JSON.parse(json.stdout) as { warnings: JsonWarning[]; points: { warnings: JsonWarning[] }[] };
    expect(result.warnings).toEqual([]);
    expect(result.points.map((p) => paths(p.warnings))).toEqual([
      [],
      ['teams.core.headcount.analyst', 'teams.core.headcount.ml_engineer'],
    ]);
  });

  it('sensitivity reports the warnings of a lever setting the base does not have, under the setting, and in --json', () => {
    // at 8 use cases a month two analysts keep up and one does not
    const args = ['sensitivity', minimal, '--set', 'domains.sales.demand.report=8', ...common];
    const shown = orgflow([...args, '--out', outFolder()]);
    expect(shown.code).toBe(0);
    expect(shown.stderr).toMatch(new RegExp(`^analysts in the core set to 1: ${analystOverloaded.source}`, 'm'));
    expect(shown.stderr).not.toMatch(/^analysts in the core set to 3:/m);

    const json = orgflow([...args, '--out', outFolder(), '--json']);
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    interface Setting {
      warnings: JsonWarning[];
    }
    const result = JSON.parse(json.stdout) as {
      warnings: JsonWarning[];
      levers: { id: string; low: Setting | null; high: Setting | null }[];
    };
    expect(result.warnings).toEqual([]);
    const analysts = result.levers.find((l) => l.id === 'teams.core.headcount.analyst');
    expect(paths(analysts?.low?.warnings ?? [])).toContain('teams.core.headcount.analyst');
    expect(analysts?.high?.warnings).toEqual([]);
  });
});
