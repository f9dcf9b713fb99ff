/**
 * The capacity check of a scenario (warnings, not errors): from demand, expected visits and
 * mean efforts, the expected utilisation of the people of each team by role. Where it reaches
 * 1, queues grow without bound. People who hold several roles share their time between them,
 * so a team with such people is also checked for every set of roles together: their work
 * against everyone who holds one of them (the condition for a skill-based pool to keep up).
 */
import type { ScenarioIssue } from './issues.js';
import { entry, lookup } from './lookup.js';
import { effortMultiplier, effortScale, type ModelParameters, type ResolvedDomain } from './model-parameters.js';
import { eligibleTeams } from './routing-rules.js';
import { SME_ROLE } from './scenario-spec.js';
import { absenceShare, holdersOf, personGroups } from './team-people.js';
import { holidayDays } from './holidays.js';
import { expectedMean } from './distribution-build.js';
import { DAYS_PER_MONTH } from './time-units.js';
import type { WorkflowGraph } from './workflow-graph.js';

/** Roles of one team checked together at most (2^n sets of roles). */
const MAX_ROLES_CHECKED_TOGETHER = 12;

/** Use cases per day of each type a domain asks for: its demand, and its dated items spread over the horizon. */
function arrivalsPerDay(domain: ResolvedDomain, days: number): Map<string, number> {
  const perDay = new Map<string, number>();
  for (const [type, rate] of Object.entries(domain.demand))
    perDay.set(type, (perDay.get(type) ?? 0) + rate / DAYS_PER_MONTH);
  for (const item of domain.items) perDay.set(item.type, (perDay.get(item.type) ?? 0) + 1 / days);
  return perDay;
}

/**
 * Expected utilisation per team and role from demand, expected visits and mean efforts,
 * splitting a domain's work among its eligible teams by the people who hold the role. A
 * warning where it reaches 1: queues will then grow without bound.
 */
export function capacityWarnings(
  p: ModelParameters,
  graph: WorkflowGraph,
  visitsOf: (type: string) => Map<string, number>,
): ScenarioIssue[] {
  const there = 1 - holidayShare(p);
  const load = expectedLoad(p, graph, visitsOf);
  const warnings: ScenarioIssue[] = [];
  const byTeam = new Map<string, Map<string, number>>();
  for (const [key, work] of load) {
    const [team, role] = key.split('/');
    if (!byTeam.has(team)) byTeam.set(team, new Map());
    byTeam.get(team)?.set(role, work);
    const t = entry(p.teams, team, 'team');
    // a person's time for the work: less coordination, public holidays and absence
    const available = (1 - p.management.coordination_overhead) * there * (1 - absenceShare(p, t, [role]));
    const capacity = holdersOf(t, role) * available;
    const utilization = work / capacity;
    if (utilization >= 1) {
      warnings.push({
        severity: 'warning',
        path: roleField(p, team, role),
        message: `expected utilisation of ${role} in team ${team} is ${(utilization * 100).toFixed(0)}% (demand exceeds capacity): its queue will grow without bound`,
        hint: `add people (about ${Math.ceil(work / available)} needed) or lower the demand; the estimate ignores learning, so it is an upper bound`,
      });
    }
  }
  for (const [team, roles] of byTeam) {
    const t = entry(p.teams, team, 'team');
    const available = (1 - p.management.coordination_overhead) * there * (1 - absenceShare(p, t, [...roles.keys()]));
    const shared = sharedRolesWarning(p, team, roles, available);
    if (shared !== null) warnings.push(shared);
  }
  return warnings;
}

/** The share of the run's time that public holidays take (each one working day: 7 / working_days_per_week calendar days). */
function holidayShare(p: ModelParameters): number {
  const days = holidayDays(p.calendar, p.horizon_days).length * (7 / p.calendar.working_days_per_week);
  return Math.min(1, days / p.horizon_days);
}

/** Where the people of `role` in `team` are set: its headcount entry, else the team's people. */
function roleField(p: ModelParameters, team: string, role: string): (string | number)[] {
  const t = entry(p.teams, team, 'team');
  return t.headcount[role] !== undefined || t.people.length === 0
    ? ['teams', team, 'headcount', role]
    : ['teams', team, 'people'];
}

/**
 * For a team with people who hold several roles: the smallest set of two or more roles whose
 * work together reaches the time of everyone who holds one of them, where no role alone does
 * (the single roles are warned about on their own). Null when every set keeps up.
 */
function sharedRolesWarning(
  p: ModelParameters,
  team: string,
  work: ReadonlyMap<string, number>,
  available: number,
): ScenarioIssue | null {
  const t = entry(p.teams, team, 'team');
  const groups = personGroups(t).filter((g) => g.count > 0);
  if (!groups.some((g) => g.roles.length > 1)) return null;
  const roles = [...work.keys()].slice(0, MAX_ROLES_CHECKED_TOGETHER);
  if (roles.some((r) => (work.get(r) ?? 0) >= holdersOf(t, r) * available)) return null;
  let worst: { roles: string[]; utilization: number; people: number; load: number } | null = null;
  for (let mask = 1; mask < 1 << roles.length; mask++) {
    const set = roles.filter((_, i) => (mask & (1 << i)) !== 0);
    if (set.length < 2) continue;
    const load = set.reduce((s, r) => s + (work.get(r) ?? 0), 0);
    const people = groups.reduce((s, g) => s + (g.roles.some((r) => set.includes(r)) ? g.count : 0), 0);
    const utilization = load / (people * available);
    if (utilization >= 1 && (worst === null || set.length < worst.roles.length))
      worst = { roles: set, utilization, people, load };
  }
  if (worst === null) return null;
  return {
    severity: 'warning',
    path: ['teams', team, 'people'],
    message: `the ${worst.people} ${worst.people === 1 ? 'person' : 'people'} of team ${team} who hold ${worst.roles.join(', ')} share their time: together their expected utilisation is ${(worst.utilization * 100).toFixed(0)}% (demand exceeds capacity), so their queues will grow without bound`,
    hint: `add people who hold these roles (about ${Math.ceil(worst.load / available)} needed) or lower the demand`,
  };
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
        const holders = (t: string): number => holdersOf(entry(p.teams, t, 'team'), node.spec.role);
        const people = teams.reduce((s, t) => s + holders(t), 0);
        for (const t of teams) {
          const share = holders(t) / people;
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
