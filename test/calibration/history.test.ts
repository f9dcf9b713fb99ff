/**
 * Reading a history: columns found by their usual names or mapped, times in ISO 8601 or an
 * explicit format, cases grouped with their outcome, open work kept as in progress, and every
 * fault in the file reported with its line and a hint.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryError, readHistory, type HistoryOptions } from '../../src/calibration/index.js';
import { ColumnError } from '../../src/calibration/history-columns.js';
import { outFolder } from '../cli/orgflow-process.js';

const csv = (text: string): string => {
  const file = join(outFolder(), 'history.csv');
  writeFileSync(
    file,
    text
      .trim()
      .split('\n')
      .map((l) => l.trim())
      .join('\n'),
  );
  return file;
};
const read = (text: string, options?: HistoryOptions) => readHistory(csv(text), options);
const fault = async (text: string, options?: HistoryOptions): Promise<HistoryError | ColumnError> => {
  try {
    await read(text, options);
  } catch (error) {
    if (error instanceof HistoryError || error instanceof ColumnError) return error;
    throw error;
  }
  throw new Error('no fault found');
};

describe('reading a history', () => {
  it('finds columns by their usual names, in any case and spelling, and groups rows into cases in order of start', async () => {
    const h = await read(`
      Case ID,Activity,Resource,Start Timestamp,Complete Timestamp,outcome
      A,build,ann,2026-01-05 09:00,2026-01-06 09:00,live
      A,check,bob,2026-01-02,2026-01-03,live
      B,check,bob,2026-01-07T00:00:00Z,,in_progress`);
    expect(h.cases.map((c) => [c.id, c.outcome, c.activities.map((a) => a.activity)])).toEqual([
      ['A', 'live', ['check', 'build']],
      ['B', 'in_progress', ['check']],
    ]);
    expect(Number.isNaN(h.cases[1].activities[0].end)).toBe(true);
    expect(h.exportTime).toBe(Date.parse('2026-01-07T00:00:00Z'));
    expect(h.cases[0].arrival).toBe(Date.parse('2026-01-02T00:00:00Z')); // no arrival column: the first start
    expect(h.has.role).toBe(false);
    expect(h.notes.some((n) => n.includes('no domain column'))).toBe(true);
  });

  it('takes --columns names over the defaults, renames and merges activities, and reads an explicit date format', async () => {
    const h = await read(
      `
      Key,Status,Began,Done
      K-1,In Dev,01/02/2026 10:00,03/02/2026 10:00
      K-1,Coding,04/02/2026 10:00,05/02/2026 10:00`,
      {
        columns: { case: 'Key', activity: 'Status', start: 'Began', end: 'Done' },
        activities: { 'In Dev': 'develop', Coding: 'develop' },
        timestamps: { format: 'dd/MM/yyyy HH:mm', zone: 'Europe/Paris' },
      },
    );
    expect(h.cases[0].activities.map((a) => a.activity)).toEqual(['develop', 'develop']);
    expect(h.cases[0].activities[0].start).toBe(Date.parse('2026-02-01T09:00:00Z'));
  });

  it('cuts at --to: later work dropped, work under way then left open, its case in progress', async () => {
    const h = await read(
      `
      case_id,activity,start_time,end_time,outcome
      1,a,2026-01-01,2026-01-10,live
      1,b,2026-01-11,2026-01-20,live
      2,a,2026-01-25,2026-01-26,live`,
      { to: Date.parse('2026-01-15T00:00:00Z') },
    );
    expect(h.cases).toHaveLength(1);
    expect(h.cases[0].outcome).toBe('in_progress');
    expect(Number.isNaN(h.cases[0].activities[1].end)).toBe(true);
    expect(h.notes).toContain('1 cases arrived after the export time and are left out');
  });

  it('with no outcome column, a case is live once it finished --live-activity, else in progress', async () => {
    const text = `
      case_id,activity,start_time,end_time
      1,build,2026-01-01,2026-01-02
      1,deploy,2026-01-03,2026-01-04
      2,build,2026-01-01,2026-01-05`;
    expect((await read(text)).cases.map((c) => c.outcome)).toEqual(['in_progress', 'in_progress']);
    expect((await read(text, { liveActivity: 'deploy' })).cases.map((c) => c.outcome)).toEqual(['live', 'in_progress']);
    await expect(read(text, { liveActivity: 'Deploy' })).rejects.toThrow(
      /--live-activity "Deploy" is not an activity of the file/,
    );
  });
});

describe('faults in a history', () => {
  it.each([
    ['a missing column', 'case_id,activity,start_time\n1,a,2026-01-01', /no column for end/, undefined],
    [
      'a time that is not one',
      'case_id,activity,start_time,end_time\n1,a,2026-01-01,soon',
      /end "soon" is not a time/,
      2,
    ],
    [
      'a day the calendar does not have',
      'case_id,activity,start_time,end_time\n1,a,2024-02-28,2024-02-30',
      /end "2024-02-30" is not a time/,
      2,
    ],
    [
      'an end before the start',
      'case_id,activity,start_time,end_time\n1,a,2026-01-05,2026-01-01',
      /ends .* before it starts/,
      2,
    ],
    [
      'an empty case id',
      'case_id,activity,start_time,end_time\n1,a,2026-01-01,2026-01-02\n,a,2026-01-01,2026-01-02',
      /case id is empty/,
      3,
    ],
    [
      'an unknown outcome',
      'case_id,activity,start_time,end_time,outcome\n1,a,2026-01-01,2026-01-02,meh',
      /outcome "meh"/,
      2,
    ],
    ['a header and no rows', 'case_id,activity,start_time,end_time', /no rows/, undefined],
    [
      'a person in two activities at once',
      'case_id,activity,resource,start_time,end_time\n1,a,ann,2026-01-01,2026-01-05\n2,a,ann,2026-01-03,2026-01-04',
      /ann starts an activity while still in the one of line 2/,
      3,
    ],
  ])('%s: the line and a hint', async (_what, text, message, line) => {
    const error = await fault(text);
    expect(error.message).toMatch(message);
    expect(error.hint.length).toBeGreaterThan(10);
    if (line !== undefined) expect((error as HistoryError).line).toBe(line);
  });

  it("names the file's own line, counting blank lines and quoted line breaks", async () => {
    const error = await fault(
      'case_id,activity,start_time,end_time\n1,"two\nlines",2026-01-01,2026-01-02\n\n\n2,a,2026-01-01,bad',
    );
    expect((error as HistoryError).line).toBe(6);
  });

  it('accepts two activities of one person at once with allowOverlap', async () => {
    const h = await read(
      'case_id,activity,resource,start_time,end_time\n1,a,ann,2026-01-01,2026-01-05\n2,a,ann,2026-01-03,2026-01-04',
      {
        allowOverlap: true,
      },
    );
    expect(h.cases).toHaveLength(2);
  });

  it('names a mapped column the file does not have, and lists the columns it has', async () => {
    const error = await fault('Key,activity,start_time,end_time\n1,a,2026-01-01,2026-01-02', {
      columns: { case: 'Issue' },
    });
    expect(error.message).toContain('"Issue"');
    expect(error.hint).toContain('Key, activity, start_time, end_time');
  });
});
