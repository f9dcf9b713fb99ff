/**
 * Which teams may do an activity for a use case of a domain. The rule (the operating
 * model's): the domain's own teams if one of them has the role; otherwise any team that
 * serves the domain and has the role. An empty answer makes the scenario invalid.
 */
import type { ResolvedScenario, ResolvedTeam } from './model-parameters.js';
import { CENTRE } from './scenario-spec.js';
import { holdersOf } from './team-people.js';

/** The domains a team serves: its `serves` list, "all", or by default its home (the centre: all). */
export function servedDomains(team: ResolvedTeam, allDomains: readonly string[]): string[] {
  if (team.serves === 'all') return [...allDomains];
  if (Array.isArray(team.serves)) return [...team.serves];
  return team.home === CENTRE ? [...allDomains] : [team.home];
}

/** Team ids eligible for `role` on a use case of `domain`, most preferred first. */
export function eligibleTeams(
  spec: Pick<ResolvedScenario, 'domains' | 'teams'>,
  role: string,
  domain: string,
): string[] {
  const domains = Object.keys(spec.domains);
  // a role nobody in the team holds: no one
  const holds = (team: ResolvedTeam): boolean => holdersOf(team, role) > 0;
  const own = Object.entries(spec.teams)
    .filter(([, t]) => t.home === domain && holds(t))
    .map(([id]) => id);
  if (own.length > 0) return own;
  return Object.entries(spec.teams)
    .filter(([, t]) => holds(t) && servedDomains(t, domains).includes(domain))
    .map(([id]) => id);
}
