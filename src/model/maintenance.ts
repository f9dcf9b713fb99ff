/**
 * One maintenance request of a model in production (an incident, a retraining), as a short
 * process of its own: it joins the queue of the maintenance role of a team serving the
 * model's domain (ahead of project work when urgent), is served and releases. Being its own
 * process is what lets a model ask again while an earlier request still waits (see
 * production.ts). It holds for a number of days by yielding it (`yield duration`).
 */
import type { ProcessGenerator } from '../engine/index.js';
import { SME_ROLE } from '../scenario/scenario-spec.js';
import { poolEffortMultiplier, smeAvailability, type MaintenanceConfig, type ModelContext } from './model-context.js';
import { elapsedDays } from './working-time.js';

/** Urgent maintenance goes before any project work (whose priorities are >= 0). */
const URGENT_PRIORITY = -1;

/** A model in production, as its log rows and streams name it. */
export interface ProductionModel {
  /** The use case that became this model, or -1 for a model of the portfolio at day 0. */
  item: number;
  domain: string;
  /** Its use-case type ('' for the portfolio at day 0). */
  type: string;
  /** Its random streams: keyed streams `<family>/lifetime` and `<family>/maintenance` of `key` (`item` and the use case's id, or `portfolio/<domain>` and k). */
  streams: { family: string; key: number };
}

/**
 * Serves one request of `effort` person-days, drawn by the model when it made the request
 * (so the draws do not depend on how long requests queue). The effort is scaled by the
 * serving team's maintenance multiplier (a team running its own platform takes longer).
 */
export function* maintenanceRequest(
  ctx: ModelContext,
  m: MaintenanceConfig,
  model: ProductionModel,
  effort: number,
): ProcessGenerator {
  const { state } = ctx;
  const { env, log } = state;
  state.openRequests++;
  const pool = state.org.route(m.role, model.domain);
  const asked = pool.request(m.urgent ? URGENT_PRIORITY : 0, -1, model.domain);
  yield asked;
  const a = pool.assigned(asked);
  const served = a.pool; // the pool asked, unless a reorganisation moved the request
  const multiplier = poolEffortMultiplier(ctx, served, 'maintenance') * served.people.speedFactor(a.person, env.now);
  const availability = m.role === SME_ROLE ? smeAvailability(ctx, model.domain) : 1;
  const duration = elapsedDays(effort * multiplier, ctx.config.rate, availability);
  const row = log.enabled
    ? {
        item: model.item,
        domain: model.domain,
        type: model.type,
        loop: 'maintenance',
        team: served.team,
        role: served.role,
        person: served.personId(a.person),
        detail: model.item < 0 ? `${model.streams.family}/${model.streams.key}` : '',
      }
    : null;
  if (row !== null) log.add({ ...row, time: env.now, kind: 'maintenance_start' });
  // a person away meanwhile finishes when back (see time-off.ts)
  yield served.people.holdFor(a.person, env.now, duration);
  // logged before the release: the next holder runs its step inside release()
  if (row !== null) log.add({ ...row, time: env.now, kind: 'maintenance_end', duration });
  state.openRequests--;
  served.release(a);
}
