/** orgflow run --log: the first replication's activity log, as a CSV file a process-mining tool reads. */
import { readdirSync, readFileSync } from 'node:fs';
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

  it.each(['soon', '2026-02-30', '1', '2026-1-1'])(
    'refuses --log-start %s, naming the option and the value',
    (value) => {
      const r = orgflow(['run', minimal, '--reps', '1', '--out', outFolder(), '--log', 'x.csv', '--log-start', value]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("'--log-start <date>'");
      expect(r.stderr).toContain(JSON.stringify(value));
      expect(r.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it('refuses --log-start without --log', () => {
    const r = orgflow(['run', minimal, '--reps', '1', '--out', outFolder(), '--log-start', '2026-01-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give --log');
  });

  it('refuses a --log that names a folder before the run starts, and leaves nothing behind', () => {
    const dir = outFolder();
    const r = orgflow(['run', minimal, '--reps', '1', '--out', dir, '--log', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--log ${dir} is a folder`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual([]); // refused before the run: no results, no temporary file
  });
});
