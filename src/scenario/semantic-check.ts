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
  hasSmes,
  type ResolvedDomain,
  type ResolvedTeam,
  resolveParameters,
  type ModelParameters,
  type ResolvedDistribution,
} from './model-parameters.js';
import { eligibleTeams } from './routing-rules.js';
import { CENTRE, SME_ROLE, type ScenarioSpec } from './scenario-spec.js';
import { buildWorkflowGraph, expectedVisits, isTerminal, type WorkflowGraph } from './workflow-graph.js';
import { buildDistribution } from './distribution-build.js';
import { capacityWarnings } from './capacity-check.js';
import { holidayDateProblem, scenarioDate } from './holidays.js';

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
  checkCalendar(p, err);
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

/** Public holidays given as dates: each a date, and the date of day 0 to count them from. */
function checkCalendar(p: ModelParameters, err: Report): void {
  const { holidays, start_date: start } = p.calendar;
  if (start !== undefined && scenarioDate(start) === null)
    err(['calendar', 'start_date'], `"${start}" is no date of the calendar`);
  if (typeof holidays === 'number') return;
  for (const [i, text] of holidays.entries()) {
    const problem = holidayDateProblem(text);
    if (problem !== null) err(['calendar', 'holidays', i], problem);
  }
  if (holidays.length > 0 && start === undefined)
    err(
      ['calendar', 'holidays'],
      'holidays given as dates need the date of day 0',
      'set calendar.start_date, e.g. 2027-01-04, or give a count of holidays a year',
    );
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
    checkPeopleGroups(id, team, roles, err);
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

/** The roles of each group of people who hold several: declared, each listed once, and not the SMEs'. */
function checkPeopleGroups(id: string, team: ResolvedTeam, roles: readonly string[], err: Report): void {
  for (const [i, group] of team.people.entries()) {
    for (const [j, role] of group.roles.entries()) {
      const path = ['teams', id, 'people', i, 'roles', j];
      if (!roles.includes(role))
        err(
          path,
          `unknown role "${role}"`,
          role === SME_ROLE
            ? 'subject-matter experts belong to domains: set domains.<id>.sme'
            : suggestion(role, roles),
        );
      else if (group.roles.indexOf(role) !== j) err(path, `role "${role}" is listed twice in this group`);
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
