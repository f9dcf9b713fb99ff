/**
 * The event log of a run, kept column by column (ready for arquero's `table(columns)`):
 * one row per arrival, planning wait, wait for a person, handover, clarification, activity
 * start and end, gate, go-live, abandonment and maintenance job.
 */
export type LogKind =
  | 'arrival'
  | 'planning'
  | 'wait'
  | 'handover'
  | 'clarification'
  | 'activity_start'
  | 'activity_end'
  | 'gate'
  | 'go_live'
  | 'abandon'
  | 'maintenance_start'
  | 'maintenance_end';

/** One row, as passed to {@link EventLog.add}; absent text fields are stored as ''. */
export interface LogRow {
  time: number;
  kind: LogKind;
  item: number;
  domain: string;
  type: string;
  loop?: string;
  activity?: string;
  team?: string;
  role?: string;
  /** `team/role/index` of the person, e.g. `hub/ml_engineer/2`. */
  person?: string;
  /** For rows that span time (waits, handovers, activities at their end), how long. */
  duration?: number;
  /** Free detail: the handover boundary, `rework`, `rejected`, ... */
  detail?: string;
}

/** The log's columns, all of the same length. */
export interface LogColumns {
  time: number[];
  kind: LogKind[];
  item: number[];
  domain: string[];
  type: string[];
  loop: string[];
  activity: string[];
  team: string[];
  role: string[];
  person: string[];
  duration: number[];
  detail: string[];
}

export class EventLog {
  readonly columns: LogColumns = {
    time: [],
    kind: [],
    item: [],
    domain: [],
    type: [],
    loop: [],
    activity: [],
    team: [],
    role: [],
    person: [],
    duration: [],
    detail: [],
  };

  /** Whether rows are kept. Callers check it before building a row, so a run without a log builds none. */
  constructor(readonly enabled = true) {}

  get length(): number {
    return this.columns.time.length;
  }

  add(row: LogRow): void {
    if (!this.enabled) return;
    const c = this.columns;
    c.time.push(row.time);
    c.kind.push(row.kind);
    c.item.push(row.item);
    c.domain.push(row.domain);
    c.type.push(row.type);
    c.loop.push(row.loop ?? '');
    c.activity.push(row.activity ?? '');
    c.team.push(row.team ?? '');
    c.role.push(row.role ?? '');
    c.person.push(row.person ?? '');
    c.duration.push(row.duration ?? 0);
    c.detail.push(row.detail ?? '');
  }
}
