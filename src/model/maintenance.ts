/**
 * After go-live, each model in production asks for maintenance (incidents, retraining) as a
 * Poisson process, handled by the maintenance role of a team serving its domain, competing
 * with project work for the same people (ahead of it when urgent). It holds for a number of
 * days by yielding it (`yield duration`).
 */
import type { ProcessGenerator } from '../engine/index.js';
import { exponential } from '../random/index.js';
import type { ItemRecord } from './item-record.js';
import type { ModelContext } from './model-context.js';
import { elapsedDays } from './working-time.js';

/** Urgent maintenance goes before any project work (whose priorities are >= 0). */
const URGENT_PRIORITY = -1;

export function* maintainModel(ctx: ModelContext, record: ItemRecord): ProcessGenerator {
  const m = ctx.maintenance;
  if (m === null || !(m.ratePerDay > 0)) return;
  const { env, log } = ctx;
  const rng = ctx.streams.stream(`item/${record.id}/maintenance`);
  const gap = exponential({ mean: 1 / m.ratePerDay });
  const base = { item: record.id, domain: record.domain, type: record.type, loop: 'maintenance' };
  for (;;) {
    yield gap.sample(rng);
    const pool = ctx.org.route(m.role, record.domain);
    const request = pool.request(m.urgent ? URGENT_PRIORITY : 0);
    yield request;
    const a = pool.assign(request, null);
    const multiplier = ctx.spec.teams[pool.team]?.effort_multiplier?.maintenance ?? 1;
    const duration = elapsedDays(m.effort.sample(rng) * multiplier, ctx.rate);
    const row = log.enabled ? { ...base, team: pool.team, role: pool.role, person: pool.personId(a.person) } : null;
    if (row !== null) log.add({ ...row, time: env.now, kind: 'maintenance_start' });
    yield duration;
    pool.release(a);
    if (row !== null) log.add({ ...row, time: env.now, kind: 'maintenance_end', duration });
  }
}
