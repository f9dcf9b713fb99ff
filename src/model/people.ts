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
import type { AwaySchedule } from './time-off.js';

/** The roles a person holds, and the name of the group of people who hold just these. */
export interface RoleSet {
  /** The role, or the roles joined by "+". */
  readonly label: string;
  readonly roles: readonly string[];
}

const NONE: ReadonlySet<string> = new Set();

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
  join(team: string, roles: RoleSet, startDomains: ReadonlySet<string> = NONE): number {
    const key = `${team}/${roles.label}`;
    const k = this.joined.get(key) ?? 0;
    this.joined.set(key, k + 1);
    const unit = this.resource.addUnit(roles.roles.map((role) => this.skill(team, role)));
    this.ids.push(`${team}/${roles.label}/${k}`);
    this.teams.push(team);
    this.roleSets.push(roles);
    this.indexInGroup.push(k);
    this.away.push(null);
    this.experience.push(new Map());
    this.startDomains.push(startDomains);
    return unit;
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
