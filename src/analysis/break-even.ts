/**
 * The break-even of a what-if that costs more people than its baseline: the month from which
 * the value it earns sooner (or more of) has paid for its extra people cost. Both runs start on
 * day 0 with no work in hand and the what-if's people in place from that day; each replication
 * gives the what-if's cumulative net value (value earned less people cost, see
 * ReplicationMetrics.netValueByMonth) less the baseline's at the end of each month, paired
 * through common random numbers. The break-even is the first month from which the mean of
 * that difference stays at or above 0 to the end of the run; its 95% interval runs from the
 * first month from which the interval's upper bound stays there to the first from which its
 * lower bound does (the months where the interval holds 0).
 */
import type { ExperimentResult, WhatIfScenario } from '../experiment/index.js';
import { estimateOf, type Estimate } from '../statistics/estimate.js';
import { commonCurrency, withCurrency } from './money-text.js';

/** A month of the break-even curve: the mean cumulative net value of the what-if less the baseline's, with its 95% CI. */
export interface BreakEvenMonth {
  month: number;
  difference: number;
  ci95: [number, number];
}

export interface BreakEven {
  baseline: string;
  variant: string;
  /** The what-if's people cost per year less the baseline's. */
  extraCostPerYear: number;
  /** The month from which the mean difference stays at or above 0; null where it does not within the run. */
  months: number | null;
  /** The earliest and latest month of the 95% interval; the latest is null where the lower bound does not stay at or above 0 within the run. Both null with one replication. */
  ci95: [number | null, number | null];
  /** Whole months in the run. */
  runMonths: number;
  curve: BreakEvenMonth[];
  replications: number;
  currency: string | null;
  /** The break-even in a plain sentence. */
  statement: string;
}

/** The first month (1-based) from which `holds` is true at every later month; null when it is false at the last. */
function firstStaying(curve: readonly BreakEvenMonth[], holds: (m: BreakEvenMonth) => boolean): number | null {
  let first: number | null = null;
  for (const m of curve) {
    if (!holds(m)) first = null;
    else if (first === null) first = m.month;
  }
  return first;
}

const money = (x: number, currency: string | null): string =>
  withCurrency(Math.round(x).toLocaleString('en'), currency);
const months = (n: number): string => `${n} month${n === 1 ? '' : 's'}`;

function statementOf(b: Omit<BreakEven, 'statement'>): string {
  const costs = `${b.variant} costs ${money(b.extraCostPerYear, b.currency)} a year more in people than ${b.baseline}`;
  const last = b.curve[b.curve.length - 1];
  const counted =
    'counting the value each use case earns from its go-live on (not the net value a year, which counts a year of go-lives at their whole yearly value), from the first day of a run that starts with no work in hand';
  if (b.replications < 2)
    return `${costs}; over one replication its value covers that ${b.months === null ? 'not within the run' : `after ${months(b.months)}`} (no interval from one replication: run more, --reps).`;
  if (b.months === null)
    return `${costs}; the value it brings does not cover that within the run's ${months(b.runMonths)} (the cumulative difference at the end: ${money(last.difference, b.currency)}, 95% CI ${money(last.ci95[0], b.currency)} to ${money(last.ci95[1], b.currency)}), ${counted}.`;
  const [early, late] = b.ci95;
  // read off the month-by-month intervals of the difference: approximate, not a coverage guarantee
  const interval =
    late === null
      ? `approximate 95% CI ${early} months to beyond the run`
      : `approximate 95% CI ${early} to ${months(late)}`;
  return `${costs}; the value it brings covers that after ${months(b.months)} (${interval}), ${counted}.`;
}

/** The break-even of `variant` against `baseline`; null where the variant costs no more or no type has a value. */
export function breakEven(experiment: ExperimentResult, variant: string, baseline: string): BreakEven | null {
  const v = experiment.scenarios.find((s) => s.name === variant);
  const b = experiment.scenarios.find((s) => s.name === baseline);
  if (!v || !b) throw new RangeError(`no scenario ${v ? baseline : variant} in this experiment`);
  const n = Math.min(v.replications.length, b.replications.length);
  const pairs = Array.from({ length: n }, (_, r) => [v.replications[r].metrics, b.replications[r].metrics] as const);
  const extraCostPerYear = estimateOf(pairs.map(([x, y]) => x.peopleCostPerYear - y.peopleCostPerYear)).estimate;
  const runMonths = Math.min(...pairs.map(([x, y]) => Math.min(x.netValueByMonth.length, y.netValueByMonth.length)));
  if (!(extraCostPerYear > 0) || !(runMonths > 0)) return null;
  const curve = Array.from({ length: runMonths }, (_, k): BreakEvenMonth => {
    const d: Estimate = estimateOf(pairs.map(([x, y]) => x.netValueByMonth[k] - y.netValueByMonth[k]));
    return { month: k + 1, difference: d.estimate, ci95: d.ci95 };
  });
  const spread = n >= 2;
  const result = {
    baseline,
    variant,
    extraCostPerYear,
    months: firstStaying(curve, (m) => m.difference >= 0),
    ci95: [
      spread ? firstStaying(curve, (m) => m.ci95[1] >= 0) : null,
      spread ? firstStaying(curve, (m) => m.ci95[0] >= 0) : null,
    ] as [number | null, number | null],
    runMonths,
    curve,
    replications: n,
    currency: commonCurrency([v, b]),
  };
  return { ...result, statement: statementOf(result) };
}

/** The break-even of every what-if of `scenarios` (see whatIfScenarios) that costs more people than its baseline. */
export function whatIfBreakEvens(experiment: ExperimentResult, scenarios: readonly WhatIfScenario[]): BreakEven[] {
  return scenarios.flatMap((s) => {
    const result = s.whatif === undefined ? null : breakEven(experiment, s.name, s.whatif.baseline);
    return result === null ? [] : [result];
  });
}
