/**
 * The configuration of a run: what the scenario's parameters become once, read-only, for the
 * processes to read (the distributions, rates and rules). Built when the run starts, and again
 * from a day on when the timeline changes a parameter (see timeline.ts).
 */
import { exponential, type Distribution } from '../random/index.js';
import { buildDistribution } from '../scenario/distribution-build.js';
import type { ModelParameters } from '../scenario/model-parameters.js';
import { DAYS_PER_MONTH } from '../scenario/time-units.js';
import type { WorkflowGraph } from '../scenario/workflow-graph.js';
import { learningOf } from './familiarity.js';
import type { MaintenanceConfig, ModelConfig } from './model-context.js';
import type { Boundary } from './organisation.js';

function boundaries<T>(make: (b: Boundary) => T): Record<Boundary, T> {
  return { same_team: make('same_team'), same_home: make('same_home'), cross_home: make('cross_home') };
}

/** The configuration of a run: the distributions, rates and rules its processes read. */
export function buildConfig(params: ModelParameters, graph: WorkflowGraph, maxOpen: number): ModelConfig {
  const efforts = new Map<string, Distribution>();
  for (const node of graph.nodes.values()) efforts.set(node.id, buildDistribution(node.spec.effort));
  const h = params.handovers;
  const clarification = h?.clarification;
  const rework = h?.rework;
  const management = params.management;
  return {
    params,
    graph,
    rate: {
      workingDaysPerWeek: params.calendar.working_days_per_week,
      coordinationOverhead: management.coordination_overhead,
    },
    policy: { decay: params.workflow.iterations.decay, cap: params.workflow.iterations.cap },
    efforts,
    handoverDelay: h ? boundaries((b) => buildDistribution(h.delay[b])) : null,
    clarification: clarification
      ? {
          probability: boundaries((b) => clarification.probability[b]),
          smeEffort: buildDistribution(clarification.sme_effort),
        }
      : null,
    rework: rework ? { probability: boundaries((b) => rework.probability[b]), fraction: rework.effort_fraction } : null,
    gates: new Map(
      Object.entries(management.gates).map(([id, g]) => [
        id,
        { cadence: g.cadence_days, approval: g.approval_probability },
      ]),
    ),
    planningCadence: management.planning_cadence_days,
    intake: management.intake,
    maintenance: maintenanceConfig(params),
    lifetime: buildDistribution(params.modelLifetime),
    smeAvailability: new Map(
      Object.entries(params.domains).flatMap(([id, d]) => (d.sme === undefined ? [] : [[id, d.sme.availability]])),
    ),
    learning: learningOf(params),
    maxOpen,
  };
}

function maintenanceConfig(params: ModelParameters): MaintenanceConfig | null {
  const m = params.maintenance;
  if (m === undefined) return null;
  return {
    gap:
      m.incidents_per_model_per_month > 0
        ? exponential({ mean: DAYS_PER_MONTH / m.incidents_per_model_per_month })
        : null,
    role: m.role,
    effort: buildDistribution(m.effort),
    urgent: m.urgent,
  };
}
