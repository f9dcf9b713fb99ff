/** orgflow calibrate: from an activity log to a scenario file that validates, with its faults reported plainly. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { orgflow, outFolder, root } from './orgflow-process.js';

const truth = join(root, 'test', 'fixtures', 'calibration', 'truth.yaml');
let dir: string;
let log: string;
beforeAll(() => {
  dir = outFolder();
  log = join(dir, 'history.csv');
  const r = orgflow(['run', truth, '--reps', '1', '--horizon', '1000', '--out', dir, '--log', log, '--quiet']);
  if (r.code !== 0) throw new Error(r.stderr);
}, 60_000);

describe('orgflow calibrate', () => {
  it('fits a scenario that validates and runs, with a comment beside each fitted value', () => {
    const fitted = join(dir, 'fitted.yaml');
    const r = orgflow(['calibrate', log, '-o', fitted]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Calibrated from \d+ rows: \d+ use cases \(\d+ still in progress\)/);
    expect(r.stdout).toContain('model.train');
    expect(r.stdout).toContain(`Scenario: ${fitted}`);
    const yaml = readFileSync(fitted, 'utf8');
    expect(yaml).toMatch(/effort: \{ \w+: .* # person-days; n \d+, median/);
    expect(yaml).toMatch(/headcount: \{ .* \} # people seen; \d+ activities/);
    expect(yaml).toContain('# - costs are not in a history');
    expect(orgflow(['validate', fitted]).code).toBe(0);
    const run = orgflow(['run', fitted, '--reps', '2', '--horizon', '730', '--out', outFolder(), '--json', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).scenarios[0].name).toBe('Calibrated from history');
  });

  it('writes the calibration report beside the scenario: each fit against what was observed', () => {
    const out = outFolder();
    const r = orgflow(['calibrate', log, '-o', join(out, 'fitted.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Report: ${join(out, 'fitted.html')}`);
    const html = readFileSync(join(out, 'fitted.html'), 'utf8');
    // one chart per activity (6 in the truth's workflow) and per arrival stream (4), and no script
    expect(html.match(/<svg/g)?.length).toBe(6 + 4);
    expect(html).toContain('model.train');
    // each fitted family is drawn over what was observed (an empirical fit has no line of its own)
    expect(html).toMatch(/dashed: fitted (lognormal|gamma|weibull|exponential)/);
    expect(html).toContain('What the history could not say');
    expect(html).not.toContain('<script');
    const none = outFolder();
    expect(orgflow(['calibrate', log, '-o', join(none, 'f.yaml'), '--no-report']).code).toBe(0);
    expect(readdirSync(none)).toEqual(['f.yaml']);
  });

  it('prints the fit as JSON with --json', () => {
    const r = orgflow(['calibrate', log, '-o', join(dir, 'f2.yaml'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual([
      'output',
      'rows',
      'windowDays',
      'arrivals',
      'activities',
      'iterations',
      'abandonment',
      'teams',
      'notes',
    ]);
    expect(Object.keys(json.iterations)).toEqual(['decay', 'ci95', 'noLearningP', 'cap', 'moves']);
    expect(json.abandonment.byType.map((t: { type: string }) => t.type)).toContain('model');
    expect(json.activities.find((a: { activity: string }) => a.activity === 'model.train')).toMatchObject({
      role: 'ml_engineer',
    });
  });

  it.each([
    ['a file that does not exist', ['calibrate', 'no-such.csv'], /cannot read no-such.csv/],
    ['an unknown field in --columns', ['calibrate', '{log}', '--columns', 'kase=Key'], /unknown field "kase"/],
    ['an unknown time zone', ['calibrate', '{log}', '--timezone', 'Mars/Olympus'], /unknown time zone/],
    ['a --from that is not a time', ['calibrate', '{log}', '--from', 'yesterday'], /--from: "yesterday" is not a time/],
  ])('refuses %s with exit 2 and no stack trace', (_what, args, message) => {
    const r = orgflow(args.map((a) => a.replace('{log}', log)).concat(['-o', join(outFolder(), 'x.yaml')]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the line of a bad row, with a hint, and writes nothing', () => {
    const bad = join(outFolder(), 'bad.csv');
    writeFileSync(bad, 'case_id,activity,start_time,end_time\n1,a,2026-01-01,2026-01-02\n2,a,2026-01-03,03/01/2026\n');
    const out = join(outFolder(), 'x.yaml');
    const r = orgflow(['calibrate', bad, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 3: end "03/01/2026" is not a time');
    expect(r.stderr).toContain('hint: times are read as ISO 8601');
    expect(() => readFileSync(out)).toThrow();
  });
});

describe('orgflow calibrate --mapping', () => {
  const example = join(root, 'scenarios', 'examples', 'history');
  it("reads the shipped example with its mapping: a column named otherwise and a step renamed in the tracker's history", () => {
    const fitted = join(outFolder(), 'example.yaml');
    const r = orgflow([
      'calibrate',
      join(example, 'activity-log.csv'),
      '--mapping',
      join(example, 'mapping.yaml'),
      '--allow-overlap',
      '-o',
      fitted,
      '--no-report',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('work.deployment');
    expect(r.stdout).not.toContain('work.release');
    expect(r.stdout).toMatch(/Learning: loop-backs decay by 0\.\d+ each time round \(from \d+ moves/);
    expect(readFileSync(fitted, 'utf8')).toMatch(
      /headcount: .* # most activities at once \(people work on several at once\)/,
    );
  });

  it.each([
    [
      'a section it does not know',
      'colums: { end: Finished }',
      /--mapping .*: expected columns, activities and roles.*unknown: colums/,
    ],
    ['a value that is not a name', 'activities: { Release: [Deployment] }', /--mapping .*: .*a value is not text/],
    ['a field it does not know', 'columns: { finish: Finished }', /--mapping .*: unknown field "finish"/],
    ['YAML that does not parse', 'columns: { end: Finished', /--mapping .*: /],
  ])('refuses a mapping file with %s, with exit 2 and no stack trace', (_what, text, message) => {
    const file = join(outFolder(), 'mapping.yaml');
    writeFileSync(file, text);
    const r = orgflow([
      'calibrate',
      join(example, 'activity-log.csv'),
      '--mapping',
      file,
      '-o',
      join(outFolder(), 'x.yaml'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('orgflow backtest', () => {
  it('prints the model beside the naive forecast and what happened, and says which came closer', () => {
    const r = orgflow(['backtest', log, '--reps', '10', '--split', '0.7']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Back-test: calibrated on \d+ use cases up to \d{4}-\d{2}-\d{2}; forecast of/);
    for (const row of [
      'Median days to production',
      '85th percentile days',
      'Go-lives in the window',
      'Work in progress at its end',
    ])
      expect(r.stdout).toContain(row);
    expect(r.stdout).toMatch(/The model came closer on \d of 6 measures, the naive forecast on \d/);
  });

  it('prints JSON with the model, naive and actual figures, and rolls over several windows', () => {
    const r = orgflow(['backtest', log, '--reps', '5', '--split', '0.8', '--rolling', '2', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.windows).toHaveLength(2);
    expect(Object.keys(json.windows[0])).toEqual(['train', 'test', 'model', 'naive', 'actual', 'withinP85', 'closer']);
    expect(Object.keys(json.windows[0].model)).toEqual(['p50', 'p85', 'p95', 'goLives', 'wipAtEnd', 'cycleTimeW1']);
    expect(json.windows[0].test.to).toBe(json.windows[1].test.from);
  });

  it('refuses a split outside the history, or more rolling windows than it holds', () => {
    const outside = orgflow(['backtest', log, '--train-until', '1990-01-01']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('outside the history');
    const many = orgflow(['backtest', log, '--split', '0.5', '--rolling', '3']);
    expect(many.code).toBe(2);
    expect(many.stderr).toContain('--rolling 3');
  });
});

describe('orgflow calibrate --layout stage-dates', () => {
  it('fits a file with a date column per stage, and refuses a layout it does not know', () => {
    const file = join(outFolder(), 'stages.csv');
    const lines = ['Key,Backlog,Doing,Done'];
    for (let i = 0; i < 40; i++) {
      const d = (k: number) => new Date(Date.UTC(2026, 0, 1) + k * 86_400_000).toISOString().slice(0, 10);
      lines.push(`K-${i},${d(i)},${d(i + 1 + (i % 3))},${i < 38 ? d(i + 6 + (i % 4)) : ''}`);
    }
    writeFileSync(file, lines.join('\n'));
    const out = join(outFolder(), 'fitted.yaml');
    const r = orgflow(['calibrate', file, '--layout', 'stage-dates', '--stages', 'Backlog,Doing,Done', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('40 use cases (2 still in progress)');
    expect(orgflow(['validate', out]).code).toBe(0);
    const bad = orgflow(['calibrate', file, '--layout', 'jira']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('activity-log, stage-dates');
  });
});
