/**
 * The people of one team who hold one role: a view of the team's staff through which an
 * activity asks for a person. An item can ask for the person who did its previous activity,
 * and handovers can be told apart from the same person going on.
 */
import type { SkillRequest } from '../engine/index.js';
import type { Staff } from './staff.js';

export interface Assignment {
  request: SkillRequest;
  /** The person: their unit in the team's staff. */
  person: number;
}

export class PersonPool {
  constructor(
    readonly staff: Staff,
    readonly role: string,
    /** The role's skill number in the staff's resource. */
    readonly skill: number,
  ) {}

  get team(): string {
    return this.staff.team;
  }

  /** People who hold the role now. */
  get headcount(): number {
    return this.staff.resource.holderCount(this.skill);
  }

  /** The person's id in logs: `team/label/k`. */
  personId(person: number): string {
    return this.staff.personIds[person];
  }

  /** Whether `person` of this pool's team holds the role. */
  holds(person: number): boolean {
    return this.staff.resource.holds(person, this.skill);
  }

  /**
   * Asks for a person; lower priority numbers are served first, FIFO among equals. A person
   * free now goes to the request at once: `preferred` (a unit of the team, or -1) if they hold
   * the role and are free, else the one with the fewest roles, the first listed among equals.
   */
  request(priority: number, preferred = -1): SkillRequest {
    return this.staff.resource.request(this.skill, priority, preferred);
  }

  /** Once the request is granted: who got it. */
  assigned(request: SkillRequest): Assignment {
    return { request, person: request.unit };
  }

  release(assignment: Assignment): void {
    this.staff.resource.release(assignment.request);
  }

  /** Load for routing: people who hold the role and are busy or away, plus items waiting, per person. */
  get load(): number {
    const r = this.staff.resource;
    return (r.unavailableCount(this.skill) + r.queueLength(this.skill)) / r.holderCount(this.skill);
  }
}
