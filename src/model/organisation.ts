/**
 * The people of a scenario as engine resources: one pool per team and role, one pool of
 * subject-matter experts per domain, and the routing rule that picks a team for an
 * activity.
 */
import type { Environment } from '../engine/index.js';
import { lookup } from '../scenario/lookup.js';
import type { ModelParameters } from '../scenario/model-parameters.js';
import { eligibleTeams } from '../scenario/routing-rules.js';
import { SME_ROLE } from '../scenario/scenario-spec.js';
import { PersonPool } from './person-pool.js';

/** Where a boundary between two people lies, from the fastest handover to the slowest. */
export type Boundary = 'same_team' | 'same_home' | 'cross_home';

export class Organisation {
  /** `team/role` -> pool */
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
    for (const [team, t] of Object.entries(params.teams)) {
      this.homes.set(team, t.home);
      for (const [role, people] of Object.entries(t.headcount)) {
        if (people > 0) this.pools.set(`${team}/${role}`, new PersonPool(env, team, role, people));
      }
    }
    for (const [domain, d] of Object.entries(params.domains)) {
      if (d.sme !== undefined && d.sme.people > 0) {
        const pool = new PersonPool(env, `${domain}-sme`, SME_ROLE, d.sme.people);
        this.smePools.set(domain, pool);
        this.homes.set(pool.team, domain);
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
