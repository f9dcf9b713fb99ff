/**
 * The other layout work trackers export (the connectors of ActionableAgile and the like): one
 * row per work item, one date column per workflow stage, in order, each the day the item
 * entered that stage. It becomes a history like an activity log's: each stage an activity from
 * its date to the next stage's, the last stage reached its end (an item that reached the last
 * stage is live, one that did not is in progress). A stage left empty was skipped. There is no
 * one in such a file, so headcount comes from how many items were in a stage at once.
 */
import { HISTORY_FIELDS, type HistoryField, locateColumns } from './history-columns.js';
import {
  csvRecords,
  DEFAULT_DOMAIN,
  DEFAULT_TYPE,
  earliestArrival,
  type History,
  type HistoryCase,
  HistoryError,
  type HistoryOptions,
  historyAt,
} from './history.js';
import { parseTimestamp, type TimestampFormat } from './timestamps.js';

export interface StageDateOptions extends HistoryOptions {
  /** The stage columns, in order; default: every column other than the case, type and domain ones. */
  stages?: string[];
}

/** The columns of the stages: those named, in that order, or all but the item's own fields. */
function stageColumns(
  header: readonly string[],
  taken: readonly number[],
  named: readonly string[] | undefined,
): number[] {
  if (named === undefined) return header.map((_, i) => i).filter((i) => !taken.includes(i));
  return named.map((name) => {
    const i = header.indexOf(name);
    if (i < 0)
      throw new HistoryError(
        `stage column ${JSON.stringify(name)} is not in the file`,
        `the file's columns: ${header.join(', ')}`,
      );
    return i;
  });
}

/** One item's stages as activities: each from its date to the next date given (the last: to the end of the last stage). */
function itemCase(
  id: string,
  dates: (number | null)[],
  stages: readonly string[],
  domain: string,
  type: string,
  line: number,
): HistoryCase | null {
  if (id === '') throw new HistoryError('the item id is empty', 'every row names the item it is about', line);
  const reached = dates.map((d, k) => ({ d, k })).filter((x): x is { d: number; k: number } => x.d !== null);
  if (reached.length === 0) return null;
  for (let j = 1; j < reached.length; j++)
    if (reached[j].d < reached[j - 1].d)
      throw new HistoryError(
        `${stages[reached[j].k]} (${new Date(reached[j].d).toISOString().slice(0, 10)}) comes before ${stages[reached[j - 1].k]}`,
        'the stage columns are read in order: give them in workflow order with --stages',
        line,
      );
  const last = reached[reached.length - 1];
  const done = last.k === stages.length - 1;
  // the final stage is where items end (done), not an activity of their own
  const steps = done ? reached.slice(0, -1) : reached;
  const activities = steps.map((x, j) => ({
    activity: stages[x.k],
    start: x.d,
    end: j + 1 < reached.length ? reached[j + 1].d : NaN,
    enabled: NaN,
    resource: '',
    role: '',
    team: 'team',
    loop: '',
    line,
  }));
  return { id, domain, type, arrival: reached[0].d, outcome: done ? 'live' : 'in_progress', activities };
}

/** The date in a stage's cell (null: empty, the stage skipped), or a HistoryError naming the line. */
function stageDate(text: string, stage: string, line: number, how: TimestampFormat | undefined): number | null {
  if (text === '') return null;
  const ms = parseTimestamp(text, how);
  if (Number.isNaN(ms))
    throw new HistoryError(
      `${stage} ${JSON.stringify(text)} is not a date`,
      'dates are read as ISO 8601, or give --date-format',
      line,
    );
  return ms;
}

/** Which fields a stage-date history has: its own columns (its outcome is derived from the last stage, not read: it cannot say abandoned). */
function fieldsOf(own: Partial<Record<HistoryField, number>>): History['has'] {
  const has = Object.fromEntries(HISTORY_FIELDS.map((f) => [f, false])) as History['has'];
  Object.assign(has, { case: true, activity: true, start: true, end: true });
  has.domain = own.domain !== undefined;
  has.type = own.type !== undefined;
  return has;
}

/** What a stage-date file cannot say, and the items left out. */
function stageNotes(stages: readonly string[], skipped: number): string[] {
  return [
    `a stage-date file: each stage is an activity from its date to the next stage's; ${stages[stages.length - 1]} is the end (live)`,
    'a stage-date file names no one: headcount is the most items in a stage at once, and the time in a stage (waiting included) is taken as its effort',
    'a stage-date file says nothing of abandonment: an item that has not reached the last stage is in progress',
    ...(skipped > 0 ? [`${skipped} items with no stage date are left out`] : []),
  ];
}

/**
 * Reads a stage-date file into a history (see the file's comment): the case column by its
 * usual names (or `columns.case`), optional `type` and `domain` columns, then the stages.
 */
export async function readStageDates(file: string, options: StageDateOptions = {}): Promise<History> {
  let header: string[] | undefined;
  let own: Partial<Record<HistoryField, number>> = {};
  let stageIndex: number[] = [];
  let stages: string[] = [];
  const cases: HistoryCase[] = [];
  let rows = 0;
  let latest = -Infinity;
  const how: TimestampFormat | undefined = options.timestamps;
  for await (const { record, info } of csvRecords(file)) {
    if (header === undefined) {
      header = record;
      own = locateColumns(header, options.columns, ['case']);
      const taken = [own.case, own.type, own.domain].filter((i): i is number => i !== undefined);
      stageIndex = stageColumns(header, taken, options.stages);
      stages = stageIndex.map((i) => header?.[i] ?? '');
      if (stages.length < 2)
        throw new HistoryError(
          'a stage-date file needs at least two stage columns',
          'name them with --stages, in workflow order',
        );
      continue;
    }
    rows++;
    const cell = (i: number | undefined): string => (i === undefined ? '' : (record[i] ?? ''));
    const dates = stageIndex.map((i) => stageDate(cell(i), header?.[i] ?? '', info.lines, how));
    for (const d of dates) if (d !== null) latest = Math.max(latest, d);
    const c = itemCase(
      cell(own.case),
      dates,
      stages,
      cell(own.domain) || DEFAULT_DOMAIN,
      cell(own.type) || DEFAULT_TYPE,
      info.lines,
    );
    if (c !== null) cases.push(c);
  }
  if (header === undefined)
    throw new HistoryError('the file is empty', 'a stage-date file has a header row and one row per item');
  if (cases.length === 0)
    throw new HistoryError('no item has a stage date', 'each row gives the date the item entered each stage');
  const whole: History = {
    cases,
    start: earliestArrival(cases),
    exportTime: latest,
    has: fieldsOf(own),
    rows,
    overlapping: false,
    notes: [
      ...stageNotes(stages, rows - cases.length),
      ...(options.liveActivity !== undefined
        ? [`--live-activity ${options.liveActivity} is not used: in a stage-date file the last stage is the end`]
        : []),
    ],
  };
  return windowOf(whole, options);
}

/** The items of the --from and --to window, starting at the first kept one. */
function windowOf(whole: History, options: StageDateOptions): History {
  const { cases } = whole;
  const from = options.from;
  const kept = from === undefined ? cases : cases.filter((c) => c.arrival >= from);
  const window: History = {
    ...whole,
    cases: kept,
    start: earliestArrival(kept),
    notes:
      kept.length < cases.length
        ? [...whole.notes, `${cases.length - kept.length} items arrived before --from and are left out`]
        : whole.notes,
  };
  const to = options.to ?? Infinity;
  if (!window.cases.some((c) => c.arrival <= to))
    throw new HistoryError('no item arrived in the window', 'widen --from and --to');
  return options.to === undefined ? window : historyAt(window, options.to);
}
