/** Small scenarios built in code for the model tests. */
import type { ScenarioSpec } from '../../src/scenario/index.js';
import type { DistributionSpec } from '../../src/scenario/distribution-spec.js';

/**
 * One team, one role, one activity with exponential effort, Poisson arrivals, no handovers,
 * seven working days a week and no overhead: an M/M/c queue with c = servers, arrival rate
 * `perDay` and service rate 1 / meanEffort (days).
 */
export function mmcScenario(
  servers: number,
  perDay: number,
  meanEffort: number,
  horizon: number,
  warmup: number,
): ScenarioSpec {
  return {
    name: 'M/M/c',
    horizon_days: horizon,
    warmup_days: warmup,
    calendar: { working_days_per_week: 7 },
    roles: { server: {} },
    domains: { d: { demand: { job: (perDay * 365) / 12 } } },
    use_case_types: { job: {} },
    teams: { t: { home: 'centre', headcount: { server: servers } } },
    workflow: {
      start: 'w.serve',
      loops: {
        w: {
          activities: { serve: { role: 'server', effort: { exponential: { mean: meanEffort } }, next: { live: 1 } } },
        },
      },
    },
  };
}

/**
 * Four domains with equal demand for a two-step use case (analyst, then engineer), served
 * either by one central team (pooled) or by one team per domain (fragmented), same headcount.
 */
export function poolingScenario(structure: 'pooled' | 'fragmented', handoverDays = 0, engineers = 4): ScenarioSpec {
  const domains = ['a', 'b', 'c', 'd'];
  const teams: ScenarioSpec['teams'] =
    structure === 'pooled'
      ? { central: { home: 'centre', headcount: { analyst: 8, engineer: engineers } } }
      : Object.fromEntries(domains.map((d) => [`${d}_team`, { home: d, headcount: { analyst: 2, engineer: 1 } }]));
  return {
    name: structure,
    horizon_days: 1500,
    warmup_days: 200,
    calendar: { working_days_per_week: 7 },
    roles: { analyst: { cost_per_year: 100 }, engineer: { cost_per_year: 100 } },
    domains: Object.fromEntries(domains.map((d) => [d, { demand: { job: 9 }, sme: { people: 1, availability: 1 } }])),
    use_case_types: { job: {} },
    teams,
    workflow: {
      start: 'w.analyse',
      loops: {
        w: {
          activities: {
            analyse: { role: 'analyst', effort: { lognormal: { mean: 4, sd: 3 } }, next: { build: 1 } },
            build: {
              role: 'engineer',
              effort: { lognormal: { mean: 2, sd: 1.5 } },
              next: { analyse: 0.1, live: 0.85, abandon: 0.05 },
            },
          },
        },
      },
    },
    handovers: {
      delay: { same_team: handoverDays / 4, same_home: handoverDays / 2, cross_home: handoverDays },
    },
  };
}

export interface MaintenanceScenarioOptions {
  horizon: number;
  /** Use cases per day (Poisson), each going live after a negligible build. */
  perDay?: number;
  /** Dated use cases (arrival days), each going live after a negligible build. */
  items?: number[];
  /** Models in production at day 0. */
  portfolio?: number;
  /** Maintenance requests per model per month. */
  perMonth: number;
  /** Maintenance effort in days (constant) and the people who do it. */
  effort: number;
  maintainers: number;
  /** How long a model stays in production. */
  lifetime: DistributionSpec;
}

/**
 * One domain whose use cases go live almost at once (a 0.001-day build with ample builders),
 * so that go-lives follow the arrivals, and whose models ask one pool of maintainers for
 * maintenance; seven working days a week and no overhead, so effort is calendar days.
 */
export function maintenanceScenario(o: MaintenanceScenarioOptions): ScenarioSpec {
  return {
    name: 'maintenance',
    horizon_days: o.horizon,
    calendar: { working_days_per_week: 7 },
    roles: { builder: {}, maintainer: {} },
    domains: {
      d: {
        ...(o.perDay ? { demand: { job: (o.perDay * 365) / 12 } } : {}),
        ...(o.items ? { items: o.items.map((day) => ({ day, type: 'job' })) } : {}),
        ...(o.portfolio ? { models_in_production: o.portfolio } : {}),
      },
    },
    use_case_types: { job: {} },
    teams: { t: { home: 'centre', headcount: { builder: 10, maintainer: o.maintainers } } },
    workflow: {
      start: 'w.build',
      loops: { w: { activities: { build: { role: 'builder', effort: 0.001, next: { live: 1 } } } } },
    },
    maintenance: {
      incidents_per_model_per_month: o.perMonth,
      role: 'maintainer',
      effort: o.effort,
      urgent: true,
      lifetime_days: o.lifetime,
    },
  };
}

/** What a dated scenario states; the rest is filled in by {@link datedScenario}. */
export type DatedScenarioParts = Pick<ScenarioSpec, 'domains' | 'teams' | 'workflow'> & Partial<ScenarioSpec>;

/**
 * A scenario built for exact checks: dated use cases (`domains.<d>.items`), seven working
 * days a week, no coordination overhead and no planning cycle, so a constant effort of e
 * person-days takes e calendar days. Horizon 1000 days unless given; the roles are those the
 * teams list; each use-case type of the items and the demand is declared (plain) unless given.
 */
export function datedScenario(parts: DatedScenarioParts): ScenarioSpec {
  const roles = new Set(Object.values(parts.teams).flatMap((t) => Object.keys(t.headcount ?? {})));
  const types = new Set(
    Object.values(parts.domains).flatMap((d) => [
      ...(d.items ?? []).map((i) => i.type),
      ...Object.keys(d.demand ?? {}),
    ]),
  );
  return {
    name: 'dated',
    horizon_days: 1000,
    calendar: { working_days_per_week: 7 },
    ...parts,
    roles: parts.roles ?? Object.fromEntries([...roles].map((r) => [r, {}])),
    use_case_types: { ...Object.fromEntries([...types].map((t) => [t, {}])), ...parts.use_case_types },
  };
}

/** Dated use cases of one type, one per day given. */
export const itemsOn = (type: string, ...days: number[]) => days.map((day) => ({ day, type }));

/**
 * Two use-case types of one domain, Poisson at `perDay` each: one needs one activity of role
 * a, the other one of role b (exponential effort, mean 1 day), seven working days a week, no
 * handovers. Served by two people who each hold both roles (`shared`), or by one person per
 * role: one M/M/2 queue with the combined arrivals, or two M/M/1 queues.
 */
export function twoRoleScenario(
  shared: boolean,
  perDay: readonly [number, number],
  horizon: number,
  warmup: number,
): ScenarioSpec {
  const activity = (role: string, next: string) => ({
    activities: { work: { role, effort: { exponential: { mean: 1 } }, next: { [next]: 1 } } },
  });
  return {
    name: shared ? 'two people, both roles' : 'one person per role',
    horizon_days: horizon,
    warmup_days: warmup,
    calendar: { working_days_per_week: 7 },
    roles: { a: { cost_per_year: 100 }, b: { cost_per_year: 150 } },
    domains: { d: { demand: { needs_a: (perDay[0] * 365) / 12, needs_b: (perDay[1] * 365) / 12 } } },
    use_case_types: { needs_a: { skip_loops: ['lb'] }, needs_b: { skip_loops: ['la'] } },
    teams: {
      t: shared
        ? { home: 'centre', people: [{ roles: ['a', 'b'], count: 2 }] }
        : { home: 'centre', headcount: { a: 1, b: 1 } },
    },
    // a use case that skips lb goes live after la.work; one that skips la starts at lb.work
    workflow: { start: 'la.work', loops: { la: activity('a', 'lb.work'), lb: activity('b', 'live') } },
  };
}
