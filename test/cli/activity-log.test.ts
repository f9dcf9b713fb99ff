/** orgflow run --log: the first replication's activity log, as a CSV file a process-mining tool reads. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_LOG_COLUMNS } from '../../src/analysis/activity-log.js';
import { minimal, orgflow, outFolder } from './orgflow-process.js';

describe('orgflow run --log', () => {
  it('writes the activity log, dated from --log-start, and says where', () => {
    const dir = outFolder();
    const file = join(dir, 'history', 'log.csv');
    const r = orgflow(['run', minimal, '--reps', '2', '--out', dir, '--log', file, '--log-start', '2024-03-01']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Activity log of replication 1: ${file}`);
    const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...ACTIVITY_LOG_COLUMNS]);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows[0].start_time.startsWith('2024-03')).toBe(true);
    for (const row of rows) expect(row.start_time >= '2024-03-01T00:00:00.000Z').toBe(true);
  });

  it('refuses a --log-start that is not a date, naming the option and the value', () => {
    const r = orgflow(['run', minimal, '--reps', '1', '--out', outFolder(), '--log', 'x.csv', '--log-start', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'--log-start <date>'");
    expect(r.stderr).toContain('"soon"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('says plainly when the log cannot be written', () => {
    const dir = outFolder();
    const r = orgflow(['run', minimal, '--reps', '1', '--out', dir, '--log', join(dir, 'run')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write the activity log');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
