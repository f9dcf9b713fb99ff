/**
 * Checks what the schema cannot: references between parts of the scenario, probabilities
 * that sum to 1, a workflow where every activity is reachable and every path can end,
 * roles covered for every domain, and (as warnings) roles whose expected load reaches
 * their capacity. Runs on a structurally valid scenario.
 */
import { suggestion } from './closest.js';
import type { ScenarioIssue } from './issues.js';
import { eligibleTeams } from './routing-rules.js';
import { CENTRE, SME_ROLE, type ScenarioSpec } from './scenario-spec.js';
import { buildWorkflowGraph, expectedVisits, isTerminal, type WorkflowGraph } from './workflow-graph.js';
import { buildDistribution, expectedMean } from './distribution-build.js';
import { DAYS_PER_MONTH } from './time-units.js';
import type { DistributionSpec } from './distribution-spec.js';

const SUM_TOLERANCE = 1e-9;

export function checkSemantics(spec: ScenarioSpec): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const err = (path: (string | number)[], message: string, hint?: string): void => {
    issues.push({ severity: 'error', path, message, ...(hint ? { hint } : {}) });
  };
  const roles = Object.keys(spec.roles);
  const domains = Object.keys(spec.domains);
  const types = Object.keys(spec.use_case_types);
  const loops = Object.keys(spec.workflow.loops);
  const gates = Object.keys(spec.management?.gates ?? {});

  const warmup = spec.warmup_days ?? 0;
  if (!(spec.horizon_days > warmup))
    err(
      ['horizon_days'],
      `the horizon (${spec.horizon_days} days) must be longer than the warm-up (${warmup} days)`,
      'lengthen horizon_days or shorten warmup_days',
    );
  if (spec.roles[SME_ROLE] !== undefined)
    err(
      ['roles', SME_ROLE],
      `"${SME_ROLE}" is built in (each domain's subject-matter experts) and cannot be declared`,
      'remove it from roles; set domains.<id>.sme instead',
    );
  if (domains.length === 0) err(['domains'], 'a scenario needs at least one domain');
  if (loops.length === 0) err(['workflow', 'loops'], 'the workflow needs at least one loop');

  // domains: demand and dated items refer to known types
  for (const [d, domain] of Object.entries(spec.domains)) {
    for (const type of Object.keys(domain.demand ?? {})) {
      if (!types.includes(type))
        err(['domains', d, 'demand', type], `unknown use-case type "${type}"`, suggestion(type, types));
    }
    (domain.items ?? []).forEach((item, i) => {
      if (!types.includes(item.type))
        err(['domains', d, 'items', i, 'type'], `unknown use-case type "${item.type}"`, suggestion(item.type, types));
    });
  }
  // use-case types: loops they skip and scale
  for (const [t, type] of Object.entries(spec.use_case_types)) {
    (type.skip_loops ?? []).forEach((loop, i) => {
      if (!loops.includes(loop))
        err(['use_case_types', t, 'skip_loops', i], `unknown loop "${loop}"`, suggestion(loop, loops));
    });
    if (typeof type.effort_scale === 'object') {
      for (const loop of Object.keys(type.effort_scale)) {
        if (!loops.includes(loop))
          err(['use_case_types', t, 'effort_scale', loop], `unknown loop "${loop}"`, suggestion(loop, loops));
      }
    }
  }
  // teams
  for (const [id, team] of Object.entries(spec.teams)) {
    if (team.home !== CENTRE && !domains.includes(team.home))
      err(
        ['teams', id, 'home'],
        `unknown home "${team.home}"`,
        `use "${CENTRE}" or a domain; ${suggestion(team.home, [CENTRE, ...domains])}`,
      );
    if (Array.isArray(team.serves)) {
      team.serves.forEach((d, i) => {
        if (!domains.includes(d)) err(['teams', id, 'serves', i], `unknown domain "${d}"`, suggestion(d, domains));
      });
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
    for (const role of Object.keys(team.cost_per_year ?? {})) {
      if (!roles.includes(role))
        err(['teams', id, 'cost_per_year', role], `unknown role "${role}"`, suggestion(role, roles));
    }
    for (const key of Object.keys(team.effort_multiplier ?? {})) {
      if (!loops.includes(key) && key !== 'maintenance')
        err(
          ['teams', id, 'effort_multiplier', key],
          `unknown loop "${key}"`,
          suggestion(key, [...loops, 'maintenance']),
        );
    }
  }

  // every distribution builds (parameters in range, e.g. p90 above the median)
  for (const [path, dist] of distributionsOf(spec)) {
    try {
      buildDistribution(dist);
    } catch (e) {
      err(path, (e as Error).message);
    }
  }

  // workflow
  const { graph, issues: graphIssues } = buildWorkflowGraph(spec.workflow);
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
    const sum = Object.values(node.spec.next).reduce((s, p) => s + p, 0);
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

  // gates, roles covered, SMEs, maintenance
  const visits = visitsPerType(spec, graph);
  if (issues.every((i) => i.severity !== 'error')) checkCoverage(spec, graph, visits, err);
  for (const [g, gate] of Object.entries(spec.management?.gates ?? {})) {
    if (gate.approval_probability === 0)
      err(
        ['management', 'gates', g, 'approval_probability'],
        'a gate that never approves can never be passed',
        'use a probability above 0',
      );
  }
  if (spec.maintenance !== undefined && !roles.includes(spec.maintenance.role) && spec.maintenance.role !== SME_ROLE) {
    err(['maintenance', 'role'], `unknown role "${spec.maintenance.role}"`, suggestion(spec.maintenance.role, roles));
  }
  if (issues.every((i) => i.severity !== 'error')) issues.push(...capacityWarnings(spec, graph, visits));
  return issues;
}

function checkReachability(
  graph: WorkflowGraph,
  err: (path: (string | number)[], message: string, hint?: string) => void,
): void {
  const reachable = new Set<string>();
  const stack = [graph.start];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (reachable.has(id) || isTerminal(id)) continue;
    reachable.add(id);
    for (const t of graph.nodes.get(id)?.transitions ?? []) if (t.probability > 0) stack.push(t.target);
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
function visitsPerType(spec: ScenarioSpec, graph: WorkflowGraph): (type: string) => Map<string, number> {
  const cache = new Map<string, Map<string, number>>();
  return (type) => {
    let visits = cache.get(type);
    if (visits === undefined) {
      visits = expectedVisits(graph, new Set(spec.use_case_types[type]?.skip_loops ?? []));
      cache.set(type, visits);
    }
    return visits;
  };
}

function checkCoverage(
  spec: ScenarioSpec,
  graph: WorkflowGraph,
  visitsOf: (type: string) => Map<string, number>,
  err: (path: (string | number)[], message: string, hint?: string) => void,
): void {
  const clarifies = Object.values(spec.handovers?.clarification?.probability ?? {}).some((p) => p > 0);
  for (const [d, domain] of Object.entries(spec.domains)) {
    const demanded = new Set([
      ...Object.entries(domain.demand ?? {})
        .filter(([, r]) => r > 0)
        .map(([t]) => t),
      ...(domain.items ?? []).map((i) => i.type),
    ]);
    // models already in production need a maintainer even in a domain that asks for nothing new
    const maintained = spec.maintenance !== undefined && (demanded.size > 0 || (domain.models_in_production ?? 0) > 0);
    const maintainer = spec.maintenance?.role ?? '';
    if (maintained && maintainer === SME_ROLE && !((domain.sme?.people ?? 0) > 0)) {
      err(
        ['maintenance', 'role'],
        `maintenance needs the domain's subject-matter experts, but domain ${d} has none`,
        `set domains.${d}.sme`,
      );
    } else if (maintained && maintainer !== SME_ROLE && eligibleTeams(spec, maintainer, d).length === 0) {
      err(
        ['maintenance', 'role'],
        `maintenance needs a ${maintainer}, but no team that serves domain ${d} has one`,
        `add ${maintainer} to a team serving ${d}`,
      );
    }
    if (demanded.size === 0) continue;
    const hasSme = (domain.sme?.people ?? 0) > 0;
    if (clarifies && !hasSme)
      err(
        ['domains', d, 'sme'],
        `domain ${d} has no subject-matter experts, but handovers can need a clarification round with one`,
        'set sme: { people, availability } for the domain',
      );
    for (const type of demanded) {
      const visits = visitsOf(type);
      for (const [id, v] of visits) {
        if (!(v > 0)) continue;
        const node = graph.nodes.get(id)!;
        const role = node.spec.role;
        if (role === SME_ROLE) {
          if (!hasSme)
            err(
              ['workflow', 'loops', node.loop, 'activities', node.activity, 'role'],
              `activity ${id} needs the domain's subject-matter experts, but domain ${d} has none`,
              `set domains.${d}.sme`,
            );
          continue;
        }
        if (eligibleTeams(spec, role, d).length === 0) {
          err(
            ['workflow', 'loops', node.loop, 'activities', node.activity, 'role'],
            `activity ${id} needs a ${role}, but no team that serves domain ${d} has one`,
            `add ${role} to a team whose home is ${d} or that serves ${d}`,
          );
        }
      }
    }
  }
}

/**
 * Expected utilisation per team and role from demand, expected visits and mean efforts,
 * splitting a domain's work evenly among its eligible teams' people. A warning where it
 * reaches 1: queues will then grow without bound.
 */
function capacityWarnings(
  spec: ScenarioSpec,
  graph: WorkflowGraph,
  visitsOf: (type: string) => Map<string, number>,
): ScenarioIssue[] {
  const calendarFactor = 7 / (spec.calendar?.working_days_per_week ?? 5);
  const available = 1 - (spec.management?.coordination_overhead ?? 0);
  const load = new Map<string, number>(); // team/role -> calendar days of work per day
  const days = spec.horizon_days;
  for (const [d, domain] of Object.entries(spec.domains)) {
    const perDay = new Map<string, number>();
    for (const [type, rate] of Object.entries(domain.demand ?? {}))
      perDay.set(type, (perDay.get(type) ?? 0) + rate / DAYS_PER_MONTH);
    for (const item of domain.items ?? []) perDay.set(item.type, (perDay.get(item.type) ?? 0) + 1 / days);
    for (const [type, rate] of perDay) {
      const typeSpec = spec.use_case_types[type];
      const visits = visitsOf(type);
      for (const [id, v] of visits) {
        const node = graph.nodes.get(id)!;
        if (node.spec.role === SME_ROLE || !(v > 0)) continue;
        const scale =
          typeof typeSpec.effort_scale === 'number' ? typeSpec.effort_scale : (typeSpec.effort_scale?.[node.loop] ?? 1);
        const teams = eligibleTeams(spec, node.spec.role, d);
        const people = teams.reduce((s, t) => s + (spec.teams[t].headcount[node.spec.role] ?? 0), 0);
        for (const t of teams) {
          const share = (spec.teams[t].headcount[node.spec.role] ?? 0) / people;
          const multiplier = spec.teams[t].effort_multiplier?.[node.loop] ?? 1;
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
  const warnings: ScenarioIssue[] = [];
  for (const [key, work] of load) {
    const [team, role] = key.split('/');
    const capacity = (spec.teams[team].headcount[role] ?? 0) * available;
    const utilisation = work / capacity;
    if (utilisation >= 1) {
      warnings.push({
        severity: 'warning',
        path: ['teams', team, 'headcount', role],
        message: `expected utilisation of ${role} in team ${team} is ${(utilisation * 100).toFixed(0)}% (demand exceeds capacity): its queue will grow without bound`,
        hint: `add people (about ${Math.ceil(work / available)} needed) or lower the demand; the estimate ignores learning, so it is an upper bound`,
      });
    }
  }
  return warnings;
}

/** Every distribution in the scenario with its field path. */
function distributionsOf(spec: ScenarioSpec): [(string | number)[], DistributionSpec][] {
  const out: [(string | number)[], DistributionSpec][] = [];
  for (const [loop, l] of Object.entries(spec.workflow.loops)) {
    for (const [activity, a] of Object.entries(l.activities))
      out.push([['workflow', 'loops', loop, 'activities', activity, 'effort'], a.effort]);
  }
  const h = spec.handovers;
  if (h) {
    for (const [boundary, d] of Object.entries(h.delay)) out.push([['handovers', 'delay', boundary], d]);
    if (h.clarification) out.push([['handovers', 'clarification', 'sme_effort'], h.clarification.sme_effort]);
  }
  if (spec.maintenance) out.push([['maintenance', 'effort'], spec.maintenance.effort]);
  if (spec.maintenance?.lifetime_days !== undefined)
    out.push([['maintenance', 'lifetime_days'], spec.maintenance.lifetime_days]);
  return out;
}
