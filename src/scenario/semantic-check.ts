/**
 * Checks what the schema cannot: references between parts of the scenario, probabilities
 * that sum to 1, a workflow where every activity is reachable and every path can end,
 * roles covered for every domain, and (as warnings) roles whose expected load reaches
 * their capacity. Runs on a structurally valid scenario.
 */
import { suggestion } from './closest.js';
import type { ScenarioIssue } from './issues.js';
import { entry, lookup } from './lookup.js';
import {
  effortMultiplier,
  effortScale,
  hasSmes,
  resolveParameters,
  type ModelParameters,
  type ResolvedDistribution,
  type ResolvedDomain,
} from './model-parameters.js';
import { eligibleTeams } from './routing-rules.js';
import { CENTRE, SME_ROLE, type ScenarioSpec } from './scenario-spec.js';
import { buildWorkflowGraph, expectedVisits, isTerminal, type WorkflowGraph } from './workflow-graph.js';
import { buildDistribution, expectedMean } from './distribution-build.js';
import { DAYS_PER_MONTH } from './time-units.js';

const SUM_TOLERANCE = 1e-9;

/** Records an error at a field path. */
type Report = (path: (string | number)[], message: string, hint?: string) => void;

/** The ids a scenario declares, which its other parts refer to. */
interface Names {
  roles: string[];
  domains: string[];
  types: string[];
  loops: string[];
  gates: string[];
}

const hasError = (issues: readonly ScenarioIssue[]): boolean => issues.some((i) => i.severity === 'error');

export function checkSemantics(spec: ScenarioSpec): ScenarioIssue[] {
  const p = resolveParameters(spec);
  const issues: ScenarioIssue[] = [];
  const err: Report = (path, message, hint) => {
    issues.push({ severity: 'error', path, message, ...(hint ? { hint } : {}) });
  };
  const names: Names = {
    roles: Object.keys(p.roles),
    domains: Object.keys(p.domains),
    types: Object.keys(p.use_case_types),
    loops: Object.keys(p.workflow.loops),
    gates: Object.keys(p.management.gates),
  };
  checkOutline(p, names, err);
  checkDemandAndTypes(p, names, err);
  checkTeams(p, names, err);
  checkDistributions(p, err);
  const graph = checkWorkflow(p, names, issues, err);

  // roles covered, gates, maintenance; then, on a sound scenario, the load
  const visits = visitsPerType(p, graph);
  if (!hasError(issues)) checkCoverage(p, graph, visits, err);
  checkGatesAndMaintainer(p, names, err);
  if (!hasError(issues)) issues.push(...capacityWarnings(p, graph, visits));
  return issues;
}

/** The horizon against the warm-up, the built-in role, and a scenario with something in it. */
function checkOutline(p: ModelParameters, names: Names, err: Report): void {
  if (!(p.horizon_days > p.warmup_days))
    err(
      ['horizon_days'],
      `the horizon (${p.horizon_days} days) must be longer than the warm-up (${p.warmup_days} days)`,
      'lengthen horizon_days or shorten warmup_days',
    );
  if (p.roles[SME_ROLE] !== undefined)
    err(
      ['roles', SME_ROLE],
      `"${SME_ROLE}" is built in (each domain's subject-matter experts) and cannot be declared`,
      'remove it from roles; set domains.<id>.sme instead',
    );
  if (names.domains.length === 0) err(['domains'], 'a scenario needs at least one domain');
  if (names.loops.length === 0) err(['workflow', 'loops'], 'the workflow needs at least one loop');
}

/** Demand and dated items refer to known types; types skip and scale known loops. */
function checkDemandAndTypes(p: ModelParameters, { types, loops }: Names, err: Report): void {
  for (const [d, domain] of Object.entries(p.domains)) {
    for (const type of Object.keys(domain.demand)) {
      if (!types.includes(type))
        err(['domains', d, 'demand', type], `unknown use-case type "${type}"`, suggestion(type, types));
    }
    for (const [i, item] of domain.items.entries()) {
      if (!types.includes(item.type))
        err(['domains', d, 'items', i, 'type'], `unknown use-case type "${item.type}"`, suggestion(item.type, types));
    }
  }
  for (const [t, type] of Object.entries(p.use_case_types)) {
    for (const [i, loop] of type.skip_loops.entries()) {
      if (!loops.includes(loop))
        err(['use_case_types', t, 'skip_loops', i], `unknown loop "${loop}"`, suggestion(loop, loops));
    }
    if (typeof type.effort_scale === 'object') {
      for (const loop of Object.keys(type.effort_scale)) {
        if (!loops.includes(loop))
          err(['use_case_types', t, 'effort_scale', loop], `unknown loop "${loop}"`, suggestion(loop, loops));
      }
    }
  }
}

/** Each team's home, the domains it serves, and the roles and loops its maps name. */
function checkTeams(p: ModelParameters, { roles, domains, loops }: Names, err: Report): void {
  for (const [id, team] of Object.entries(p.teams)) {
    if (team.home !== CENTRE && !domains.includes(team.home))
      err(
        ['teams', id, 'home'],
        `unknown home "${team.home}"`,
        `use "${CENTRE}" or a domain; ${suggestion(team.home, [CENTRE, ...domains])}`,
      );
    if (Array.isArray(team.serves)) {
      for (const [i, d] of team.serves.entries()) {
        if (!domains.includes(d)) err(['teams', id, 'serves', i], `unknown domain "${d}"`, suggestion(d, domains));
      }
    }
    for (const role of Object.keys(team.headcount)) {
      if (!roles.includes(role))
        err(
          ['teams', id, 'headcount', role],
          `unknown role "${role}"`,
          role === SME_ROLE
            ? 'subject-matter experts belong to domains: set domains.<id>.sme'
            : suggestion(role, roles),
        );
    }
    for (const role of Object.keys(team.cost_per_year)) {
      if (!roles.includes(role))
        err(['teams', id, 'cost_per_year', role], `unknown role "${role}"`, suggestion(role, roles));
    }
    for (const key of Object.keys(team.effort_multiplier)) {
      if (!loops.includes(key) && key !== 'maintenance')
        err(
          ['teams', id, 'effort_multiplier', key],
          `unknown loop "${key}"`,
          suggestion(key, [...loops, 'maintenance']),
        );
    }
  }
}

/** Every distribution builds (parameters in range, e.g. p90 above the median). */
function checkDistributions(p: ModelParameters, err: Report): void {
  for (const [path, dist] of distributionsOf(p)) {
    try {
      buildDistribution(dist);
    } catch (e) {
      err(path, (e as Error).message);
    }
  }
}

/** The workflow's graph, after checking its activities (roles, gates, next steps) and, if it is sound, its paths. */
function checkWorkflow(
  p: ModelParameters,
  { roles, gates }: Names,
  issues: ScenarioIssue[],
  err: Report,
): WorkflowGraph {
  const { graph, issues: graphIssues } = buildWorkflowGraph(p.workflow);
  issues.push(...graphIssues);
  for (const node of graph.nodes.values()) {
    const path = ['workflow', 'loops', node.loop, 'activities', node.activity];
    if (node.spec.role !== SME_ROLE && !roles.includes(node.spec.role))
      err([...path, 'role'], `unknown role "${node.spec.role}"`, suggestion(node.spec.role, [...roles, SME_ROLE]));
    if (node.spec.gate !== undefined && !gates.includes(node.spec.gate)) {
      err(
        [...path, 'gate'],
        `unknown gate "${node.spec.gate}"`,
        gates.length ? suggestion(node.spec.gate, gates) : 'define it under management.gates',
      );
    }
    const sum = Object.values(node.spec.next).reduce((s, q) => s + q, 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      err(
        [...path, 'next'],
        `the probabilities of the next steps sum to ${+sum.toFixed(6)}, not 1`,
        'make them add up to 1',
      );
    }
    if (Object.keys(node.spec.next).length === 0)
      err([...path, 'next'], 'an activity needs at least one next step', 'add live: 1 or the next activity');
  }
  if (graphIssues.length === 0) checkReachability(graph, err);
  return graph;
}

/** Gates that can be passed, and a maintenance role that exists. */
function checkGatesAndMaintainer(p: ModelParameters, { roles }: Names, err: Report): void {
  for (const [g, gate] of Object.entries(p.management.gates)) {
    if (gate.approval_probability === 0)
      err(
        ['management', 'gates', g, 'approval_probability'],
        'a gate that never approves can never be passed',
        'use a probability above 0',
      );
  }
  if (p.maintenance !== undefined && !roles.includes(p.maintenance.role) && p.maintenance.role !== SME_ROLE) {
    err(['maintenance', 'role'], `unknown role "${p.maintenance.role}"`, suggestion(p.maintenance.role, roles));
  }
}

function checkReachability(graph: WorkflowGraph, err: Report): void {
  const reachable = new Set<string>();
  const stack = [graph.start];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (reachable.has(id) || isTerminal(id)) continue;
    reachable.add(id);
    for (const t of lookup(graph.nodes, id, 'activity').transitions) if (t.probability > 0) stack.push(t.target);
  }
  // activities from which an end (live or abandon) can be reached
  const canEnd = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of graph.nodes.values()) {
      if (canEnd.has(node.id)) continue;
      if (node.transitions.some((t) => t.probability > 0 && (isTerminal(t.target) || canEnd.has(t.target)))) {
        canEnd.add(node.id);
        grew = true;
      }
    }
  }
  for (const node of graph.nodes.values()) {
    const path = ['workflow', 'loops', node.loop, 'activities', node.activity];
    if (!reachable.has(node.id))
      err(
        path,
        `activity ${node.id} can never be reached from the start (${graph.start})`,
        'remove it or add a next step that leads to it',
      );
    else if (!canEnd.has(node.id))
      err(
        path,
        `activity ${node.id} is in a loop with no way out: no path from it reaches live or abandon`,
        "give one of the loop's activities a next step out of the loop",
      );
  }
}

/** Expected visits per activity for a use-case type, computed once per type (they depend only on the loops it skips). */
function visitsPerType(p: ModelParameters, graph: WorkflowGraph): (type: string) => Map<string, number> {
  const cache = new Map<string, Map<string, number>>();
  return (type) => {
    let visits = cache.get(type);
    if (visits === undefined) {
      visits = expectedVisits(graph, new Set(entry(p.use_case_types, type, 'use-case type').skip_loops));
      cache.set(type, visits);
    }
    return visits;
  };
}

/** The use-case types a domain asks for: by demand (at a positive rate) or as dated items. */
function demandedTypes(domain: ResolvedDomain): Set<string> {
  return new Set([
    ...Object.entries(domain.demand)
      .filter(([, r]) => r > 0)
      .map(([t]) => t),
    ...domain.items.map((i) => i.type),
  ]);
}

/** Every domain has the people its work needs: a maintainer, SMEs for clarifications, a team for each activity. */
function checkCoverage(
  p: ModelParameters,
  graph: WorkflowGraph,
  visitsOf: (type: string) => Map<string, number>,
  err: Report,
): void {
  const clarifies = Object.values(p.handovers?.clarification?.probability ?? {}).some((q) => q > 0);
  for (const [d, domain] of Object.entries(p.domains)) {
    const demanded = demandedTypes(domain);
    checkMaintainer(p, d, domain, demanded, err);
    if (demanded.size === 0) continue;
    if (clarifies && !hasSmes(domain))
      err(
        ['domains', d, 'sme'],
        `domain ${d} has no subject-matter experts, but handovers can need a clarification round with one`,
        'set sme: { people, availability } for the domain',
      );
    for (const type of demanded) checkActivitiesCovered(p, graph, d, domain, visitsOf(type), err);
  }
}

/** Models in production (or to come) need a maintainer, even in a domain that asks for nothing new. */
function checkMaintainer(
  p: ModelParameters,
  d: string,
  domain: ResolvedDomain,
  demanded: Set<string>,
  err: Report,
): void {
  const m = p.maintenance;
  if (m === undefined || !(demanded.size > 0 || domain.models_in_production > 0)) return;
  if (m.role === SME_ROLE) {
    if (!hasSmes(domain))
      err(
        ['maintenance', 'role'],
        `maintenance needs the domain's subject-matter experts, but domain ${d} has none`,
        `set domains.${d}.sme`,
      );
  } else if (eligibleTeams(p, m.role, d).length === 0) {
    err(
      ['maintenance', 'role'],
      `maintenance needs a ${m.role}, but no team that serves domain ${d} has one`,
      `add ${m.role} to a team serving ${d}`,
    );
  }
}

/** Each activity a use case of the domain may visit has someone to do it. */
function checkActivitiesCovered(
  p: ModelParameters,
  graph: WorkflowGraph,
  d: string,
  domain: ResolvedDomain,
  visits: Map<string, number>,
  err: Report,
): void {
  for (const [id, v] of visits) {
    if (!(v > 0)) continue;
    const node = lookup(graph.nodes, id, 'activity');
    const role = node.spec.role;
    const path = ['workflow', 'loops', node.loop, 'activities', node.activity, 'role'];
    if (role === SME_ROLE) {
      if (!hasSmes(domain))
        err(
          path,
          `activity ${id} needs the domain's subject-matter experts, but domain ${d} has none`,
          `set domains.${d}.sme`,
        );
      continue;
    }
    if (eligibleTeams(p, role, d).length === 0) {
      err(
        path,
        `activity ${id} needs a ${role}, but no team that serves domain ${d} has one`,
        `add ${role} to a team whose home is ${d} or that serves ${d}`,
      );
    }
  }
}

/** Use cases per day of each type a domain asks for: its demand, and its dated items spread over the horizon. */
function arrivalsPerDay(domain: ResolvedDomain, days: number): Map<string, number> {
  const perDay = new Map<string, number>();
  for (const [type, rate] of Object.entries(domain.demand))
    perDay.set(type, (perDay.get(type) ?? 0) + rate / DAYS_PER_MONTH);
  for (const item of domain.items) perDay.set(item.type, (perDay.get(item.type) ?? 0) + 1 / days);
  return perDay;
}

/**
 * Expected utilization per team and role from demand, expected visits and mean efforts,
 * splitting a domain's work evenly among its eligible teams' people. A warning where it
 * reaches 1: queues will then grow without bound.
 */
function capacityWarnings(
  p: ModelParameters,
  graph: WorkflowGraph,
  visitsOf: (type: string) => Map<string, number>,
): ScenarioIssue[] {
  const available = 1 - p.management.coordination_overhead;
  const load = expectedLoad(p, graph, visitsOf);
  const warnings: ScenarioIssue[] = [];
  for (const [key, work] of load) {
    const [team, role] = key.split('/');
    // a role the team does not list: no one
    const capacity = (entry(p.teams, team, 'team').headcount[role] ?? 0) * available;
    const utilization = work / capacity;
    if (utilization >= 1) {
      warnings.push({
        severity: 'warning',
        path: ['teams', team, 'headcount', role],
        message: `expected utilisation of ${role} in team ${team} is ${(utilization * 100).toFixed(0)}% (demand exceeds capacity): its queue will grow without bound`,
        hint: `add people (about ${Math.ceil(work / available)} needed) or lower the demand; the estimate ignores learning, so it is an upper bound`,
      });
    }
  }
  return warnings;
}

/** Calendar days of work per day, per `team/role`. */
function expectedLoad(
  p: ModelParameters,
  graph: WorkflowGraph,
  visitsOf: (type: string) => Map<string, number>,
): Map<string, number> {
  const calendarFactor = 7 / p.calendar.working_days_per_week;
  const load = new Map<string, number>();
  for (const [d, domain] of Object.entries(p.domains)) {
    for (const [type, rate] of arrivalsPerDay(domain, p.horizon_days)) {
      const typeSpec = entry(p.use_case_types, type, 'use-case type');
      for (const [id, v] of visitsOf(type)) {
        const node = lookup(graph.nodes, id, 'activity');
        if (node.spec.role === SME_ROLE || !(v > 0)) continue;
        const scale = effortScale(typeSpec, node.loop);
        const teams = eligibleTeams(p, node.spec.role, d);
        const headcount = (t: string): number => entry(p.teams, t, 'team').headcount[node.spec.role] ?? 0;
        const people = teams.reduce((s, t) => s + headcount(t), 0);
        for (const t of teams) {
          const share = headcount(t) / people;
          const multiplier = effortMultiplier(entry(p.teams, t, 'team'), node.loop);
          const key = `${t}/${node.spec.role}`;
          load.set(
            key,
            (load.get(key) ?? 0) +
              rate * v * expectedMean(node.spec.effort) * scale * multiplier * share * calendarFactor,
          );
        }
      }
    }
  }
  return load;
}

/** Every distribution in the scenario with its field path. */
function distributionsOf(p: ModelParameters): [(string | number)[], ResolvedDistribution][] {
  const out: [(string | number)[], ResolvedDistribution][] = [];
  for (const [loop, l] of Object.entries(p.workflow.loops)) {
    for (const [activity, a] of Object.entries(l.activities))
      out.push([['workflow', 'loops', loop, 'activities', activity, 'effort'], a.effort]);
  }
  const h = p.handovers;
  if (h) {
    for (const [boundary, d] of Object.entries(h.delay)) out.push([['handovers', 'delay', boundary], d]);
    if (h.clarification) out.push([['handovers', 'clarification', 'sme_effort'], h.clarification.sme_effort]);
  }
  if (p.maintenance) {
    out.push([['maintenance', 'effort'], p.maintenance.effort]);
    out.push([['maintenance', 'lifetime_days'], p.maintenance.lifetime_days]);
  }
  return out;
}
