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
import { People, type RoleSet, type Start } from './people.js';
import type { AwaySchedule } from './time-off.js';

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
  /** Whether the timeline has changed the organisation (routing may then have to be done again). */
  private changed = false;

  constructor(
    env: Environment,
    private params: ModelParameters,
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
          if (group.count > 0 && !this.pools.has(key)) this.pools.set(key, this.newPool(team, role));
        }
      }
    }
    for (const [domain, d] of Object.entries(params.domains)) {
      if (d.sme !== undefined && d.sme.people > 0) {
        const team = `${domain}-sme`;
        for (let k = 0; k < d.sme.people; k++) this.people.join(team, SME_PEOPLE);
        this.smePools.set(domain, this.newPool(team, SME_ROLE));
        this.homes.set(team, domain);
      }
    }
  }

  /** The pool of `role` in `team` (its skill made on first use), known to the people by its skill. */
  private newPool(team: string, role: string): PersonPool {
    const skill = this.people.skill(team, role);
    const pool = new PersonPool(this.people, team, role, skill);
    this.people.pools[skill] = pool;
    return pool;
  }

  /** From now on, routing follows `params` (a change of the timeline): its teams' homes and who serves what. */
  setParameters(params: ModelParameters): void {
    this.params = params;
    this.changed = true;
    for (const [team, t] of Object.entries(params.teams)) {
      this.homes.set(team, t.home);
      // every pool routing may pick, before anyone moves (a person who comes free may route work at once)
      for (const group of personGroups(t)) if (group.count > 0) this.ensurePools(team, group);
    }
    this.candidates.clear();
  }

  /** The teams' people now (not the domains' experts), by `team/group label`, in order of joining (people leaving not counted). */
  teamPeople(): Map<string, number[]> {
    const { people } = this;
    const byGroup = new Map<string, number[]>();
    for (let unit = 0; unit < people.ids.length; unit++) {
      const team = people.teams[unit];
      if (people.leftAt[unit] !== Infinity || people.roleSets[unit] === SME_PEOPLE) continue;
      const key = `${team}/${people.roleSets[unit].label}`;
      const units = byGroup.get(key);
      if (units === undefined) byGroup.set(key, [unit]);
      else units.push(unit);
    }
    return byGroup;
  }

  /** A new person of `roles` joins `team` now, starting as `start` says, away on `away` (with no experience of any domain); returns their unit. */
  hire(team: string, roles: RoleSet, start: Start, away: AwaySchedule | null): number {
    this.ensurePools(team, roles);
    return this.people.join(team, roles, undefined, start, away);
  }

  /** `unit` moves to `team`: at once if free, else once their work in hand is done. */
  moveTo(unit: number, team: string): void {
    const roles = this.people.roleSets[unit];
    this.ensurePools(team, roles);
    this.people.teams[unit] = team;
    this.people.resource.setSkills(
      unit,
      roles.roles.map((role) => this.people.skill(team, role)),
    );
  }

  /** `unit` leaves the organisation: at once if free, else once their work in hand is done. */
  letGo(unit: number): void {
    this.people.leftAt[unit] = this.people.resource.env.now;
    this.people.resource.retire(unit);
  }

  /**
   * Work waiting for a pool that no longer does its role for its domain (its team gone, or no
   * longer serving it) goes to the pool that does now, keeping its place among equal priorities.
   */
  rerouteWaiting(): void {
    const { resource } = this.people;
    for (const pool of this.pools.values()) {
      for (const request of resource.waitingFor(pool.skill)) {
        const domain = request.tag;
        if (this.candidatesFor(pool.role, domain).includes(pool)) continue;
        resource.requeue(request, this.route(pool.role, domain).skill);
      }
    }
  }

  /** The pools of `roles` in `team`, made where they are new. */
  private ensurePools(team: string, roles: RoleSet): void {
    for (const role of roles.roles) {
      const key = `${team}/${role}`;
      if (!this.pools.has(key)) this.pools.set(key, this.newPool(team, role));
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

  /**
   * `pool` if it still does its role for `domain`, else the pool that does now (its team gone or
   * no longer serving the domain after a change of the timeline): where work goes that was
   * routed before a change (a handover under way, a gate's rework, a colleague after a
   * clarification).
   */
  stillThere(pool: PersonPool, domain: string): PersonPool {
    if (!this.changed || pool.role === SME_ROLE) return pool;
    return this.candidatesFor(pool.role, domain).includes(pool) ? pool : this.route(pool.role, domain);
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
