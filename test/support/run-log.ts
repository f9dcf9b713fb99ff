/** Reading a run's event log row by row, for exact checks in the model tests. */
import type { LogColumns, LogKind } from '../../src/model/index.js';

export interface Row {
  time: number;
  kind: LogKind;
  item: number;
  domain: string;
  type: string;
  loop: string;
  activity: string;
  team: string;
  role: string;
  person: string;
  duration: number;
  detail: string;
}

/** Every row of the log, in the order written. */
export function logRows(log: LogColumns): Row[] {
  return log.time.map((time, k) => ({
    time,
    kind: log.kind[k],
    item: log.item[k],
    domain: log.domain[k],
    type: log.type[k],
    loop: log.loop[k],
    activity: log.activity[k],
    team: log.team[k],
    role: log.role[k],
    person: log.person[k],
    duration: log.duration[k],
    detail: log.detail[k],
  }));
}

/** The rows of one kind (and optionally one item). */
export function rowsOf(log: LogColumns, kind: LogKind, item?: number): Row[] {
  return logRows(log).filter((r) => r.kind === kind && (item === undefined || r.item === item));
}
