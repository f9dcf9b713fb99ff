/**
 * The people of one team who hold one role: a view of the organisation's people through which
 * an activity asks for a person. An item can ask for the person who did its previous activity,
 * and handovers can be told apart from the same person going on.
 */
import type { SkillRequest } from '../engine/index.js';
import type { People } from './people.js';

export interface Assignment {
  request: SkillRequest;
  /** The person: their unit among the organisation's people. */
  person: number;
  /** The pool that served the request: the one asked, or where a reorganisation moved it. */
  pool: PersonPool;
}

export class PersonPool {
  constructor(
    readonly people: People,
    readonly team: string,
    readonly role: string,
    /** The skill of this role in this team. */
    readonly skill: number,
  ) {}

  /** People who hold the role in the team now. */
  get headcount(): number {
    return this.people.resource.holderCount(this.skill);
  }

  /** The person's id in logs: `team/label/k`. */
  personId(person: number): string {
    return this.people.ids[person];
  }

  /** Whether `person` holds this role in this team. */
  holds(person: number): boolean {
    return this.people.resource.holds(person, this.skill);
  }

  /**
   * Asks for a person for work of `domain`; lower priority numbers are served first, FIFO
   * among equals. A person free now goes to the request at once: `preferred` (a unit, or -1)
   * if they hold the role in the team and are free, else the one with the fewest roles, the
   * first listed among equals.
   */
  request(priority: number, preferred: number, domain: string): SkillRequest {
    return this.people.resource.request(this.skill, priority, preferred, domain);
  }

  /** Once the request is granted: who got it, in which pool (a reorganisation may have moved it). */
  assigned(request: SkillRequest): Assignment {
    return { request, person: request.unit, pool: this.people.pools[request.skill] };
  }

  release(assignment: Assignment): void {
    this.people.resource.release(assignment.request);
  }

  /**
   * Load for routing: people who hold the role and are busy or away, plus items waiting, per
   * person (Infinity while nobody holds it: a team whose people are still to arrive).
   */
  get load(): number {
    const r = this.people.resource;
    const holders = r.holderCount(this.skill);
    return holders === 0 ? Infinity : (r.unavailableCount(this.skill) + r.queueLength(this.skill)) / holders;
  }
}
