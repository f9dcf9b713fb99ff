/**
 * The activity log (`orgflow run --log`) is the run told as a work tracker would export it:
 * each use case's activity rows must add up to the time its record gives to work, rework,
 * waiting for a person and clarification, and its outcome must be the record's.
 */
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_LOG_COLUMNS, activityLogRows, writeActivityLog } from '../../src/analysis/activity-log.js';
import { simulate } from '../../src/model/index.js';
import { loadScenario } from '../../src/scenario/index.js';
import { outFolder } from '../cli/orgflow-process.js';
import { logRows } from '../support/run-log.js';

const root = join(import.meta.dirname, '..', '..');
const spec = { ...loadScenario(join(root, 'scenarios', 'hub-and-spoke.yaml')).spec, horizon_days: 500 };
const run = simulate(spec, { seed: 7, log: true });
const START = Date.parse('2026-01-01T00:00:00Z');
const rows = activityLogRows(run.log, START);
const day = (iso: string): number => (Date.parse(iso) - START) / 86_400_000;
/** A millisecond, in days: the resolution of the log's times. */
const MS = 1 / 86_400_000;

describe('the activity log of a run', () => {
  it('has a case for every use case, with its arrival and outcome', () => {
    const cases = new Map(rows.map((r) => [r.case_id, r]));
    const started = run.items.filter((i) => i.activities > 0 || i.outcome === 'live');
    expect(started.length).toBeGreaterThan(50);
    for (const item of started) {
      const row = cases.get(item.id);
      expect(row, `use case ${item.id}`).toBeDefined();
      expect(row?.outcome).toBe(item.outcome);
      expect(Math.abs(day(row?.arrival_time ?? '') - item.arrival)).toBeLessThanOrEqual(MS);
    }
    expect(rows.some((r) => r.outcome === 'in_progress')).toBe(true);
    expect(rows.some((r) => r.outcome === 'abandoned')).toBe(true);
  });

  it("adds up, case by case, to the record's work, rework, waiting and clarification", () => {
    const sums = new Map<number, { work: number; rework: number; waiting: number; clarification: number; n: number }>();
    for (const r of rows) {
      if (r.end_time === '') continue;
      const s = sums.get(r.case_id) ?? { work: 0, rework: 0, waiting: 0, clarification: 0, n: 0 };
      const length = day(r.end_time) - day(r.start_time);
      // a clarification round counts from the request to the experts, their queue included
      if (r.activity === 'clarification') s.clarification += day(r.end_time) - day(r.enabled_time);
      else if (r.rework) s.rework += length;
      else s.work += length;
      if (r.activity !== 'clarification') s.waiting += day(r.start_time) - day(r.enabled_time);
      s.n++;
      sums.set(r.case_id, s);
    }
    // a wait before a handover (a colleague assigned, then reading in) lies in the handover's gap
    const inGaps = new Map<number, number>();
    const pending = new Map<number, number>();
    for (const r of logRows(run.log)) {
      if (r.kind === 'wait' && r.activity !== '') pending.set(r.item, (pending.get(r.item) ?? 0) + r.duration);
      if (r.kind === 'activity_start') pending.delete(r.item);
      if (r.kind === 'handover') {
        inGaps.set(r.item, (inGaps.get(r.item) ?? 0) + (pending.get(r.item) ?? 0));
        pending.delete(r.item);
      }
    }
    expect([...inGaps.values()].some((w) => w > 0)).toBe(true);
    let checked = 0;
    for (const item of run.items.filter((i) => i.outcome !== 'in_progress')) {
      const s = sums.get(item.id);
      if (s === undefined) continue; // abandoned before its first activity
      const tolerance = 4 * s.n * MS;
      expect(s.work).toBeCloseTo(item.work, 5);
      expect(Math.abs(s.work - item.work)).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(s.rework - item.rework)).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(s.waiting + (inGaps.get(item.id) ?? 0) - item.waiting)).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(s.clarification - item.clarification)).toBeLessThanOrEqual(tolerance);
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('has no person in two activities at once: a clarification starts when an expert is free', () => {
    const byPerson = new Map<string, { start: number; end: number }[]>();
    for (const r of rows) {
      const list = byPerson.get(r.resource) ?? byPerson.set(r.resource, []).get(r.resource) ?? [];
      list.push({ start: day(r.start_time), end: r.end_time === '' ? Infinity : day(r.end_time) });
    }
    expect(rows.some((r) => r.activity === 'clarification' && r.start_time > r.enabled_time)).toBe(true);
    for (const [person, list] of byPerson) {
      list.sort((a, b) => a.start - b.start);
      for (let i = 1; i < list.length; i++)
        expect(list[i].start, `${person} at day ${list[i].start}`).toBeGreaterThanOrEqual(list[i - 1].end - MS);
    }
  });

  it("enables no row before the end of its case's previous row: handovers are the gaps", () => {
    const last = new Map<number, string>();
    for (const r of [...rows].sort((a, b) => a.case_id - b.case_id || (a.start_time < b.start_time ? -1 : 1))) {
      const previousEnd = last.get(r.case_id);
      if (previousEnd !== undefined)
        expect(r.enabled_time >= previousEnd, `case ${r.case_id} at ${r.start_time}`).toBe(true);
      last.set(r.case_id, r.end_time);
    }
  });

  it('leaves the end of an activity still under way empty, on a case in progress', () => {
    const open = rows.filter((r) => r.end_time === '');
    expect(open.length).toBeGreaterThan(0);
    for (const r of open) expect(r.outcome).toBe('in_progress');
    // one activity at most under way per case
    expect(new Set(open.map((r) => r.case_id)).size).toBe(open.length);
  });

  it('names activities by workflow id, people by team/role/index, and orders rows by start', () => {
    const ids = new Set([...loadScenarioActivityIds(), 'clarification']);
    for (const r of rows) {
      expect(ids.has(r.activity), r.activity).toBe(true);
      expect(r.resource).toBe(`${r.team}/${r.role}/${r.resource.split('/').pop()}`);
      expect(r.enabled_time <= r.start_time).toBe(true);
    }
    const starts = rows.map((r) => r.start_time);
    expect(starts).toEqual([...starts].sort());
  });

  it('is written as CSV that reads back with its header and its values', async () => {
    const file = join(outFolder(), 'nested', 'log.csv');
    await writeActivityLog(file, rows);
    expect(readdirSync(dirname(file))).toEqual(['log.csv']); // no temporary file left
    const read = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(Object.keys(read[0])).toEqual([...ACTIVITY_LOG_COLUMNS]);
    expect(read).toHaveLength(rows.length);
    expect(read[3]).toEqual(Object.fromEntries(Object.entries(rows[3]).map(([k, v]) => [k, String(v)])));
  });
});

function loadScenarioActivityIds(): string[] {
  return Object.entries(spec.workflow.loops).flatMap(([loop, l]) =>
    Object.keys((l as { activities: Record<string, unknown> }).activities).map((a) => `${loop}.${a}`),
  );
}
