/**
 * The life of a model in production, from go-live (or day 0, for a domain's existing
 * portfolio) to its retirement. While it lives it asks for maintenance as a Poisson process
 * of rate incidents_per_model_per_month: it draws the gap to its next request and spawns the
 * request as a process of its own (maintenance.ts), so a request waiting in a queue does not
 * stop its clock and several of its requests can be open at once. When it retires it asks
 * for nothing more; a request already open is still served. Retirement is what keeps
 * maintenance from growing without bound over a long horizon.
 *
 * Random draws come from the model's own streams, in a fixed order whatever the queues do:
 * its lifetime from `<family>/lifetime`; gap, effort, gap, effort, ... from
 * `<family>/maintenance` (keyed streams of the model's key). Lifetime and requests are apart, so a what-if on the lifetime
 * leaves a model's requests the same up to its retirement.
 */
import type { ProcessGenerator } from '../engine/index.js';
import type { ModelContext } from './model-context.js';
import { maintenanceRequest, type ProductionModel } from './maintenance.js';
import { checkOpenWork } from './run-limit.js';

export function* modelInProduction(ctx: ModelContext, model: ProductionModel, existing: boolean): ProcessGenerator {
  const { state } = ctx;
  const { env } = state;
  state.inProduction++;
  const retireAt = env.now + lifetime(ctx, model, existing);
  const m = ctx.config.maintenance;
  if (m !== null && m.gap !== null) {
    const rng = state.streams.keyed(`${model.streams.family}/maintenance`, model.streams.key);
    for (;;) {
      const gap = m.gap.sample(rng);
      if (env.now + gap >= retireAt) break;
      const effort = m.effort.sample(rng);
      yield gap;
      checkOpenWork(ctx);
      env.process(maintenanceRequest(ctx, m, model, effort));
    }
  }
  if (retireAt > env.now) yield retireAt - env.now;
  state.inProduction--;
}

/**
 * Days the model stays in production from now. A model of the day-0 portfolio has lived part
 * of its life already: for an exponential lifetime what remains has the same distribution
 * (it is memoryless); for any other, a uniform share of a lifetime draw, exact for a constant
 * lifetime and otherwise somewhat short (a model alive at a given day tends to be a
 * long-lived one). A negative draw (a normal without `min`) counts as 0.
 */
function lifetime(ctx: ModelContext, model: ProductionModel, existing: boolean): number {
  const rng = ctx.state.streams.keyed(`${model.streams.family}/lifetime`, model.streams.key);
  const { lifetime: distribution } = ctx.config;
  const life = Math.max(0, distribution.sample(rng));
  return existing && distribution.kind !== 'exponential' ? life * rng() : life;
}

/** Starts each domain's models_in_production at day 0, with keyed streams `portfolio/<domain>/...` of k. */
export function startPortfolio(ctx: ModelContext): void {
  for (const [domain, d] of Object.entries(ctx.config.params.domains)) {
    for (let k = 0; k < d.models_in_production; k++) {
      ctx.state.env.process(
        modelInProduction(
          ctx,
          { item: -1, domain, type: '', streams: { family: `portfolio/${domain}`, key: k } },
          true,
        ),
      );
    }
  }
}
