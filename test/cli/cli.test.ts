/** The orgflow command end to end, as a subprocess of the built CLI (npm test builds it first). */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'orgflow.js');
const fixtures = join(root, 'test', 'fixtures', 'scenarios');

function orgflow(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
const out = () => mkdtempSync(join(tmpdir(), 'orgflow-cli-'));

describe('orgflow compare', () => {
  it('compares the shipped configurations by default: a table, the answer, and the report with charts and tables', () => {
    const dir = out();
    const r = orgflow('compare', '--reps', '3', '--workers', '1', '--out', dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Compared 3 configurations, 3 replications each \(seed 1, common random numbers\)/);
    for (const name of ['Centralized', 'Hub and spoke', 'Federated']) expect(r.stdout).toContain(name);
    expect(r.stdout).toMatch(/median (over )?\d+ days/);
    expect(r.stdout).toMatch(/Report: .*report\.html/);
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
    expect(readdirSync(join(dir, 'charts'))).toContain('comparison.png');
    expect(readdirSync(join(dir, 'tables'))).toContain('summary.csv');
    expect(readdirSync(join(dir, 'tables'))).not.toContain('items.csv');
  });

  it.each([
    ['compare', 'tables'],
    ['run', 'run'],
  ])('%s writes every use case (items.csv, .json, .arrow) only with --items', (command, folder) => {
    const scenario = command === 'run' ? [join(fixtures, 'minimal.yaml')] : [];
    const dir = out();
    expect(orgflow(command, ...scenario, '--reps', '2', '--workers', '1', '--out', dir, '--quiet').code).toBe(0);
    expect(readdirSync(join(dir, folder))).not.toContain('items.csv');
    expect(
      orgflow(command, ...scenario, '--reps', '2', '--workers', '1', '--out', dir, '--quiet', '--items').code,
    ).toBe(0);
    expect(readdirSync(join(dir, folder))).toEqual(expect.arrayContaining(['items.csv', 'items.json', 'items.arrow']));
    // a later run without --items leaves no items table of the earlier one behind
    expect(orgflow(command, ...scenario, '--reps', '2', '--workers', '1', '--out', dir, '--quiet').code).toBe(0);
    expect(readdirSync(join(dir, folder)).filter((f) => f.startsWith('items.'))).toEqual([]);
  });

  it('prints only JSON with --json, in the agreed shape', () => {
    const r = orgflow('compare', '--reps', '3', '--workers', '2', '--out', out(), '--json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.scenarios).toHaveLength(3);
    for (const s of result.scenarios) {
      expect(typeof s.name).toBe('string');
      expect(s.replications).toBe(3);
      expect(s.seed).toBe(1);
      for (const stat of ['mean', 'p50', 'p85', 'p95']) {
        const e = s.timeToProduction[stat];
        // an estimate with its interval, or (not reached within the run) a lower bound alone
        if (e.estimate === null) expect(e).toEqual({ estimate: null, atLeast: expect.any(Number), ci95: null });
        else expect(e.ci95).toHaveLength(2);
      }
      expect(typeof s.stable).toBe('boolean');
      expect(Array.isArray(s.saturated)).toBe(true);
      for (const metric of [
        'throughputPerYear',
        'abandonmentRate',
        'unfinishedShare',
        'wipGrowthPerQuarter',
        'handoversPerItem',
        'flowEfficiency',
        'costPerGoLive',
      ]) {
        expect(typeof s[metric].estimate).toBe('number');
        expect(s[metric].ci95).toHaveLength(2);
      }
      const utilization = Object.entries(s.utilization);
      expect(utilization.length).toBeGreaterThan(0);
      for (const [key, value] of utilization) {
        expect(key).toMatch(/^[\w-]+\/[\w-]+$/);
        expect(typeof value).toBe('number');
      }
    }
    expect(result.comparisons.length).toBeGreaterThan(0);
    for (const c of result.comparisons) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['a', 'b', 'metric', 'difference', 'ci95']));
      expect(c.ci95).toHaveLength(2);
    }
  });

  it('moves the result the expected way under a --set what-if: fewer data scientists, longer waits for them and a longer p85', () => {
    // (the median need not move: dashboards skip the model loop and get through faster when model work slows)
    const summary = (...extra: string[]) =>
      JSON.parse(
        orgflow(
          'run',
          join(root, 'scenarios', 'centralized.yaml'),
          '--reps',
          '4',
          '--workers',
          '1',
          '--out',
          out(),
          '--json',
          ...extra,
        ).stdout,
      ).scenarios[0];
    const base = summary();
    const fewer = summary('--set', 'teams.central.data_scientist=5');
    expect(fewer.waitingByRole.data_scientist.estimate).toBeGreaterThan(base.waitingByRole.data_scientist.estimate);
    const p85 = (s: { timeToProduction: { p85: { estimate: number | null; atLeast?: number } } }) =>
      s.timeToProduction.p85.estimate ?? (s.timeToProduction.p85.atLeast as number);
    expect(p85(fewer)).toBeGreaterThan(p85(base));
  });

  it('says plainly when a configuration does not keep up, and still writes every chart of the report', () => {
    const dir = out();
    const r = orgflow(
      'compare',
      join(root, 'scenarios', 'centralized.yaml'),
      '--set',
      'teams.central.ml_engineer=2',
      '--reps',
      '3',
      '--workers',
      '1',
      '--out',
      dir,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Centralized does not keep up with demand: central\/ml_engineer \d+% busy all the time/);
    expect(r.stdout).toMatch(
      /median over \d+ days to production\. \(Centralized: in at least one replication the run ended before half of the use cases that go live were live\.\)/,
    );
    expect(r.stdout).toMatch(/│ Centralized +│ +> \d+ │/);
    expect(readdirSync(join(dir, 'charts'))).toEqual(
      expect.arrayContaining(['time-to-production.png', 'time-to-production-box.png']),
    );
  });

  it('stops cleanly on Ctrl-C: exit 130, workers ended, no report and no half-written file', async () => {
    const dir = out();
    const child = spawn(process.execPath, [bin, 'compare', '--reps', '400', '--workers', '2', '--out', dir], {
      cwd: root,
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('orgflow: cancelled');
    expect(existsSync(join(dir, 'report.html'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});

describe('orgflow validate', () => {
  it('accepts valid files with exit 0', () => {
    const r = orgflow('validate', join(root, 'scenarios', 'hub-and-spoke.yaml'), join(fixtures, 'minimal.yaml'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^valid: .*hub-and-spoke\.yaml/m);
  });

  it('rejects a bad file with exit 2, naming file, line, field and a fix', () => {
    const r = orgflow('validate', join(fixtures, 'bad', 'unknown-key.yaml'));
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/INVALID: .*unknown-key\.yaml, 1 error/);
    expect(r.stdout).toMatch(/unknown-key\.yaml:6: error at teams\.core\.headcont: unknown field "headcont"/);
    expect(r.stdout).toContain('hint: did you mean "headcount"?');
    expect(r.stdout + r.stderr).not.toMatch(/\s+at .*\(.*:\d+:\d+\)/); // no stack trace
  });

  it('reports an invalid scenario given to compare with exit 2 and no stack trace', () => {
    const r = orgflow('compare', join(fixtures, 'bad', 'warmup-too-long.yaml'), '--reps', '2', '--out', out());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /warmup-too-long\.yaml:3: error at horizon_days: the horizon \(100 days\) must be longer than the warm-up \(150 days\)/,
    );
    expect(r.stderr).not.toMatch(/\s+at .*:\d+:\d+/);
  });
});

describe('orgflow usage', () => {
  it.each(['compare', 'run', 'sweep', 'sensitivity', 'validate', 'schema', 'demo'])(
    '%s --help describes the command',
    (command) => {
      const r = orgflow(command, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: orgflow ${command}`);
    },
  );

  it('--help and --version', () => {
    expect(orgflow('--help').stdout).toMatch(/Commands:\n(.|\n)*compare(.|\n)*sensitivity/);
    expect(orgflow('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('rejects bad options with exit 2 and says why', () => {
    const r = orgflow('compare', '--reps', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/option '--reps <n>' argument '0' is invalid\. expected a whole number >= 1, got "0"/);
    expect(orgflow('compare', '--bogus').code).toBe(2);
    const set = orgflow('run', join(fixtures, 'minimal.yaml'), '--set', 'teams.nowhere.analyst=3', '--reps', '2');
    expect(set.code).toBe(2);
    expect(set.stderr).toContain('there is no "nowhere" under teams');
  });

  it('prints the JSON Schema', () => {
    const r = orgflow('schema');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).title).toBe('orgflow scenario');
  });
});

describe('sweep and sensitivity', () => {
  it('sweep prints a table and writes its chart', () => {
    const dir = out();
    const r = orgflow(
      'sweep',
      join(fixtures, 'minimal.yaml'),
      '--vary',
      'teams.core.analyst=1..3',
      '--reps',
      '3',
      '--workers',
      '1',
      '--out',
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Sweep of Minimal: 3 points x 3 replications/);
    expect(readdirSync(join(dir, 'sweep'))).toEqual(expect.arrayContaining(['sweep.svg', 'sweep.png', 'summary.csv']));
    expect(orgflow('sweep', join(fixtures, 'minimal.yaml')).code).toBe(2);
  });

  it('sweep marks a point that does not keep up, and draws its bound', () => {
    const dir = out();
    const r = orgflow(
      'sweep',
      join(root, 'scenarios', 'centralized.yaml'),
      '--vary',
      'teams.central.ml_engineer=2,6',
      '--reps',
      '3',
      '--workers',
      '1',
      '--out',
      dir,
    );
    expect(r.code).toBe(0);
    // value, median, p85 (a bound: not reached), p85 against the reference, go-lives, against the reference, keeps up
    expect(r.stdout).toMatch(/│ 2 +│ [^│]+│ +> \d+ +│ reference +│ [^│]+│ reference +│ no +│/);
    expect(r.stdout).toMatch(/│ 6 +│ [^│]+│ [^│]+│ not reached +│/);
    expect(readdirSync(join(dir, 'sweep'))).toEqual(expect.arrayContaining(['sweep.svg', 'sweep.png', 'report.html']));
    // a report of its own: the reference point (2 ML engineers, its assumptions say so) and the sweep chart
    const report = readFileSync(join(dir, 'sweep', 'report.html'), 'utf8');
    expect(report).toContain('<title>The effect of teams.central.ml_engineer on Centralized</title>');
    expect(report).toContain('<figure id="sweep">');
    expect(report).toMatch(/<td>Central data &amp; AI team<\/td><td>centre<\/td><td>[^<]*2 ML engineers/);
  });

  it('sensitivity prints the levers ranked and writes the tornado', () => {
    const dir = out();
    const r = orgflow('sensitivity', join(fixtures, 'minimal.yaml'), '--reps', '3', '--workers', '1', '--out', dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Sensitivity of Minimal/);
    expect(r.stdout).toContain('analysts in the core');
    expect(readdirSync(join(dir, 'sensitivity'))).toEqual(
      expect.arrayContaining(['tornado.svg', 'tornado.png', 'levers.csv', 'report.html']),
    );
    // a report of its own: the base's figures, and the tornado titled with the lever that moves p85 most
    const report = readFileSync(join(dir, 'sensitivity', 'report.html'), 'utf8');
    expect(report).toContain('<title>Which lever matters most for Minimal?</title>');
    expect(report).toMatch(/<figure id="tornado">.*The lever that moves the 85th percentile most: /s);
    // no lever's name cut short
    expect(readFileSync(join(dir, 'sensitivity', 'tornado.svg'), 'utf8')).not.toContain('…');
  });
});
