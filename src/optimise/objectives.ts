/**
 * What a search can minimise or maximise: days to production (a percentile or the mean, open
 * use cases counted as censored), the people cost a year, go-lives a year and net value a
 * year. Each is read per replication; the search compares them as minimisation (a figure to
 * maximise is negated).
 */
import type { ReplicationMetrics } from '../metrics/replication-metrics.js';
import { OPTIMISE_OBJECTIVES } from '../scenario/index.js';
import { OptimiseInputError } from './optimise-input-error.js';

/** What a search can minimise or maximise; a scenario's `optimise.objectives` names them too. */
export const OBJECTIVES = OPTIMISE_OBJECTIVES;
export type ObjectiveName = (typeof OBJECTIVES)[number];

/** The days-to-production objectives: percentiles and the mean. */
export const TIME_OBJECTIVES: readonly ObjectiveName[] = ['p50', 'p85', 'p95', 'mean'];

export interface ObjectiveInfo {
  name: ObjectiveName;
  /** How a table header or a chart axis names it. */
  label: string;
  /** How a sentence names it: "p85", "the people cost", "go-lives a year". */
  words: string;
  unit: 'days' | 'money a year' | 'a year';
  /** 1: smaller is better; -1: larger is better. */
  sense: 1 | -1;
}

export const OBJECTIVE_INFO: Readonly<Record<ObjectiveName, ObjectiveInfo>> = {
  p50: { name: 'p50', label: 'Median days to production', words: 'the median', unit: 'days', sense: 1 },
  p85: { name: 'p85', label: '85th percentile days to production', words: 'p85', unit: 'days', sense: 1 },
  p95: { name: 'p95', label: '95th percentile days to production', words: 'p95', unit: 'days', sense: 1 },
  mean: {
    name: 'mean',
    label: 'Mean days to production',
    words: 'the mean time to production',
    unit: 'days',
    sense: 1,
  },
  cost: { name: 'cost', label: 'People cost a year', words: 'the people cost', unit: 'money a year', sense: 1 },
  goLives: { name: 'goLives', label: 'Go-lives a year', words: 'go-lives a year', unit: 'a year', sense: -1 },
  netValue: {
    name: 'netValue',
    label: 'Net value a year',
    words: 'the net value a year',
    unit: 'money a year',
    sense: -1,
  },
};

/** Parses `--objective p85,cost`: exactly two different names from OBJECTIVES. */
export function parseObjectives(text: string): [ObjectiveName, ObjectiveName] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const n of names) {
    if (!(OBJECTIVES as readonly string[]).includes(n))
      throw new OptimiseInputError(`--objective: "${n}" is not an objective; choose two of ${OBJECTIVES.join(', ')}`);
  }
  if (names.length !== 2 || names[0] === names[1])
    throw new OptimiseInputError(
      `--objective takes two different objectives separated by a comma (e.g. p85,cost), got "${text}"`,
    );
  return [names[0] as ObjectiveName, names[1] as ObjectiveName];
}

/**
 * One replication's figure for `name`, and its bound: a percentile the run does not reach is
 * NaN with its lower bound in `bound`; every other figure is its own bound.
 */
export function replicationFigure(name: ObjectiveName, m: ReplicationMetrics): { value: number; bound: number } {
  switch (name) {
    case 'p50':
    case 'p85':
    case 'p95':
    case 'mean':
      return { value: m.timeToProduction[name], bound: m.timeToProduction.atLeast[name] };
    case 'cost':
      return { value: m.peopleCostPerYear, bound: m.peopleCostPerYear };
    case 'goLives':
      return { value: m.throughputPerYear, bound: m.throughputPerYear };
    case 'netValue':
      return { value: m.netValuePerYear, bound: m.netValuePerYear };
  }
}

/**
 * A design's figure for `name` in one replication: for cost, the people cost the scenario
 * gives (exact, the same in every replication, so two designs of equal cost tie exactly); for
 * the others, the replication's.
 */
export function designFigure(
  name: ObjectiveName,
  m: ReplicationMetrics,
  peopleCost: number,
): { value: number; bound: number } {
  return name === 'cost' ? { value: peopleCost, bound: peopleCost } : replicationFigure(name, m);
}
