/**
 * A staffing problem whose answer is known exactly: an open network of M/M/c stations (one
 * role each, exponential effort, Poisson arrivals, seven working days a week, no overhead or
 * handover delay), so the mean time to production of any allocation of people is the Jackson
 * network's mean time in system, and every allocation within bounds can be enumerated.
 */
import type { ScenarioSpec } from '../../src/scenario/index.js';
import { jacksonNetwork } from '../../src/statistics/queueing-theory.js';

export interface NetworkStation {
  role: string;
  meanEffort: number;
  costPerYear: number;
  /** Where work goes after this station: other stations' roles, or `live`, with probabilities. */
  next: Record<string, number>;
}

export interface StaffingNetwork {
  /** Use cases a day into the first station. */
  perDay: number;
  stations: readonly NetworkStation[];
  horizon: number;
  warmup: number;
}

const step = (role: string): string => `${role}_step`;

/** The network as a scenario with `servers[i]` people at station i, all in one team. */
export function staffingNetworkScenario(net: StaffingNetwork, servers: readonly number[]): ScenarioSpec {
  const activities = Object.fromEntries(
    net.stations.map((s) => [
      step(s.role),
      {
        role: s.role,
        effort: { exponential: { mean: s.meanEffort } },
        next: Object.fromEntries(Object.entries(s.next).map(([to, p]) => [to === 'live' ? 'live' : step(to), p])),
      },
    ]),
  );
  return {
    name: 'Staffing network',
    horizon_days: net.horizon,
    warmup_days: net.warmup,
    calendar: { working_days_per_week: 7 },
    roles: Object.fromEntries(net.stations.map((s) => [s.role, { cost_per_year: s.costPerYear }])),
    domains: { d: { demand: { job: (net.perDay * 365) / 12 } } },
    use_case_types: { job: {} },
    teams: { t: { home: 'centre', headcount: Object.fromEntries(net.stations.map((s, i) => [s.role, servers[i]])) } },
    workflow: { start: `w.${step(net.stations[0].role)}`, loops: { w: { activities } } },
  } as ScenarioSpec;
}

/** Each station's arrival rate (the traffic equations of the open network), with its routing and external arrivals. */
function traffic(net: StaffingNetwork): { rates: number[]; routing: number[][]; arrivals: number[] } {
  const routing = net.stations.map((s) => net.stations.map((t) => s.next[t.role] ?? 0));
  const arrivals = net.stations.map((_, i) => (i === 0 ? net.perDay : 0));
  const { rates } = jacksonNetwork(
    net.stations.map(() => ({ servers: 1, serviceMean: 1e-9 })),
    arrivals,
    routing,
  );
  return { rates, routing, arrivals };
}

/** The exact mean days to production of an allocation (Jackson), Infinity when a station cannot keep up. */
export function exactMeanDays(net: StaffingNetwork, servers: readonly number[]): number {
  const { rates, routing, arrivals } = traffic(net);
  if (net.stations.some((s, i) => rates[i] * s.meanEffort >= servers[i])) return Infinity;
  return jacksonNetwork(
    net.stations.map((s, i) => ({ servers: servers[i], serviceMean: s.meanEffort })),
    arrivals,
    routing,
  ).timeInSystem;
}

/** What an allocation's people cost a year. */
export const exactCost = (net: StaffingNetwork, servers: readonly number[]): number =>
  net.stations.reduce((sum, s, i) => sum + s.costPerYear * servers[i], 0);

/** Every allocation within the bounds (and summing to `total` when given). */
export function allocations(bounds: readonly { min: number; max: number }[], total?: number): number[][] {
  const out: number[][] = [];
  const walk = (prefix: number[]): void => {
    if (prefix.length === bounds.length) {
      if (total === undefined || prefix.reduce((s, x) => s + x, 0) === total) out.push(prefix);
      return;
    }
    const { min, max } = bounds[prefix.length];
    for (let x = min; x <= max; x++) walk([...prefix, x]);
  };
  walk([]);
  return out;
}

/** The busiest station's share of time busy in an allocation (its load over its people); above 1, it cannot keep up. */
export function exactBusiest(net: StaffingNetwork, servers: readonly number[]): number {
  const { rates } = traffic(net);
  return Math.max(...net.stations.map((s, i) => (rates[i] * s.meanEffort) / servers[i]));
}

/**
 * Three stations: an analyst, then an engineer, then half the work to a reviewer (exponential
 * efforts of 2, 3 and 3.5 days), `perDay` arrivals, each role's cost a year, a warm-up of a
 * tenth of the horizon.
 */
export function threeStations(
  perDay: number,
  costs: readonly [number, number, number] = [100, 100, 100],
  horizon = 3000,
): StaffingNetwork {
  return {
    perDay,
    horizon,
    warmup: horizon / 10,
    stations: [
      { role: 'analyst', meanEffort: 2, costPerYear: costs[0], next: { engineer: 1 } },
      { role: 'engineer', meanEffort: 3, costPerYear: costs[1], next: { reviewer: 0.5, live: 0.5 } },
      { role: 'reviewer', meanEffort: 3.5, costPerYear: costs[2], next: { live: 1 } },
    ],
  };
}

/**
 * Four stations, one arrival a day, every person at 100 a year: an analyst, an engineer, then
 * half the work to a reviewer, then an operator (efforts 2, 3, 3.5 and 1 days). Of the 246
 * allocations of 14 people (each station 1 to 8), 20 are stable; the fastest, 4/5/3/2, is 3.7%
 * ahead of the next.
 */
export const FOUR_STATIONS: StaffingNetwork = {
  perDay: 1,
  horizon: 3000,
  warmup: 300,
  stations: [
    { role: 'analyst', meanEffort: 2, costPerYear: 100, next: { engineer: 1 } },
    { role: 'engineer', meanEffort: 3, costPerYear: 100, next: { reviewer: 0.5, operator: 0.5 } },
    { role: 'reviewer', meanEffort: 3.5, costPerYear: 100, next: { operator: 1 } },
    { role: 'operator', meanEffort: 1, costPerYear: 100, next: { live: 1 } },
  ],
};
