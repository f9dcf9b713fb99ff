/**
 * The people of a team, whichever way the scenario lists them: `headcount` (one role each)
 * and `people` (groups who each hold several roles). Routing, costs, the capacity check, the
 * model and the report all read a team's people through these functions.
 */
import { entry } from './lookup.js';
import type { ResolvedScenario, ResolvedTeam } from './model-parameters.js';

/** People of one team who hold the same roles. */
export interface PersonGroup {
  /** Its name in ids and tables: the role, or the roles in alphabetical order joined by "+". */
  readonly label: string;
  readonly roles: readonly string[];
  readonly count: number;
  /** Where its count is set in the scenario, e.g. ['headcount', 'ml_engineer'] or ['people', 0, 'count']. */
  readonly field: readonly (string | number)[];
  /** Its own cost per person per year, if the scenario gives one. */
  readonly costPerYear?: number;
}

/** The team's groups: one per headcount entry, then its `people` groups, in the file's order (empty groups too). */
export function personGroups(team: ResolvedTeam): PersonGroup[] {
  const single = Object.entries(team.headcount).map(([role, count]) => ({
    label: role,
    roles: [role],
    count,
    field: ['headcount', role],
  }));
  const shared = team.people.map((g, i) => ({
    // the same roles in any order are one group
    label: [...g.roles].sort().join('+'),
    roles: g.roles,
    count: g.count,
    field: ['people', i, 'count'],
    ...(g.cost_per_year === undefined ? {} : { costPerYear: g.cost_per_year }),
  }));
  return [...single, ...shared];
}

/** People of the team who hold `role` (alone or among others). */
export function holdersOf(team: ResolvedTeam, role: string): number {
  let people = team.headcount[role] ?? 0;
  for (const g of team.people) if (g.roles.includes(role)) people += g.count;
  return people;
}

/** Every person of the team, each counted once. */
export function teamSize(team: ResolvedTeam): number {
  return personGroups(team).reduce((sum, g) => sum + g.count, 0);
}

/** The roles some person of the team holds. */
export function rolesHeld(team: ResolvedTeam): string[] {
  const roles = new Set<string>();
  for (const g of personGroups(team)) if (g.count > 0) for (const r of g.roles) roles.add(r);
  return [...roles];
}

/**
 * The cost of one person of `group` per year: the group's own figure, else the highest of its
 * roles' costs in this team (the team's figure for a role, else the role's).
 */
export function groupCost(parameters: ResolvedScenario, team: ResolvedTeam, group: PersonGroup): number {
  if (group.costPerYear !== undefined) return group.costPerYear;
  return Math.max(
    ...group.roles.map((role) => team.cost_per_year[role] ?? entry(parameters.roles, role, 'role').cost_per_year),
  );
}

/**
 * The share of working time a person who holds `roles` is away (vacation, sickness): the
 * team's `absence` if it gives one, else the highest of their roles'.
 */
export function absenceShare(parameters: ResolvedScenario, team: ResolvedTeam, roles: readonly string[]): number {
  if (team.absence !== undefined) return team.absence;
  return Math.max(...roles.map((role) => entry(parameters.roles, role, 'role').absence));
}

/** What every team's people cost a year (the domains' experts belong to the business: not counted). */
export function peopleCostPerYear(parameters: ResolvedScenario): number {
  let cost = 0;
  for (const team of Object.values(parameters.teams))
    for (const group of personGroups(team)) cost += group.count * groupCost(parameters, team, group);
  return cost;
}
