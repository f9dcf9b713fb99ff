/**
 * The activity log of a run, in the layout process-mining tools read (and `orgflow calibrate`):
 * one row per activity instance, with the case (use case), the activity, the person who did
 * it, and when it was ready, started and ended. Handovers, gate meetings and waits are not
 * activities: they are the gaps between one row of a case and the next, as in an export from
 * a work tracker. Maintenance of models in production is left out: it is not part of any
 * case's way to production.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { LogColumns } from '../model/index.js';

/** The columns of the activity log, in their order in the file. */
export const ACTIVITY_LOG_COLUMNS = [
  'case_id',
  'activity',
  'resource',
  'role',
  'team',
  'domain',
  'type',
  'loop',
  'rework',
  'arrival_time',
  'enabled_time',
  'start_time',
  'end_time',
  'outcome',
] as const;

export interface ActivityLogRow {
  case_id: number;
  /** The workflow's activity id, `loop.activity`; `clarification` for a round with the domain's SMEs. */
  activity: string;
  /** The person, `team/role/index`. */
  resource: string;
  role: string;
  team: string;
  domain: string;
  type: string;
  loop: string;
  /** A repeated pass: a loop-back, a rejected gate, or work lost in a handover. */
  rework: boolean;
  /** When the use case arrived. */
  arrival_time: string;
  /** The start less the days the use case waited for a person for the activity (a clarification: for an expert). */
  enabled_time: string;
  start_time: string;
  /** Empty while the activity is still going on at the end of the run. */
  end_time: string;
  /** The use case's outcome at the end of the run: live, abandoned or in_progress. */
  outcome: 'live' | 'abandoned' | 'in_progress';
}

/** The default calendar date of simulated day 0 (UTC). */
export const DEFAULT_LOG_START = '2026-01-01';

const MS_PER_DAY = 86_400_000;

/** The instant `day` days after `start` (a date or date-time, read as UTC), as ISO 8601. */
function timestampOf(startMs: number, day: number): string {
  return new Date(startMs + Math.round(day * MS_PER_DAY)).toISOString();
}

/** Each use case's arrival and outcome, from its arrival, go-live and abandonment rows. */
function casesOf(log: LogColumns): Map<number, { arrival: number; outcome: ActivityLogRow['outcome'] }> {
  const cases = new Map<number, { arrival: number; outcome: ActivityLogRow['outcome'] }>();
  for (let i = 0; i < log.time.length; i++) {
    const kind = log.kind[i];
    if (kind === 'arrival') cases.set(log.item[i], { arrival: log.time[i], outcome: 'in_progress' });
    else if (kind === 'go_live' || kind === 'abandon') {
      const c = cases.get(log.item[i]);
      if (c) c.outcome = kind === 'go_live' ? 'live' : 'abandoned';
    }
  }
  return cases;
}

/**
 * The activity log of one replication's event log, with simulated day 0 at `startMs` (epoch
 * milliseconds). A row's enabled time is its start less the days the use case waited for a
 * person for it since its last handover, so that the gap from a case's previous row is its
 * handover (with, when a colleague of the same team took over, their wait before it); a
 * clarification round is enabled when the use case asks for an expert and starts when one is
 * free.
 */
export function activityLogRows(log: LogColumns, startMs: number): ActivityLogRow[] {
  const cases = casesOf(log);
  const at = (day: number): string => timestampOf(startMs, day);
  const rows: ActivityLogRow[] = [];
  const open = new Map<number, ActivityLogRow>(); // item -> its activity under way
  const waited = new Map<number, number>(); // item -> days waited for a person since its last activity started
  const expertQueue = new Map<number, number>(); // item -> days its clarification round under way queued for an expert
  for (let i = 0; i < log.time.length; i++) {
    const kind = log.kind[i];
    const item = log.item[i];
    // a wait with no activity is the queue of a clarification round, part of the round
    if (kind === 'wait' && log.activity[i] === '') expertQueue.set(item, log.duration[i]);
    else if (kind === 'wait') waited.set(item, (waited.get(item) ?? 0) + log.duration[i]);
    // a wait before a handover (a colleague of the same team, assigned, then reading in) lies
    // in the gap of the handover, before the next row's enabled time
    if (kind === 'handover') waited.delete(item);
    if (kind !== 'activity_start' && kind !== 'activity_end' && kind !== 'clarification') continue;
    const c = cases.get(item);
    if (c === undefined) continue; // a row of a use case whose arrival is not in this log
    if (kind === 'activity_end') {
      const row = open.get(item);
      if (row) row.end_time = at(log.time[i]);
      open.delete(item);
      continue;
    }
    const asked = kind === 'clarification' ? log.time[i] - log.duration[i] : NaN;
    const start = kind === 'clarification' ? asked + (expertQueue.get(item) ?? 0) : log.time[i];
    if (kind === 'clarification') expertQueue.delete(item);
    const row: ActivityLogRow = {
      case_id: item,
      activity: kind === 'clarification' ? 'clarification' : `${log.loop[i]}.${log.activity[i]}`,
      resource: log.person[i],
      role: log.role[i],
      team: log.team[i],
      domain: log.domain[i],
      type: log.type[i],
      loop: kind === 'clarification' ? '' : log.loop[i],
      rework: log.detail[i] === 'rework',
      arrival_time: at(c.arrival),
      enabled_time: at(kind === 'clarification' ? asked : start - (waited.get(item) ?? 0)),
      start_time: at(start),
      end_time: kind === 'clarification' ? at(log.time[i]) : '',
      outcome: c.outcome,
    };
    if (kind === 'activity_start') {
      waited.delete(item);
      open.set(item, row);
    }
    rows.push(row);
  }
  // in order of start (ISO 8601 times of one form sort as text), a case's rows in their order
  return rows.sort((a, b) =>
    a.start_time < b.start_time ? -1 : a.start_time > b.start_time ? 1 : a.case_id - b.case_id,
  );
}

/**
 * Writes `rows` to `file` as CSV with a header, making its folder if need be. The text is
 * streamed to a temporary file renamed into place, so a large log is never one string and
 * the file appears whole or not at all (a failed write leaves nothing behind).
 */
export async function writeActivityLog(file: string, rows: readonly ActivityLogRow[]): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    const csv = stringify({
      header: true,
      columns: [...ACTIVITY_LOG_COLUMNS],
      cast: { boolean: (value) => (value ? 'true' : 'false') },
    });
    const written = pipeline(csv, createWriteStream(temporary));
    for (const row of rows) if (!csv.write(row)) await once(csv, 'drain');
    csv.end();
    await written;
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
