/**
 * The people of a scenario as one engine resource (see people.ts), a pool per team and role
 * through which work asks for them, a pool of subject-matter experts per domain, and the
 * routing rule that picks a team for an activity.
 */
import type { Environment } from '../engine/index.js';
import { lookup } from '../scenario/lookup.js';
import type { ModelParameters } from '../scenario/model-parameters.js';
import { eligibleTeams, servedDomains } from '../scenario/routing-rules.js';
import { SME_ROLE } from '../scenario/scenario-spec.js';
import { personGroups } from '../scenario/team-people.js';
import { PersonPool } from './person-pool.js';
import { People, type RoleSet } from './people.js';

/** The roles of a domain's subject-matter experts. */
const SME_PEOPLE: RoleSet = { label: SME_ROLE, roles: [SME_ROLE] };

/** Where a boundary between two people lies, from the fastest handover to the slowest. */
export type Boundary = 'same_team' | 'same_home' | 'cross_home';

export class Organisation {
  /** Everyone: the teams' people and the domains' experts */
  readonly people: People;
  /** `team/role` -> the people of the team who hold the role */
  readonly pools = new Map<string, PersonPool>();
  /** domain -> its subject-matter experts */
  readonly smePools = new Map<string, PersonPool>();
  /** role -> domain -> the pools of the teams that may do it (filled as asked) */
  private readonly candidates = new Map<string, Map<string, readonly PersonPool[]>>();
  private readonly homes = new Map<string, string>();

  constructor(
    env: Environment,
    private readonly params: ModelParameters,
  ) {
    this.people = new People(env);
    for (const [team, t] of Object.entries(params.teams)) {
      this.homes.set(team, t.home);
      const served = new Set(servedDomains(t, Object.keys(params.domains)));
      for (const group of personGroups(t)) {
        for (let k = 0; k < group.count; k++) this.people.join(team, group, served);
      }
      for (const group of personGroups(t)) {
        for (const role of group.roles) {
          const key = `${team}/${role}`;
          if (group.count > 0 && !this.pools.has(key))
            this.pools.set(key, new PersonPool(this.people, team, role, this.people.skill(team, role)));
        }
      }
    }
    for (const [domain, d] of Object.entries(params.domains)) {
      if (d.sme !== undefined && d.sme.people > 0) {
        const team = `${domain}-sme`;
        for (let k = 0; k < d.sme.people; k++) this.people.join(team, SME_PEOPLE);
        this.smePools.set(domain, new PersonPool(this.people, team, SME_ROLE, this.people.skill(team, SME_ROLE)));
        this.homes.set(team, domain);
      }
    }
  }

  /** The pool that does `role` for a use case of `domain`: its SMEs, or the least-loaded eligible team. */
  route(role: string, domain: string): PersonPool {
    if (role === SME_ROLE) return lookup(this.smePools, domain, 'pool of subject-matter experts for domain');
    const pools = this.candidatesFor(role, domain);
    let best = pools[0];
    if (best === undefined)
      throw new Error(`no team serving ${domain} has a ${role} (the scenario check should have caught this)`);
    for (let i = 1; i < pools.length; i++) if (pools[i].load < best.load) best = pools[i]; // ties: the first listed
    return best;
  }

  /** The pools of the teams eligible for `role` in `domain`, found once (routing runs for every activity). */
  private candidatesFor(role: string, domain: string): readonly PersonPool[] {
    let byDomain = this.candidates.get(role);
    if (byDomain === undefined) {
      byDomain = new Map();
      this.candidates.set(role, byDomain);
    }
    let pools = byDomain.get(domain);
    if (pools === undefined) {
      pools = eligibleTeams(this.params, role, domain).map((team) =>
        lookup(this.pools, `${team}/${role}`, 'pool of people (team/role)'),
      );
      byDomain.set(domain, pools);
    }
    return pools;
  }

  /** The boundary crossed between two pools (teams). */
  boundary(from: PersonPool, to: PersonPool): Boundary {
    if (from.team === to.team) return 'same_team';
    return this.homes.get(from.team) === this.homes.get(to.team) ? 'same_home' : 'cross_home';
  }
}
