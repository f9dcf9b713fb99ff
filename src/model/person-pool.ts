/**
 * The people of one role in one team: an engine resource whose units are named people, so
 * that an item can ask for the person who did its previous activity and handovers can be
 * told apart from the same person going on.
 */
import { Resource, type Environment, type Request } from '../engine/index.js';

export interface Assignment {
  request: Request;
  /** Index of the person within the pool. */
  person: number;
}

export class PersonPool {
  readonly resource: Resource;
  private readonly free: boolean[];

  constructor(
    env: Environment,
    readonly team: string,
    readonly role: string,
    readonly headcount: number,
  ) {
    this.resource = new Resource(env, {
      capacity: headcount,
      discipline: 'priority',
      monitor: true,
      name: `${team}/${role}`,
    });
    this.free = Array.from({ length: headcount }, () => true);
  }

  /** `team/role/index`, the person's id in logs. */
  personId(person: number): string {
    return `${this.team}/${this.role}/${person}`;
  }

  /** Ask for a person; lower priority numbers are served first, FIFO among equals. */
  request(priority: number): Request {
    return this.resource.request({ priority });
  }

  /**
   * Once the request is granted: takes the preferred person if free, else the first free
   * one (a deterministic choice).
   */
  assign(request: Request, preferred: number | null): Assignment {
    const person = preferred !== null && this.free[preferred] ? preferred : this.free.indexOf(true);
    if (person < 0) throw new Error(`no free person in ${this.team}/${this.role} although a unit was granted`);
    this.free[person] = false;
    return { request, person };
  }

  release(assignment: Assignment): void {
    this.free[assignment.person] = true;
    this.resource.release(assignment.request);
  }

  /** Load for routing: people busy plus items waiting, per person. */
  get load(): number {
    return (this.resource.inUse + this.resource.queueLength) / this.headcount;
  }
}
