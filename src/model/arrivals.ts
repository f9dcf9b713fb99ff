/**
 * Demand: one Poisson process per domain and use-case type (stream
 * `arrivals/<domain>/<type>`), and the dated items of each domain. Every scenario with the
 * same demand gets the same arrivals, in the same order, with the same item ids. The
 * processes hold for the gap between arrivals by yielding it (`yield gap`, in days).
 */
import type { ProcessGenerator } from '../engine/index.js';
import { exponential } from '../random/index.js';
import { DAYS_PER_MONTH } from '../scenario/time-units.js';
import { newItemRecord } from './item-record.js';
import { checkOpenWork } from './run-limit.js';
import type { ModelContext } from './model-context.js';
import { useCase } from './use-case-process.js';

/** Starts the demand; stops the run (RunLimitError) when too much work is open at once (see run-limit.ts). */
export function startArrivals(ctx: ModelContext): void {
  const { env, records, streams } = ctx.state;
  const { params } = ctx.config;
  const arrive = (domain: string, type: string): void => {
    checkOpenWork(ctx);
    const record = newItemRecord(records.length, domain, type, env.now);
    records.push(record);
    env.process(useCase(ctx, record));
  };
  for (const [domain, d] of Object.entries(params.domains)) {
    for (const [type, perMonth] of Object.entries(d.demand)) {
      if (!(perMonth > 0)) continue;
      const rng = streams.stream(`arrivals/${domain}/${type}`);
      const gap = exponential({ mean: DAYS_PER_MONTH / perMonth });
      env.process(
        (function* (): ProcessGenerator {
          for (;;) {
            yield gap.sample(rng);
            if (env.now >= params.horizon_days) return;
            arrive(domain, type);
          }
        })(),
      );
    }
    const dated = [...d.items].sort((a, b) => a.day - b.day);
    if (dated.length > 0) {
      env.process(
        (function* (): ProcessGenerator {
          for (const item of dated) {
            if (item.day >= params.horizon_days) return;
            if (item.day > env.now) yield item.day - env.now;
            arrive(domain, item.type);
          }
        })(),
      );
    }
  }
}
