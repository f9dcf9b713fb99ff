/**
 * Everyone in the organisation, the teams' people and the domains' subject-matter experts, as
 * the units of one engine skill resource. A skill is a role in a team (`team/role`): a person
 * holds the skills of their roles in their team, so that someone who holds several roles
 * takes work for any of them, one activity at a time, and a person who moves to another team
 * (see timeline.ts) takes its skills in place of their old team's. Beside the resource, what
 * the model knows of each person, by unit: their id in logs, team, group, days away and
 * experience.
 */
import { SkillResource, type Environment } from '../engine/index.js';
import type { PersonPool } from './person-pool.js';
import type { AwaySchedule } from './time-off.js';

/** The roles a person holds, and the name of the group of people who hold just these. */
export interface RoleSet {
  /** The role, or the roles joined by "+". */
  readonly label: string;
  readonly roles: readonly string[];
}

const NONE: ReadonlySet<string> = new Set();

/** When a person joins, and how they ramp up: their speed rises evenly from rampUpStart to full over rampUpDays. */
export interface Start {
  readonly now: number;
  readonly rampUpDays: number;
  readonly rampUpStart: number;
}

/** There from day 0 at full speed. */
const FULL_SPEED: Start = { now: 0, rampUpDays: 0, rampUpStart: 1 };

export class People {
  readonly resource: SkillResource;
  /** `team/role` -> its skill number */
  private readonly skills = new Map<string, number>();
  /** Each person's id in logs, by unit: `team/label/k`, the k-th person of the group in the team they joined. */
  readonly ids: string[] = [];
  /** Each person's team now, by unit. */
  readonly teams: string[] = [];
  /** Each person's roles, by unit. */
  readonly roleSets: RoleSet[] = [];
  /** Each person's number among the people of their group in the team they joined, by unit (for their own streams). */
  readonly indexInGroup: number[] = [];
  /** Each person's days away, by unit (null: never away); see time-off.ts. */
  readonly away: (AwaySchedule | null)[] = [];
  /** Each person's experience, by unit: domain -> the use cases of it they have worked on (see familiarity.ts). */
  readonly experience: Map<string, Set<number>>[] = [];
  /** Each person's domains of experience at day 0, by unit (see familiarity.ts). */
  readonly startDomains: ReadonlySet<string>[] = [];
  /**
   * Each person's slower start, by unit: a new hire's speed rises evenly from `rampStart` at
   * `rampFrom` to full speed at `rampUntil`; someone who changed team works `slowdown` times
   * the effort until `slowUntil` (see timeline.ts). Nothing before the first change.
   */
  private readonly rampFrom: number[] = [];
  private readonly rampUntil: number[] = [];
  private readonly rampStart: number[] = [];
  private readonly slowUntil: number[] = [];
  private readonly slowdown: number[] = [];
  /** When each person joined, and left (Infinity while they are here), by unit. */
  readonly joinedAt: number[] = [];
  readonly leftAt: number[] = [];
  /** The pool of each skill (a role in a team), by skill: set by the organisation (see organisation.ts). */
  readonly pools: PersonPool[] = [];
  /** People who joined each `team/label` so far (for the next one's number). */
  private readonly joined = new Map<string, number>();

  constructor(env: Environment) {
    this.resource = new SkillResource(env, { skills: 0, monitor: true, name: 'people' });
  }

  /** The skill of `role` in `team`, made on first use. */
  skill(team: string, role: string): number {
    const key = `${team}/${role}`;
    let skill = this.skills.get(key);
    if (skill === undefined) {
      skill = this.resource.addSkill();
      this.skills.set(key, skill);
    }
    return skill;
  }

  /**
   * A person of `roles` joins `team` now, free and there, with experience of `startDomains`
   * (people there at day 0); returns their unit.
   */
  join(
    team: string,
    roles: RoleSet,
    startDomains: ReadonlySet<string> = NONE,
    start: Start = FULL_SPEED,
    away: AwaySchedule | null = null,
  ): number {
    const key = `${team}/${roles.label}`;
    const k = this.joined.get(key) ?? 0;
    this.joined.set(key, k + 1);
    const skills = roles.roles.map((role) => this.skill(team, role));
    // everything known of the person first: they may take waiting work as they are added
    const unit = this.resource.unitCount;
    this.ids.push(`${team}/${roles.label}/${k}`);
    this.teams.push(team);
    this.roleSets.push(roles);
    this.indexInGroup.push(k);
    this.away.push(away);
    this.experience.push(new Map());
    this.startDomains.push(startDomains);
    this.rampFrom.push(start.now);
    this.rampUntil.push(start.now + start.rampUpDays);
    this.rampStart.push(start.rampUpStart);
    this.slowUntil.push(0);
    this.slowdown.push(1);
    this.joinedAt.push(start.now);
    this.leftAt.push(Infinity);
    if (this.resource.addUnit(skills, away === null || !away.isAwayAt(start.now)) !== unit)
      throw new Error('people and units out of step');
    return unit;
  }

  /** `person` works `factor` times the effort until `until` (a change of team). */
  slowDown(person: number, until: number, factor: number): void {
    this.slowUntil[person] = until;
    this.slowdown[person] = factor;
  }

  /** What `person`'s slower start multiplies the effort of work they start now by (1 when none). */
  speedFactor(person: number, now: number): number {
    let factor = 1;
    const until = this.rampUntil[person];
    if (now < until) {
      const from = this.rampFrom[person];
      const start = this.rampStart[person];
      factor /= start + ((1 - start) * (now - from)) / (until - from);
    }
    if (now < this.slowUntil[person]) factor *= this.slowdown[person];
    return factor;
  }

  /** The number the next person to join `team` in group `label` will have (their own streams). */
  nextIndex(team: string, label: string): number {
    return this.joined.get(`${team}/${label}`) ?? 0;
  }

  /**
   * Days `person`, starting now, takes to work `days`: `days`, plus the days they are away in
   * between (work in their hands waits for their return).
   */
  holdFor(person: number, now: number, days: number): number {
    const away = this.away[person];
    return away === null ? days : away.finish(now, days) - now;
  }
}
