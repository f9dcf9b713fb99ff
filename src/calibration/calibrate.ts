/**
 * A scenario fitted to an organisation's history: arrivals, the workflow and its efforts,
 * handovers, teams and headcount, each value with a note of what it rests on (sample size,
 * fit quality), and plain notes on what the history cannot say and was therefore assumed.
 */
import type { Rng } from '../random/index.js';
import type { DistributionSpec, ScenarioSpec } from '../scenario/index.js';
import { DAYS_PER_MONTH, ScenarioError, validateScenario } from '../scenario/index.js';
import { type DistributionFit, medianInterval, quantileSorted } from '../statistics/distribution-fit.js';
import { pValueText } from '../statistics/p-value-text.js';
import { BOUNDARIES, fitArrivals, fitHandovers, type FittedArrivals, type FittedHandovers } from './fit-flow.js';
import { abandonmentNote, type FittedAbandonment, fitAbandonment } from './fit-abandonment.js';
import { DEFAULT_CAP, type FittedIterations, fitIterations, iterationsNote } from './fit-iterations.js';
import { fitOrganisation, type FittedOrganisation } from './fit-organisation.js';
import { normalise } from './normalise.js';
import { type FittedActivity, type FittedWorkflow, fitWorkflow, MS_PER_DAY, SME } from './fit-workflow.js';
import { type History, HistoryError } from './history.js';
import { transitionsSpec } from './transitions-spec.js';

/** Working days a week assumed: effort in person-days is the observed calendar days x 5/7. */
export const WORKING_DAYS_PER_WEEK = 5;
/** Days the calibrated scenario runs before it measures (its pipeline fills from empty). */
export const CALIBRATED_WARMUP_DAYS = 365;

export interface Calibration {
  spec: ScenarioSpec;
  /** Path in the scenario (dot-separated) -> what the value rests on. */
  comments: Map<string, string>;
  /** What the history cannot say, and what was assumed instead. */
  notes: string[];
  arrivals: FittedArrivals[];
  workflow: FittedWorkflow;
  iterations: FittedIterations;
  abandonment: FittedAbandonment;
  organisation: FittedOrganisation;
  handovers: FittedHandovers;
  /** Days of history the fit covers. */
  windowDays: number;
}

const round = (x: number, digits = 3): number => Number(x.toPrecision(digits));

/** A fit as a scenario distribution, and its note. */
function distributionOf(fit: DistributionFit, scale = 1): { spec: DistributionSpec; note: string } {
  const [low, high] = [fit.values[0], fit.values[fit.values.length - 1]];
  if (high - low <= 1e-9 * high) return { spec: round(low * scale), note: `n ${fit.n}, all equal` };
  const quality = Number.isNaN(fit.p) ? 'too few to test' : `KS ${round(fit.best.ks, 2)}, p ${pValueText(fit.p)}`;
  const [lo, hi] = medianInterval(fit.values).map((x) => round(x * scale));
  const note = `n ${fit.n}, median ${round(fit.median * scale)} (95% CI ${lo} to ${hi}), p90 ${round(fit.p90 * scale)}; ${fit.chosen}${fit.chosen === 'empirical' ? ` (best family ${fit.best.family} ${quality})` : ` by AIC, ${quality}`}`;
  const p = fit.best.parameters;
  switch (fit.chosen) {
    case 'lognormal':
      return {
        spec: {
          lognormal: {
            median: round(Math.exp(p.mu) * scale),
            p90: round(Math.exp(p.mu + 1.2815515655446004 * p.sigma) * scale),
          },
        },
        note,
      };
    case 'gamma':
      return { spec: { gamma: { shape: round(p.shape), scale: round(p.scale * scale) } }, note };
    case 'weibull':
      return { spec: { weibull: { shape: round(p.shape), scale: round(p.scale * scale) } }, note };
    case 'exponential':
      return { spec: { exponential: { mean: round(p.mean * scale) } }, note };
    default:
      return { spec: empiricalSpec(fit.values, scale), note };
  }
}

/** Up to this many observations are written as they are; more, as 101 percentiles to interpolate between. */
const EMPIRICAL_POINTS = 200;

function empiricalSpec(sorted: readonly number[], scale: number): DistributionSpec {
  if (sorted.length <= EMPIRICAL_POINTS) return { empirical: { data: sorted.map((v) => round(v * scale, 4)) } };
  const data = Array.from({ length: 101 }, (_, k) => round(quantileSorted(sorted, k / 100) * scale, 4));
  return { empirical: { data, interpolate: true } };
}

function activitySpec(
  a: FittedActivity,
  comments: Map<string, string>,
  isLoopBack: (target: string) => boolean,
  iterations: FittedIterations,
): ScenarioSpec['workflow']['loops'][string]['activities'][string] {
  const path = `workflow.loops.${a.loop}.activities.${a.activity}`;
  let effort: DistributionSpec;
  const instant = a.instant > 0 ? `; ${a.instant} that took no time left out` : '';
  if (a.effort !== null) {
    const fitted = distributionOf(a.effort);
    effort = fitted.spec;
    comments.set(
      `${path}.effort`,
      `person-days; ${fitted.note}${a.open > 0 ? `; ${a.open} under way at the export in the fit as unfinished (censored)${a.effort.chosen === 'empirical' ? ', but not in the observations used' : ''}` : ''}${instant}`,
    );
  } else if (a.instant > 0) {
    effort = 0;
    comments.set(`${path}.effort`, `all ${a.instant} finished instances took no time (times without hours?)`);
  } else {
    const sorted = [...a.openEffort].sort((x, y) => x - y);
    effort = round(sorted[Math.floor(sorted.length / 2)] ?? 1);
    comments.set(
      `${path}.effort`,
      `no instance finished: the median effort so far of ${a.open} under way, a lower bound`,
    );
  }
  const { next, comment } = transitionsSpec(a, isLoopBack, iterations);
  comments.set(`${path}.role`, `${Math.round(a.roleShare * 100)}% of its instances`);
  comments.set(`${path}.next`, comment);
  return { role: a.role, effort, next };
}

/**
 * Fits a scenario to `history`; a trend in arrivals is reported where Laplace's test gives p
 * below 0.05 divided by the number of arrival streams (Bonferroni's correction: with a dozen
 * streams one would otherwise show a "trend" by chance about half the time). `rng` drives the
 * goodness-of-fit bootstraps. The scenario passes validation.
 */
export function calibrate(
  source: History,
  rng: Rng,
  name = 'Calibrated from history',
  options: CalibrationOptions = {},
): Calibration {
  const notes = [...source.notes];
  return calibrateNormalised(normalise(source, notes, options.renameInPlace === true), rng, name, notes);
}

export interface CalibrationOptions {
  /**
   * Rename the history's names to ids in its own objects rather than in a copy: for large
   * files, when the caller no longer needs the file's names (a million rows take about 180 MB
   * less). Counts, times and outcomes are left as they were.
   */
  renameInPlace?: boolean;
}

/** As calibrate, for a history already normalised (see normalise), with the notes so far. */
export function calibrateNormalised(history: History, rng: Rng, name: string, notes: string[]): Calibration {
  const comments = new Map<string, string>();
  const windowDays = (history.exportTime - history.start) / MS_PER_DAY;
  const arrivals = fitArrivals(history);
  const workflow = fitWorkflow(history, rng, WORKING_DAYS_PER_WEEK);
  if (workflow.activities.length === 0)
    throw new HistoryError(
      'the history has no activity but clarification rounds: there is no workflow to fit',
      'an activity log has a row for each activity of the work itself',
    );
  const organisation = fitOrganisation(history, [...new Set(workflow.activities.map((a) => a.role))]);
  const handovers = fitHandovers(history, organisation, rng);
  const { teams, roles } = teamsSpec(organisation, history.overlapping, comments);
  const iterations = fitIterations(
    history.cases,
    workflow.activities.map((a) => a.key),
    workflow.skipLoops,
  );
  const abandonment = fitAbandonment(history.cases);
  const loops = loopsSpec(workflow, roles, comments, iterations);
  if (workflow.otherStarts > 0)
    notes.push(`${workflow.otherStarts} cases started elsewhere than ${workflow.start}, the commonest first activity`);
  const spec: ScenarioSpec = {
    name,
    description: `Fitted by orgflow calibrate from ${history.cases.length} use cases over ${Math.round(windowDays)} days.`,
    horizon_days: CALIBRATED_WARMUP_DAYS + Math.max(365, Math.round(windowDays)),
    warmup_days: CALIBRATED_WARMUP_DAYS,
    calendar: { working_days_per_week: WORKING_DAYS_PER_WEEK },
    roles,
    domains: domainsSpec(arrivals, organisation, windowDays, comments),
    use_case_types: typesSpec(arrivals, workflow, comments),
    teams,
    workflow: { start: workflow.start, iterations: iterationsSpec(iterations, comments), loops },
    ...handoverSpec(handovers, comments),
    management: { planning_cadence_days: planningCadence(handovers, comments) },
  };
  comments.set('calendar.working_days_per_week', 'assumed: effort is the observed calendar days x 5/7');
  comments.set('warmup_days', 'the simulated pipeline fills from empty; this first year is left out');
  notes.push(...organisation.notes, ...assumptionNotes(handovers));
  // only a file with outcomes can say a use case was abandoned
  if (abandonment.byType.length > 0 && history.has.outcome) notes.push(abandonmentNote(abandonment));
  return {
    spec: checkedScenario(spec),
    comments,
    notes,
    arrivals,
    workflow,
    iterations,
    abandonment,
    organisation,
    handovers,
    windowDays,
  };
}

/** The fitted scenario, validated: one that is not valid is a bug of calibrate, not a fault of the history. */
function checkedScenario(spec: ScenarioSpec): ScenarioSpec {
  try {
    return validateScenario(spec).spec;
  } catch (error) {
    if (error instanceof ScenarioError)
      throw new Error(
        `calibrate made a scenario that does not validate: ${error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    throw error;
  }
}

function domainsSpec(
  arrivals: readonly FittedArrivals[],
  organisation: FittedOrganisation,
  windowDays: number,
  comments: Map<string, string>,
): ScenarioSpec['domains'] {
  const domains: ScenarioSpec['domains'] = {};
  const domainOf = (id: string): ScenarioSpec['domains'][string] => {
    domains[id] ??= { demand: {} };
    return domains[id];
  };
  const seen = new Map<string, string[]>();
  for (const a of arrivals) {
    const d = domainOf(a.domain);
    d.demand = { ...d.demand, [a.type]: round(a.perMonth) };
    const trend =
      a.trendP < 0.05 / arrivals.length
        ? ` (a trend: Laplace ${round(a.trend, 2)}, p ${pValueText(a.trendP)}; the rate is the window's mean)`
        : '';
    // a Poisson count's 95% interval, n -+ 1.96 sqrt(n), as a rate per month
    const months = windowDays / DAYS_PER_MONTH;
    const [lo, hi] = [-1, 1].map((k) => round(Math.max(0, a.count + k * 1.96 * Math.sqrt(a.count)) / months));
    (seen.get(a.domain) ?? seen.set(a.domain, []).get(a.domain))?.push(
      `${a.type} ${a.count} (95% CI ${lo} to ${hi} a month)${trend}`,
    );
  }
  for (const [domain, counts] of seen)
    comments.set(
      `domains.${domain}.demand`,
      `per month, from the arrivals in ${Math.round(windowDays)} days: ${counts.join(', ')}`,
    );
  for (const [domain, people] of organisation.smePeople) {
    domainOf(domain).sme = { people, availability: 1 };
    comments.set(
      `domains.${domain}.sme`,
      `${people} experts seen; availability 1: their time is in the fitted efforts`,
    );
  }
  return domains;
}

function typesSpec(
  arrivals: readonly FittedArrivals[],
  workflow: FittedWorkflow,
  comments: Map<string, string>,
): ScenarioSpec['use_case_types'] {
  const types: ScenarioSpec['use_case_types'] = {};
  for (const type of [...new Set(arrivals.map((a) => a.type))].sort()) {
    const skip = workflow.skipLoops.get(type) ?? [];
    const scale = workflow.effortScale.get(type);
    const scaled = scale !== undefined && scale.size > 0;
    types[type] = {
      ...(skip.length > 0 ? { skip_loops: skip } : {}),
      ...(scaled ? { effort_scale: Object.fromEntries([...scale].map(([l, x]) => [l, round(x)])) } : {}),
    };
    if (skip.length > 0)
      comments.set(`use_case_types.${type}.skip_loops`, 'no case of this type that went live entered them');
    if (scaled)
      comments.set(`use_case_types.${type}.effort_scale`, `effort against ${workflow.referenceType}'s, by loop`);
  }
  return types;
}

function teamsSpec(
  organisation: FittedOrganisation,
  overlapping: boolean,
  comments: Map<string, string>,
): Pick<ScenarioSpec, 'teams' | 'roles'> {
  const roles: ScenarioSpec['roles'] = {};
  const teams: ScenarioSpec['teams'] = {};
  const counted =
    organisation.headcountFrom === 'people'
      ? 'people seen'
      : `most activities at once (${overlapping ? 'people work on several at once' : 'no one named'})`;
  for (const t of organisation.teams) {
    const headcount = Object.fromEntries([...t.headcount].filter(([role]) => role !== SME));
    for (const role of Object.keys(headcount)) roles[role] ??= {};
    teams[t.id] = { home: t.home, ...(t.serves.length > 0 ? { serves: t.serves } : {}), headcount };
    const seen = [...t.peopleSeen].filter(([role, n]) => role !== SME && n > 0);
    const people =
      overlapping && seen.length > 0 ? `; people seen: ${seen.map(([role, n]) => `${role} ${n}`).join(', ')}` : '';
    comments.set(`teams.${t.id}.headcount`, `${counted}; ${t.instances} activities${people}`);
  }
  return { teams, roles };
}

function loopsSpec(
  workflow: FittedWorkflow,
  roles: ScenarioSpec['roles'],
  comments: Map<string, string>,
  iterations: FittedIterations,
): ScenarioSpec['workflow']['loops'] {
  const loops: ScenarioSpec['workflow']['loops'] = {};
  const order = new Map(workflow.activities.map((a, i) => [a.key, i]));
  for (const loop of workflow.loops) loops[loop] = { activities: {} };
  for (const a of workflow.activities) {
    const here = order.get(a.key) ?? -1;
    const isLoopBack = (target: string): boolean => (order.get(target) ?? Number.POSITIVE_INFINITY) <= here;
    loops[a.loop].activities[a.activity] = activitySpec(a, comments, isLoopBack, iterations);
    if (a.role !== SME) roles[a.role] ??= {};
  }
  return loops;
}

function handoverSpec(h: FittedHandovers, comments: Map<string, string>): Pick<ScenarioSpec, 'handovers'> {
  if (h.delay.size === 0) return {};
  const delay = {} as Record<(typeof BOUNDARIES)[number], DistributionSpec>;
  for (const b of BOUNDARIES) {
    const fit = h.delay.get(b);
    if (fit === undefined) {
      delay[b] = 0;
      comments.set(`handovers.delay.${b}`, 'no handover across this boundary seen');
      continue;
    }
    const d = distributionOf(fit);
    delay[b] = d.spec;
    comments.set(`handovers.delay.${b}`, `days; ${d.note}`);
  }
  const clarifies = h.clarificationEffort !== null;
  return {
    handovers: {
      delay,
      ...(clarifies && h.clarificationEffort
        ? {
            clarification: {
              probability: Object.fromEntries(BOUNDARIES.map((b) => [b, round(h.clarification.get(b) ?? 0)])) as Record<
                (typeof BOUNDARIES)[number],
                number
              >,
              sme_effort: distributionOf(h.clarificationEffort, WORKING_DAYS_PER_WEEK / 7).spec,
            },
          }
        : {}),
    },
  };
}

/** The learning decay of loop-backs and their cap, with what they rest on. */
function iterationsSpec(it: FittedIterations, comments: Map<string, string>): ScenarioSpec['workflow']['iterations'] {
  comments.set('workflow.iterations.decay', iterationsNote(it));
  comments.set(
    'workflow.iterations.cap',
    it.cap > DEFAULT_CAP ? 'the most loop-backs one case took from one activity' : 'the default: no case took more',
  );
  return { decay: it.decay, cap: it.cap };
}

/** The planning cadence that gives the observed intake waits (uniform on [0, cadence): twice their mean). */
function planningCadence(h: FittedHandovers, comments: Map<string, string>): number {
  if (h.intakeWaits.length < 5) {
    comments.set(
      'management.planning_cadence_days',
      'not in the history (no arrival column, or fewer than 5 arrivals whose wait for the first activity shows): none assumed',
    );
    return 0;
  }
  const mean = h.intakeWaits.reduce((s, x) => s + x, 0) / h.intakeWaits.length;
  const cadence = Math.round(2 * mean);
  comments.set(
    'management.planning_cadence_days',
    `twice the mean wait from arrival until the first activity was ready (${round(mean, 2)} days, n ${h.intakeWaits.length})`,
  );
  return cadence;
}

function assumptionNotes(h: FittedHandovers): string[] {
  return [
    'costs are not in a history: set roles.<role>.cost_per_year before reading costs',
    'gates are not told apart from handovers: a gate meeting after an activity is part of the handover delay that follows it',
    'rework after a handover is not told apart from other repeated passes; maintenance of models in production is not in an activity log',
    ...(h.busyBounded > 0
      ? [
          `${h.busyBounded} handovers are left out of the delays: the next person was busy with other work until they started, so the gap only bounds the delay`,
        ]
      : []),
  ];
}
