/**
 * Work already in progress when a run starts (a back-test starts from the work open at its
 * split): each such use case enters the run at day 0 where it was, at an activity or just after
 * one, and keeps its arrival day (before 0), so its time to production counts from its request.
 */
import { InvalidArgumentError } from '../engine/index.js';
import { lookup } from '../scenario/lookup.js';
import { newItemRecord } from './item-record.js';
import type { ModelContext } from './model-context.js';
import { useCase } from './use-case-process.js';

/** A use case open when the run starts. */
export interface OpenUseCase {
  domain: string;
  type: string;
  /** Its arrival, in days before the start of the run (>= 0). */
  age: number;
  /** The activity it is at (`loop.activity`). */
  activity: string;
  /**
   * 'queued': it waits for a person for `activity` (or is in the handover before it);
   * 'working': `activity` is under way, with `effortDone` person-days spent on it;
   * 'done': it has finished `activity` (`waited` days ago) and goes on from there: to another
   * activity (it is open, so it did not end there), through the rest of the handover.
   */
  state: 'queued' | 'working' | 'done';
  /** Person-days already spent on `activity` (state 'working'). */
  effortDone?: number;
  /** Days since `activity` ended (state 'done'): the handover to the next one has run that long. */
  waited?: number;
}

/** Where an open use case resumes in the use-case process. */
export interface Resumption {
  activity: string;
  state: OpenUseCase['state'];
  effortDone: number;
  waited: number;
}

/** Starts the use cases open at day 0, with the first ids of the run; checks each against the scenario. */
export function startOpenWork(ctx: ModelContext, open: readonly OpenUseCase[]): void {
  const { records, env } = ctx.state;
  const { params, graph } = ctx.config;
  for (const [i, u] of open.entries()) {
    const where = `open use case ${i}`;
    if (!(u.age >= 0)) throw new InvalidArgumentError(`${where}: age must be a number of days >= 0, got ${u.age}`);
    lookup(graph.nodes, u.activity, `activity of ${where}:`);
    if (params.domains[u.domain] === undefined)
      throw new InvalidArgumentError(`${where}: unknown domain "${u.domain}"`);
    if (params.use_case_types[u.type] === undefined)
      throw new InvalidArgumentError(`${where}: unknown type "${u.type}"`);
    const record = newItemRecord(records.length, u.domain, u.type, env.now - u.age);
    records.push(record);
    const resume = { activity: u.activity, state: u.state, effortDone: u.effortDone ?? 0, waited: u.waited ?? 0 };
    env.process(useCase(ctx, record, resume));
  }
}
