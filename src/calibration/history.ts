/**
 * An organisation's history as orgflow reads it: an activity log (one row per activity
 * instance) read from CSV as a stream, checked row by row, and grouped into cases (use cases),
 * each with its activities in order of start. A case still open at the export time is kept
 * as in progress (censored), never dropped.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { type ColumnIndex, HISTORY_FIELDS, type HistoryField, locateColumns } from './history-columns.js';
import { parseTimestamp, type TimestampFormat } from './timestamps.js';

export type CaseOutcome = 'live' | 'abandoned' | 'in_progress';

/** One activity instance. Times are epoch milliseconds; `end` is NaN while under way. */
export interface ActivityInstance {
  activity: string;
  start: number;
  end: number;
  /** NaN when the file does not say. */
  enabled: number;
  resource: string;
  role: string;
  team: string;
  /** The workflow loop, where the file has a loop column ('' otherwise). */
  loop: string;
  /** The line of the file it came from (the header is line 1). */
  line: number;
}

export interface HistoryCase {
  id: string;
  domain: string;
  type: string;
  /** When it was requested: the arrival column, else its first activity's enabled time or start. */
  arrival: number;
  outcome: CaseOutcome;
  /** In order of start. */
  activities: ActivityInstance[];
}

export interface History {
  cases: HistoryCase[];
  /** The earliest arrival. */
  start: number;
  /** The end of the history: the --to time, else the latest time in the file. */
  exportTime: number;
  /** Which optional fields the file has. */
  has: Record<HistoryField, boolean>;
  rows: number;
  /** Whether a person is in two activities at once somewhere (allowed with allowOverlap). */
  overlapping: boolean;
  /** What was assumed or dropped, in plain words, with counts. */
  notes: string[];
}

export interface HistoryOptions {
  columns?: Partial<Record<HistoryField, string>>;
  /** Activity name in the file -> name to use (several names to one merges them). */
  activities?: Record<string, string>;
  /** Role name in the file -> name to use. */
  roles?: Record<string, string>;
  timestamps?: TimestampFormat;
  /** Leave out cases that arrived before this time (epoch ms). */
  from?: number;
  /** The export time: what happened after it is cut off, as if the file had been exported then. */
  to?: number;
  /** Accept a person in two activities at once (default false: an error). */
  allowOverlap?: boolean;
  /** With no outcome column: a case that finished this activity (its name in the file) is live. */
  liveActivity?: string;
}

/** A fault in the history: its line (when it is one row's), what is wrong, and how to fix it. */
export class HistoryError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'HistoryError';
  }
}

/** The domain and type of a history whose file names none. */
export const DEFAULT_DOMAIN = 'organisation';
export const DEFAULT_TYPE = 'use_case';
const DEFAULT_TEAM = 'team';

interface RawCase {
  domain: string;
  type: string;
  arrival: number;
  outcome: CaseOutcome | undefined;
  activities: ActivityInstance[];
}

/**
 * The records of the CSV file `file`, streamed, each with the line of the file it ends on
 * (blank lines and quoted line breaks counted); a file that cannot be read fails the loop.
 */
export function csvRecords(file: string): AsyncIterable<{ record: string[]; info: { lines: number } }> {
  const input = createReadStream(file);
  const parser = parse({ bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  return parser as AsyncIterable<{ record: string[]; info: { lines: number } }>;
}

/** Reads and checks the activity log in `file`; see {@link History}. */
export async function readHistory(file: string, options: HistoryOptions = {}): Promise<History> {
  let index: ColumnIndex | undefined;
  const reader = rowReader(options);
  for await (const { record, info } of csvRecords(file)) {
    if (index === undefined) {
      index = locateColumns(record, options.columns);
      continue;
    }
    reader.add(record, index, info.lines);
  }
  if (index === undefined)
    throw new HistoryError(`${file} is empty`, 'an activity log has a header row and one row per activity');
  return reader.finish(index);
}

/** The time in `text` (a row's `field`, on `line`), or a HistoryError saying how times are read. */
function timeOf(text: string, field: string, line: number, how: TimestampFormat | undefined): number {
  const ms = parseTimestamp(text, how);
  if (Number.isNaN(ms))
    throw new HistoryError(
      `${field} ${JSON.stringify(text)} is not a time`,
      how?.format !== undefined
        ? `times are read with --date-format ${JSON.stringify(how.format)}`
        : 'times are read as ISO 8601 (2026-03-01, 2026-03-01T09:30:00Z, 2026-03-01 09:30); for another layout give --date-format, e.g. --date-format "dd/MM/yyyy HH:mm"',
      line,
    );
  return ms;
}

/** An activity's start and end (NaN: under way), checked to be times in order. */
function spanOf(startText: string, endText: string, line: number, how: TimestampFormat | undefined) {
  const start = timeOf(startText, 'start', line, how);
  const end = endText === '' ? NaN : timeOf(endText, 'end', line, how);
  if (end < start)
    throw new HistoryError(
      `the activity ends (${endText}) before it starts (${startText})`,
      'check the row, or swap the start and end columns with --columns',
      line,
    );
  return { start, end };
}

/** Reads the rows one by one (see readHistory); `finish` groups them into cases. */
function rowReader(options: HistoryOptions) {
  const cases = new Map<string, RawCase>();
  const names = new Map<string, string>(); // interning: one string per distinct name
  const intern = (s: string): string => {
    const known = names.get(s);
    if (known !== undefined) return known;
    names.set(s, s);
    return s;
  };
  let rows = 0;
  let latest = -Infinity;
  const rename = (map: Record<string, string> | undefined, name: string): string => intern(map?.[name] ?? name);
  const time = (text: string, field: string, line: number): number => timeOf(text, field, line, options.timestamps);
  return {
    add(record: string[], index: ColumnIndex, line: number): void {
      const cell = (field: HistoryField): string => {
        const i = index[field];
        return i === undefined ? '' : (record[i] ?? '');
      };
      const id = cell('case');
      if (id === '')
        throw new HistoryError('the case id is empty', 'every row names the case (use case) it belongs to', line);
      const activity = cell('activity');
      if (activity === '')
        throw new HistoryError(`the activity of case ${id} is empty`, 'every row names its activity', line);
      const { start, end } = spanOf(cell('start'), cell('end'), line, options.timestamps);
      const enabledText = cell('enabled');
      const arrivalText = cell('arrival');
      rows++;
      latest = Math.max(latest, start, Number.isNaN(end) ? start : end);
      let c = cases.get(id);
      if (c === undefined) {
        c = {
          domain: intern(cell('domain') || DEFAULT_DOMAIN),
          type: intern(cell('type') || DEFAULT_TYPE),
          arrival: arrivalText === '' ? NaN : time(arrivalText, 'arrival', line),
          outcome: undefined,
          activities: [],
        };
        cases.set(id, c);
      }
      const outcome = outcomeOf(cell('outcome'), line);
      if (outcome !== undefined) c.outcome = outcome;
      c.activities.push({
        activity: rename(options.activities, activity),
        start,
        end,
        enabled: enabledText === '' ? NaN : time(enabledText, 'enabled', line),
        resource: intern(cell('resource')),
        role: rename(options.roles, cell('role')),
        team: intern(cell('team') || DEFAULT_TEAM),
        loop: intern(cell('loop')),
        line,
      });
    },
    finish(index: ColumnIndex): History {
      if (rows === 0)
        throw new HistoryError('the file has a header but no rows', 'an activity log has one row per activity');
      const has = Object.fromEntries(HISTORY_FIELDS.map((f) => [f, index[f] !== undefined])) as Record<
        HistoryField,
        boolean
      >;
      return groupCases(cases, rows, latest, has, options);
    },
  };
}

const OUTCOMES: Record<string, CaseOutcome> = {
  live: 'live',
  done: 'live',
  deployed: 'live',
  abandoned: 'abandoned',
  cancelled: 'abandoned',
  canceled: 'abandoned',
  rejected: 'abandoned',
  in_progress: 'in_progress',
  open: 'in_progress',
};

function outcomeOf(text: string, line: number): CaseOutcome | undefined {
  if (text === '') return undefined;
  const outcome = OUTCOMES[text.toLowerCase().replace(/[\s-]/g, '_')];
  if (outcome === undefined)
    throw new HistoryError(
      `outcome ${JSON.stringify(text)} is not one orgflow knows`,
      `use live (or done, deployed), abandoned (or cancelled, rejected) or in_progress (or open)`,
      line,
    );
  return outcome;
}

/** The cases of the window, cut at the export time, with their outcomes; see readHistory. */
function groupCases(
  raw: Map<string, RawCase>,
  rows: number,
  latest: number,
  has: Record<HistoryField, boolean>,
  options: HistoryOptions,
): History {
  const exportTime = options.to ?? latest;
  const notes: string[] = [];
  const cases: HistoryCase[] = [];
  const live =
    options.liveActivity === undefined
      ? undefined
      : (options.activities?.[options.liveActivity] ?? options.liveActivity);
  if (live !== undefined && ![...raw.values()].some((c) => c.activities.some((a) => a.activity === live))) {
    const names = [...new Set([...raw.values()].flatMap((c) => c.activities.map((a) => a.activity)))].sort();
    throw new HistoryError(
      `--live-activity ${JSON.stringify(options.liveActivity)} is not an activity of the file`,
      `its activities: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', ...' : ''}`,
    );
  }
  let before = 0;
  let after = 0;
  for (const [id, c] of raw) {
    c.activities.sort((a, b) => a.start - b.start || a.line - b.line);
    const first = c.activities[0];
    const arrival = Number.isFinite(c.arrival)
      ? c.arrival
      : Number.isFinite(first.enabled)
        ? first.enabled
        : first.start;
    if (options.from !== undefined && arrival < options.from) {
      before++;
      continue;
    }
    if (arrival > exportTime) {
      after++;
      continue;
    }
    const outcome = c.outcome ?? outcomeByActivity(c.activities, live);
    cases.push(caseAt({ id, domain: c.domain, type: c.type, arrival, outcome, activities: c.activities }, exportTime));
  }
  if (cases.length === 0)
    throw new HistoryError(
      `no use case arrived in the window (${before} before --from, ${after} after the export time)`,
      'widen --from and --to, or check that the times are read as meant (--date-format, --timezone)',
    );
  if (before > 0) notes.push(`${before} cases arrived before --from and are left out`);
  if (after > 0) notes.push(`${after} cases arrived after the export time and are left out`);
  if (!has.outcome)
    notes.push(
      live === undefined
        ? 'no outcome column: every case is taken as still in progress (give --live-activity to say which activity ends a live one); abandonment cannot be fitted'
        : `no outcome column: a case that finished ${live} is live, every other one in progress; abandonment cannot be fitted`,
    );
  if (has.outcome && live !== undefined)
    notes.push(`--live-activity ${live} is not used: the file's outcome column says which use cases went live`);
  if (!has.domain) notes.push(`no domain column: one domain (${DEFAULT_DOMAIN}) is assumed`);
  if (!has.team) notes.push(`no team column: one team (${DEFAULT_TEAM}) is assumed`);
  const overlap = firstOverlap(cases);
  if (overlap !== null && !options.allowOverlap) throw overlap;
  if (overlap !== null)
    notes.push(
      "people work on several activities at once (--allow-overlap): headcount is the most activities at once, not the people, and effort is the elapsed time of an activity, not the work in it; so the utilisation, flow efficiency and costs this scenario gives are not the organisation's",
    );
  const start = earliestArrival(cases);
  return { cases, start, exportTime, has, rows, overlapping: overlap !== null, notes };
}

/** With no outcome in the file: live once the case has finished `liveActivity`, else in progress. */
function outcomeByActivity(activities: readonly ActivityInstance[], liveActivity: string | undefined): CaseOutcome {
  const done =
    liveActivity !== undefined && activities.some((a) => a.activity === liveActivity && !Number.isNaN(a.end));
  return done ? 'live' : 'in_progress';
}

/** The earliest arrival of `cases` (a loop: a spread of a million arguments would overflow the stack). */
export function earliestArrival(cases: readonly HistoryCase[]): number {
  let earliest = Infinity;
  for (const c of cases) if (c.arrival < earliest) earliest = c.arrival;
  return earliest;
}

/** A case as it stood at `time`: later activities dropped, one under way then left open, and in progress unless it had ended. */
function caseAt(c: HistoryCase, time: number): HistoryCase {
  const activities = cutAt(c.activities, time);
  const cut = activities.length < c.activities.length || activities.some((a, i) => a.end !== c.activities[i].end);
  return cut ? { ...c, activities, outcome: 'in_progress' } : c;
}

/**
 * The history as it would have been exported at `time`: the cases that had arrived by then,
 * each as it stood (see caseAt). A back-test calibrates on it.
 */
export function historyAt(history: History, time: number): History {
  const cases = history.cases.filter((c) => c.arrival <= time).map((c) => caseAt(c, time));
  // whether people overlap is a fact of the cut history, not of the whole file
  return {
    ...history,
    cases,
    exportTime: time,
    start: earliestArrival(cases),
    overlapping: firstOverlap(cases) !== null,
  };
}

/** The activities as seen at `exportTime`: later ones dropped, one under way then left open. */
function cutAt(activities: ActivityInstance[], exportTime: number): ActivityInstance[] {
  const seen: ActivityInstance[] = [];
  for (const a of activities) {
    if (a.start > exportTime) break;
    seen.push(a.end > exportTime ? { ...a, end: NaN } : a);
  }
  return seen;
}

/** The first person found in two activities at once, as the error to report; null when there is none. */
function firstOverlap(cases: readonly HistoryCase[]): HistoryError | null {
  const byPerson = new Map<string, ActivityInstance[]>();
  for (const c of cases)
    for (const a of c.activities) {
      if (a.resource === '') continue;
      const list = byPerson.get(a.resource) ?? byPerson.set(a.resource, []).get(a.resource);
      list?.push(a);
    }
  for (const [person, list] of byPerson) {
    list.sort((a, b) => a.start - b.start);
    let busyUntil = -Infinity;
    let busyLine = 0;
    for (const a of list) {
      if (a.start < busyUntil)
        return new HistoryError(
          `${person} starts an activity while still in the one of line ${busyLine}`,
          'orgflow models a person doing one activity at a time; if people here work on several at once, give --allow-overlap (the fitted headcount is then the most activities at once, not the people)',
          a.line,
        );
      const end = Number.isNaN(a.end) ? Infinity : a.end;
      if (end > busyUntil) {
        busyUntil = end;
        busyLine = a.line;
      }
    }
  }
  return null;
}
