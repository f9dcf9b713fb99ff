/**
 * One use case's journey through the teams, picked from a run so that the report can draw it
 * without running the model again: the live use case of the measured window with the most
 * handovers (the lowest id among equals), and its rows of the event log. Plain arrays and
 * records, so it crosses from a worker thread as it is.
 */
import type { ItemRecord, LogColumns, RunResult } from '../model/index.js';

export interface Journey {
  /** The use case's record. */
  item: ItemRecord;
  /** Its rows of the run's event log, in the log's order. */
  log: LogColumns;
}

/** The live use case that arrived after the warm-up with the most handovers, the lowest id among equals; undefined when none went live. */
export function journeyItem(run: Pick<RunResult, 'items' | 'warmup'>): ItemRecord | undefined {
  let best: ItemRecord | undefined;
  for (const item of run.items) {
    if (item.outcome !== 'live' || item.arrival < run.warmup) continue;
    if (
      best === undefined ||
      item.handovers > best.handovers ||
      (item.handovers === best.handovers && item.id < best.id)
    )
      best = item;
  }
  return best;
}

/** The rows of `log` that belong to use case `item`, in order, as columns of their own. */
export function logRowsOf(log: LogColumns, item: number): LogColumns {
  const rows: number[] = [];
  for (let i = 0; i < log.item.length; i++) if (log.item[i] === item) rows.push(i);
  const pick = <T>(column: T[]): T[] => rows.map((i) => column[i]);
  return {
    time: pick(log.time),
    kind: pick(log.kind),
    item: pick(log.item),
    domain: pick(log.domain),
    type: pick(log.type),
    loop: pick(log.loop),
    activity: pick(log.activity),
    team: pick(log.team),
    role: pick(log.role),
    person: pick(log.person),
    duration: pick(log.duration),
    detail: pick(log.detail),
  };
}

/**
 * The journey of a run (see journeyItem), from its items and its event log; undefined when no
 * use case went live in the measured window. The run must have kept its log.
 */
export function journeyOf(run: Pick<RunResult, 'items' | 'warmup' | 'log'>): Journey | undefined {
  const item = journeyItem(run);
  if (item === undefined) return undefined;
  if (run.log.item.length === 0) throw new RangeError("journeyOf needs the run's event log: simulate with log: true");
  return { item, log: logRowsOf(run.log, item.id) };
}
