/**
 * An organisation that changes during the run: the scenario's `timeline`, each change applied
 * at its day (see scenario/timeline-changes.ts for what each makes of the scenario). From that
 * day the run reads the new scenario's parameters (a new configuration: efforts, handovers,
 * gates, costs, routing), and the people are moved to match its teams:
 *
 * - per group of people (the same roles), a team with more of them than the new scenario has
 *   gives up the latest to join; a team with fewer takes people given up elsewhere (they move,
 *   and work slower for the change's transition), then new hires (who ramp up); people given
 *   up and taken by no team leave the organisation;
 * - someone busy finishes the work in hand where they are, then moves or leaves;
 * - work waiting for a team that no longer does its role for its domain is routed again (the
 *   least loaded team that does), keeping its place among equal priorities.
 */
import type { ProcessGenerator } from '../engine/index.js';
import { resolveParameters, type ModelParameters } from '../scenario/model-parameters.js';
import type { ScenarioSpec, TimelineChangeSpec } from '../scenario/scenario-spec.js';
import { personGroups } from '../scenario/team-people.js';
import { changeKind, scenarioAfter, timelineOrder } from '../scenario/timeline-changes.js';
import { buildWorkflowGraph } from '../scenario/workflow-graph.js';
import type { ModelContext } from './model-context.js';
import type { Organisation } from './organisation.js';
import { buildConfig } from './run-config.js';
import { plannedTimeOff, startTimeOffOf } from './time-off.js';

/** How people who change team, and people who join, start: from the change. */
interface Arrival {
  /** Days the people who change team work slower, and by how much (effort multiplier). */
  transitionDays: number;
  slowdown: number;
  /** Days new hires take to reach full speed, and their speed on the first day. */
  rampUpDays: number;
  rampUpStart: number;
}

/** How people arrive through `change`: its own figures, or for a reorganisation's hires its transition. */
function arrivalOf(change: TimelineChangeSpec): Arrival {
  const t = change.move ?? change.reorganise;
  const transitionDays = t?.transition_days ?? 0;
  const slowdown = t?.slowdown ?? 1;
  if (change.hire)
    return {
      transitionDays,
      slowdown,
      rampUpDays: change.hire.ramp_up_days ?? 0,
      rampUpStart: change.hire.ramp_up_start ?? 1,
    };
  return { transitionDays, slowdown, rampUpDays: transitionDays, rampUpStart: 1 / slowdown };
}

/** A change applied, for the outputs by period: its day, its name, and the day its transition or ramp-up is over. */
export interface AppliedChange {
  day: number;
  name: string;
  settledBy: number;
}

/** Starts the process that applies the timeline of `spec` (nothing when it is empty). */
export function startTimeline(ctx: ModelContext, spec: ScenarioSpec): void {
  // the changes with their defaults filled in (ramp-up, transition)
  const ordered = timelineOrder(ctx.config.params.timeline as TimelineChangeSpec[]);
  if (ordered.length === 0) return;
  const { env } = ctx.state;
  env.process(
    (function* (): ProcessGenerator {
      let current = spec;
      for (const { change, index } of ordered) {
        if (change.day >= ctx.config.params.horizon_days) return;
        if (change.day > env.now) yield change.day - env.now;
        const { spec: next, issues } = scenarioAfter(current, change, ['timeline', index]);
        if (issues.length > 0)
          throw new Error(`timeline[${index}]: ${issues[0].message} (the scenario check should have caught this)`);
        current = next;
        const arrival = arrivalOf(change);
        applyScenario(ctx, resolveParameters({ ...next, timeline: [] }), arrival, changeKind(change) !== 'set');
        ctx.state.changes.push({
          day: env.now,
          name: change.name ?? `change on day ${change.day}`,
          settledBy: env.now + Math.max(arrival.transitionDays, change.hire ? arrival.rampUpDays : 0),
        });
      }
    })(),
  );
}

/** From now on the run reads `params`, and its people match its teams (`people`: whether the change is one of people). */
function applyScenario(ctx: ModelContext, params: ModelParameters, arrival: Arrival, people: boolean): void {
  const graph = buildWorkflowGraph(params.workflow).graph;
  ctx.config = buildConfig(params, graph, ctx.config.maxOpen);
  const { org } = ctx.state;
  org.setParameters(params);
  matchPeople(ctx, org, params, arrival);
  org.rerouteWaiting();
  ctx.state.costChanged(params);
  // the run's figures of use by pool are for the people as they are after the last change of
  // people (the quarterly figures cover the whole run)
  if (people && ctx.state.env.now >= params.warmup_days) org.people.resource.resetStatistics();
}

/** Moves, hires and lets go people so that each team has the people its new scenario gives it (see the file's comment). */
function matchPeople(ctx: ModelContext, org: Organisation, params: ModelParameters, arrival: Arrival): void {
  const { people } = org;
  const now = ctx.state.env.now;
  // per group of roles: the people given up by teams with too many, and the places of teams with too few
  const given = new Map<string, number[]>();
  const places: { team: string; label: string; roles: readonly string[]; missing: number }[] = [];
  const here = org.teamPeople();
  for (const [team, t] of Object.entries(params.teams)) {
    for (const group of wantedGroups(t)) {
      const units = here.get(`${team}/${group.label}`) ?? [];
      here.delete(`${team}/${group.label}`);
      if (units.length > group.count) giveUp(given, group.label, units.slice(group.count));
      else if (units.length < group.count) places.push({ team, ...group, missing: group.count - units.length });
    }
  }
  // teams (or groups) the new scenario does not have give up everyone
  for (const [key, units] of here) giveUp(given, key.slice(key.indexOf('/') + 1), units);
  for (const place of places) {
    const pool = given.get(place.label) ?? [];
    for (let k = 0; k < place.missing; k++) {
      const moved = pool.shift();
      if (moved !== undefined) {
        people.slowDown(moved, now + arrival.transitionDays, arrival.slowdown);
        org.moveTo(moved, place.team);
      } else {
        const start = { now, rampUpDays: arrival.rampUpDays, rampUpStart: arrival.rampUpStart };
        const roles = { label: place.label, roles: place.roles };
        // their days away known before they can take work
        const away = plannedTimeOff(ctx, place.team, roles, people.nextIndex(place.team, roles.label));
        const unit = org.hire(place.team, roles, start, away);
        startTimeOffOf(ctx, unit);
      }
    }
  }
  for (const units of given.values()) for (const unit of units) org.letGo(unit);
}

/** The people a team should have, per group of the same roles (groups listed twice, such as headcount and people, added up). */
function wantedGroups(
  team: ModelParameters['teams'][string],
): { label: string; roles: readonly string[]; count: number }[] {
  const byLabel = new Map<string, { label: string; roles: readonly string[]; count: number }>();
  for (const g of personGroups(team)) {
    const known = byLabel.get(g.label);
    byLabel.set(g.label, { label: g.label, roles: g.roles, count: (known?.count ?? 0) + g.count });
  }
  return [...byLabel.values()];
}

/** Adds `units` to those given up for `label`, the latest to join first. */
function giveUp(given: Map<string, number[]>, label: string, units: readonly number[]): void {
  const list = given.get(label) ?? [];
  list.push(...[...units].reverse());
  given.set(label, list);
}
