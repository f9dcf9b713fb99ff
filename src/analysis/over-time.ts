/**
 * The experiment over time, mean over replications: go-lives per quarter of the measured
 * window and the flow series (arrivals, go-lives, abandonments, work in each loop, models in
 * production). Computed here once; the tables and the charts take them from here.
 */
import type { ExperimentResult } from '../experiment/experiment.js';
import type { FlowSeries } from '../model/index.js';

/** Go-lives per complete quarter of one configuration's measured window, mean over its replications. */
export interface QuarterlyThroughput {
  scenario: string;
  /** Entry q is quarter q + 1 after the warm-up. */
  goLives: number[];
}

/** One configuration's flow series, each sample the mean over its replications (at the first replication's sample times). */
export interface MeanFlowSeries extends FlowSeries {
  scenario: string;
}

/** The mean over the replications of `f` of each. */
function meanOver<R>(replications: readonly R[], f: (r: R) => number): number {
  return replications.reduce((sum, r) => sum + f(r), 0) / replications.length;
}

/** Go-lives per quarter, mean over replications, for every configuration (in the experiment's order). */
export function quarterlyThroughput(experiment: ExperimentResult): QuarterlyThroughput[] {
  return experiment.scenarios.map((s) => {
    const quarters = s.replications[0]?.metrics.throughputByQuarter.length ?? 0;
    return {
      scenario: s.name,
      goLives: Array.from({ length: quarters }, (_, q) =>
        meanOver(s.replications, (r) => r.metrics.throughputByQuarter[q]),
      ),
    };
  });
}

/**
 * The flow series of every configuration (in the experiment's order), mean over its
 * replications sample by sample; a configuration without replications has empty series.
 */
export function meanFlowSeries(experiment: ExperimentResult): MeanFlowSeries[] {
  return experiment.scenarios.map((s) => {
    const reps = s.replications;
    const first = reps[0]?.flow;
    if (!first)
      return { scenario: s.name, time: [], arrived: [], live: [], abandoned: [], inLoop: {}, inProduction: [] };
    const series = (of: (flow: FlowSeries) => number[]): number[] =>
      first.time.map((_, k) => meanOver(reps, (r) => of(r.flow)[k]));
    return {
      scenario: s.name,
      time: [...first.time],
      arrived: series((f) => f.arrived),
      live: series((f) => f.live),
      abandoned: series((f) => f.abandoned),
      inLoop: Object.fromEntries(Object.keys(first.inLoop).map((loop) => [loop, series((f) => f.inLoop[loop])])),
      inProduction: series((f) => f.inProduction),
    };
  });
}
