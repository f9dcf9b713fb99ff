/**
 * The people of one team (or of one domain's subject-matter experts) as one engine skill
 * resource: each person a unit holding the skills of their roles, so that a person who holds
 * several roles takes work for any of them, one activity at a time.
 */
import { SkillResource, type Environment } from '../engine/index.js';
import type { PersonGroup } from '../scenario/team-people.js';
import type { AwaySchedule } from './time-off.js';

export class Staff {
  readonly resource: SkillResource;
  /** role -> its skill number in the resource */
  readonly skills = new Map<string, number>();
  /** Each person's id in logs, by unit: `team/label/k`, the k-th person of the group with that label. */
  readonly personIds: string[] = [];
  /** Each person's group (its index in `groups`), by unit. */
  readonly groupOf: number[] = [];
  /** Each person's days away, by unit (null: never away); see time-off.ts. */
  readonly away: (AwaySchedule | null)[] = [];

  constructor(
    env: Environment,
    readonly team: string,
    /** The team's groups of people (empty ones included: they add no one). */
    readonly groups: readonly PersonGroup[],
  ) {
    for (const g of groups)
      for (const role of g.roles) if (!this.skills.has(role)) this.skills.set(role, this.skills.size);
    this.resource = new SkillResource(env, { skills: Math.max(1, this.skills.size), monitor: true, name: team });
    for (const [i, g] of groups.entries()) {
      const skills = g.roles.map((role) => this.skills.get(role) as number);
      for (let k = 0; k < g.count; k++) {
        this.resource.addUnit(skills);
        this.personIds.push(`${team}/${g.label}/${k}`);
        this.groupOf.push(i);
        this.away.push(null);
      }
    }
  }

  /**
   * Days `person`, starting now, takes to work `days`: `days`, plus the days they are away in
   * between (work in their hands waits for their return).
   */
  holdFor(person: number, now: number, days: number): number {
    const away = this.away[person];
    return away === null ? days : away.finish(now, days) - now;
  }

  /** The skill number of `role`, or -1 when no one here holds it. */
  skillOf(role: string): number {
    return this.skills.get(role) ?? -1;
  }
}
