/**
 * The size of a run before it starts: how many use cases it will simulate, estimated from the
 * scenario (demand per month over the horizon, plus the dated items). A run past the bounds
 * is refused at once, before any worker starts, instead of running out of memory later.
 */
import { MAX_HORIZON_DAYS, resolveParameters, type ScenarioSpec } from '../scenario/index.js';
import { DAYS_PER_MONTH } from '../scenario/time-units.js';

/** The default bound on use cases in one replication. */
export const MAX_USE_CASES_PER_REPLICATION = 200_000;
/** The whole run (every replication of every scenario) may hold this many times the bound of one replication. */
export const WHOLE_RUN_FACTOR = 25;
export { MAX_HORIZON_DAYS };

/** Expected use cases in one replication of a scenario, and what they come from. */
export interface ReplicationSize {
  useCases: number;
  horizonDays: number;
  /** Use cases per month over every domain and type. */
  demandPerMonth: number;
  /** Dated items that arrive within the horizon. */
  datedItems: number;
  /** Models in production at day 0 (each lives as a process of the run, like a use case). */
  portfolio: number;
}

export function replicationSize(spec: ScenarioSpec): ReplicationSize {
  const p = resolveParameters(spec);
  let demandPerMonth = 0;
  let datedItems = 0;
  let portfolio = 0;
  for (const domain of Object.values(p.domains)) {
    for (const perMonth of Object.values(domain.demand)) if (perMonth > 0) demandPerMonth += perMonth;
    datedItems += domain.items.filter((item) => item.day < p.horizon_days).length;
    portfolio += domain.models_in_production;
  }
  return {
    useCases: demandPerMonth * (p.horizon_days / DAYS_PER_MONTH) + datedItems + portfolio,
    horizonDays: p.horizon_days,
    demandPerMonth,
    datedItems,
    portfolio,
  };
}

/** Which bound a run is past: use cases in one replication, in the whole run, or simulated days. */
export type RunSizeFigure = 'replication' | 'run' | 'horizon';

/** A run past a bound: which figure, its value (use cases, or days), the bound, and the scenario that drives it. */
export class RunSizeError extends Error {
  constructor(
    readonly figure: RunSizeFigure,
    readonly value: number,
    readonly bound: number,
    readonly scenario: string,
    readonly size: ReplicationSize,
  ) {
    super(runSizeMessage(figure, value, bound, scenario, size));
    this.name = 'RunSizeError';
  }
}

/**
 * Throws a RunSizeError when one replication of a scenario would simulate more than
 * `maxPerReplication` use cases or more than MAX_HORIZON_DAYS, or `replications` of every
 * scenario more than WHOLE_RUN_FACTOR times `maxPerReplication` use cases.
 */
export function checkRunSize(
  scenarios: readonly { name: string; spec: ScenarioSpec }[],
  replications: number,
  maxPerReplication: number = MAX_USE_CASES_PER_REPLICATION,
): void {
  const sizes = scenarios.map((s) => replicationSize(s.spec));
  let largest = 0;
  sizes.forEach((size, i) => {
    // the horizon first: its bound cannot be lifted, so lifting the other would only lead here
    if (!(size.horizonDays <= MAX_HORIZON_DAYS))
      throw new RunSizeError('horizon', size.horizonDays, MAX_HORIZON_DAYS, scenarios[i].name, size);
    if (!(size.useCases <= maxPerReplication))
      throw new RunSizeError('replication', size.useCases, maxPerReplication, scenarios[i].name, size);
    if (size.useCases > sizes[largest].useCases) largest = i;
  });
  const total = sizes.reduce((sum, size) => sum + size.useCases, 0) * replications;
  const bound = maxPerReplication * WHOLE_RUN_FACTOR;
  if (!(total <= bound)) throw new RunSizeError('run', total, bound, scenarios[largest].name, sizes[largest]);
}

const count = (n: number): string => (n >= 1e12 ? n.toExponential(1) : Math.round(n).toLocaleString('en-US'));

function runSizeMessage(
  figure: RunSizeFigure,
  value: number,
  bound: number,
  scenario: string,
  size: ReplicationSize,
): string {
  if (figure === 'horizon')
    return `horizon_days of "${scenario}" is ${count(size.horizonDays)} days, more than the bound of ${count(bound)} days (a thousand years): even with few use cases, a run records work in progress every week`;
  const drivers = `horizon_days (${count(size.horizonDays)} days) and demand (${+size.demandPerMonth.toPrecision(3)} use cases per month over all domains and types${size.datedItems ? `, plus ${size.datedItems} dated items` : ''}${size.portfolio ? `, plus ${count(size.portfolio)} models in production at day 0 (domains.<d>.models_in_production)` : ''})`;
  return figure === 'replication'
    ? `about ${count(value)} use cases in one replication of "${scenario}", more than the bound of ${count(bound)}; they come from its ${drivers}`
    : `about ${count(value)} use cases in the whole run (every replication of every scenario), more than the bound of ${count(bound)}; they come from the replications and each scenario's horizon_days and demand (the largest, "${scenario}": ${drivers})`;
}
