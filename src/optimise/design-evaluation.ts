/**
 * A design (a structure and the counts of its groups) and what is known of it: its people and
 * cost (known without simulating), its replications so far, its objectives' estimates, and
 * whether it may stand on the front (a valid scenario within the total and the budget, keeping
 * up with its demand, no group busier than allowed, its objectives reached within the run).
 */
import { summariseScenario } from '../analysis/experiment-summary.js';
import type { Verdict } from '../analysis/stability.js';
import type { ReplicationResult } from '../experiment/index.js';
import { boundedEstimateOf, valueOrBound, type BoundedEstimate } from '../statistics/estimate.js';
import type { ScenarioSpec } from '../scenario/index.js';
import { costOf, peopleIn, type Structure } from './decision-space.js';
import { OBJECTIVE_INFO, designFigure, type ObjectiveName } from './objectives.js';

export interface Design {
  /** Its position in the list of structures. */
  structure: number;
  /** The counts of the structure's variables, in their order. */
  values: readonly number[];
}

/** The same design always has the same key: the cache's. */
export const designKey = (d: Design): string => `${d.structure}:${d.values.join(',')}`;

/** Why a design that does not keep up with its demand is infeasible. */
export const DOES_NOT_KEEP_UP = 'does not keep up with its demand';

/** What the search asks of a design besides its objectives. */
export interface Constraints {
  /** Exactly this many people. */
  total?: number;
  /** At most this people cost a year. */
  budget?: number;
  /** No group of people busier than this share of their time (mean over replications). */
  maxUtilization?: number;
}

/** A replication's figures the search keeps (not its event log or flow series). */
export type KeptReplication = Pick<ReplicationResult, 'metrics' | 'littles' | 'changes' | 'horizon' | 'replication'>;

export interface DesignEvaluation {
  key: string;
  design: Design;
  people: number;
  cost: number;
  /** The design's scenario; null when the counts do not make a valid one. */
  spec: ScenarioSpec | null;
  /** Why it cannot stand on the front; null while it can. */
  infeasible: string | null;
  /** How far it is from feasible (0 when feasible): infeasible designs rank by it. */
  violation: number;
  replications: KeptReplication[];
  /** Per objective, in the search's order. */
  estimates: BoundedEstimate[];
  /** The objectives as minimised (larger-is-better ones negated): what dominance compares. */
  point: number[];
  /** keeps-up, does-not-keep-up or cannot-tell; null before any replication. */
  verdict: Verdict | null;
  /** The stability verdict in a sentence. */
  stability: string;
  /** The busiest group's mean utilization. */
  busiest: { pool: string; utilization: number } | null;
}

/** A new evaluation of `design`, infeasible at once when its scenario is invalid or it breaks the total or the budget. */
export function newEvaluation(
  design: Design,
  structure: Structure,
  spec: ScenarioSpec | null,
  invalid: string | null,
  constraints: Constraints,
): DesignEvaluation {
  const people = peopleIn(structure, design.values);
  const cost = costOf(structure, design.values);
  const evaluation: DesignEvaluation = {
    key: designKey(design),
    design,
    people,
    cost,
    spec,
    infeasible: null,
    violation: 0,
    replications: [],
    estimates: [],
    point: [],
    verdict: null,
    stability: '',
    busiest: null,
  };
  const { total, budget } = constraints;
  if (invalid !== null) return { ...evaluation, infeasible: invalid, violation: 1e6 };
  if (total !== undefined && people !== total)
    return {
      ...evaluation,
      infeasible: `${people} people, not ${total}`,
      violation: 100 + Math.abs(people - total),
    };
  if (budget !== undefined && cost > budget)
    return {
      ...evaluation,
      infeasible: `costs ${Math.round(cost).toLocaleString('en')} a year, over the budget of ${budget.toLocaleString('en')}`,
      violation: 10 + (cost - budget) / budget,
    };
  return evaluation;
}

/** Whether replications can tell more of it: valid, within total and budget. */
export const simulable = (e: DesignEvaluation): boolean => e.spec !== null && e.violation < 10;

/** The evaluation with `more` replications added, its estimates, verdict and feasibility worked out again. */
export function withReplications(
  e: DesignEvaluation,
  more: readonly KeptReplication[],
  objectives: readonly ObjectiveName[],
  constraints: Constraints,
  name: string,
): DesignEvaluation {
  const replications = [...e.replications, ...more];
  const summary = summariseScenario({ name, replications }, 0);
  const estimates = objectives.map((o) => {
    const figures = replications.map((r) => designFigure(o, r.metrics, e.cost));
    return boundedEstimateOf(
      figures.map((f) => f.value),
      figures.map((f) => f.bound),
    );
  });
  const point = estimates.map((est, k) => OBJECTIVE_INFO[objectives[k]].sense * valueOrBound(est));
  const top = Object.entries(summary.utilization).sort((a, b) => b[1] - a[1])[0];
  const busiest = top === undefined ? null : { pool: top[0], utilization: top[1] };
  const base = {
    ...e,
    replications,
    estimates,
    point,
    verdict: summary.verdict,
    stability: summary.stability,
    busiest,
  };
  // a design over the total or the budget stays so (simulated only as a structure's reference)
  if (!simulable(e)) return base;
  const unreached = objectives.find((_, k) => estimates[k].estimate === null);
  if (summary.verdict === 'does-not-keep-up')
    return { ...base, infeasible: DOES_NOT_KEEP_UP, violation: 2 + (busiest?.utilization ?? 0) };
  if (constraints.maxUtilization !== undefined && busiest !== null && busiest.utilization > constraints.maxUtilization)
    return {
      ...base,
      infeasible: `${busiest.pool} ${Math.round(busiest.utilization * 100)}% busy, over ${Math.round(constraints.maxUtilization * 100)}%`,
      violation: 1 + busiest.utilization - constraints.maxUtilization,
    };
  if (unreached !== undefined)
    return { ...base, infeasible: `${OBJECTIVE_INFO[unreached].words} is beyond the run`, violation: 1 };
  return { ...base, infeasible: null, violation: 0 };
}
