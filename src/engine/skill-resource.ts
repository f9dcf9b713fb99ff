import { BinaryHeap } from './binary-heap.js';
import { InvalidArgumentError, SimulationError } from './errors.js';
import { Event } from './event.js';
import type { Environment } from './environment.js';
import { TimeWeighted } from './monitor.js';

const WAITING = 0;
const HOLDING = 1;
const RELEASED = 2;

/**
 * A request for one unit that holds a skill; an event that succeeds (with itself) when a unit
 * is granted, whose number is then {@link unit}. A request granted on the spot is already
 * processed, so yielding it does not give up the turn.
 */
export class SkillRequest extends Event<SkillRequest> {
  /** @internal 0 waiting, 1 holding, 2 released or withdrawn */
  _status = WAITING;
  /** The unit granted; -1 while waiting. */
  unit = -1;
  /** The skill asked for (changed by {@link SkillResource.requeue} while waiting). */
  skill: number;

  constructor(
    env: Environment,
    readonly resource: SkillResource,
    skill: number,
    /** Lower numbers are served first. */
    readonly priority: number,
    /** @internal order of arrival at the resource, for FIFO among equal priorities */
    readonly _sequence: number,
    /** What the caller attached to find the request again (see SkillResource.waitingFor); '' if nothing. */
    readonly tag: string,
  ) {
    super(env);
    this.skill = skill;
  }

  /** Whether a unit is held by this request now. */
  get isHolding(): boolean {
    return this._status === HOLDING;
  }
}

function moreUrgent(a: SkillRequest, b: SkillRequest): boolean {
  return a.priority < b.priority || (a.priority === b.priority && a._sequence < b._sequence);
}

/** Options of a {@link SkillResource}. */
export interface SkillResourceOptions {
  /** How many skills there are to start with (more can be added); skills are numbered from 0. */
  skills: number;
  /** A name for messages and reports. */
  name?: string;
  /** Keep time-weighted statistics per skill: units busy on it, and requests waiting for it. Default false. */
  monitor?: boolean;
}

/**
 * Units (people, machines) that each hold one or more skills; a request asks for a skill and
 * is served by a unit that holds it (skill-based routing). A unit serves one request at a
 * time. Requests wait in one queue per skill, lowest priority number first and first come,
 * first served among equals, across skills: a unit that comes free takes the most urgent
 * request waiting for any of its skills, the earliest among equals. A request made while
 * several units could serve it goes to the preferred unit if that one is among them, else to
 * the one with the fewest skills (keeping the versatile ones free), the first added among
 * equals. With one skill per unit this is a priority {@link Resource}.
 *
 * Units can be added, retired (once they are free) and taken away for a while
 * ({@link setAvailable}): an absent unit is granted nothing; a unit that goes away while
 * holding keeps its request until it is released, and is not counted busy while away.
 *
 * A unit given back goes to the next waiting request at once, and a process waiting for that
 * request alone resumes inside {@link release}, before the caller goes on (as with Resource).
 */
export class SkillResource {
  readonly name: string;
  private readonly skillsOf: (readonly number[])[] = [];
  /** unit -> the request it serves now, or null when free */
  private readonly holding: (SkillRequest | null)[] = [];
  private readonly present: boolean[] = [];
  private readonly retiring: boolean[] = [];
  private readonly retired: boolean[] = [];
  /** Per unit: when it was retired (Infinity while it is not). */
  private readonly retiredTime: number[] = [];
  /** skill -> units that hold it, fewest skills first, then in order of adding */
  private readonly holders: number[][];
  /** skill -> units that hold it and are free and present now */
  private readonly idle: number[];
  private readonly queues: BinaryHeap<SkillRequest>[];
  /** skill -> units busy on a request for it now */
  private readonly busy: number[];
  /** skill -> time-integral of busy up to busyChanged (never reset), and when busy last changed */
  private readonly busyArea: number[];
  private readonly busyChanged: number[];
  private sequence = 0;
  /** Units busy on each skill over time (when monitored). */
  private readonly busyMonitors: TimeWeighted[] | null;
  /** Requests waiting for each skill over time (when monitored). */
  private readonly queueMonitors: TimeWeighted[] | null;
  /** Per unit: the skills it takes once its request is released (see setSkills), or null. */
  private readonly pendingSkills: (readonly number[] | null)[] = [];
  /** Per unit: time busy in the window by skill, and away in the window, and since when; time away in all. */
  private readonly busyTime: number[][] = [];
  /** Per unit: busy time in the window on skills it held before a setSkills, by skill (null until one). */
  private readonly formerBusyTime: (Map<number, number> | null)[] = [];
  private readonly totalAway: number[] = [];
  private readonly awayTime: number[] = [];
  private readonly busySince: number[] = [];
  private readonly awaySince: number[] = [];
  private windowStart: number;
  private readonly monitored: boolean;

  constructor(
    readonly env: Environment,
    options: SkillResourceOptions,
  ) {
    const { skills } = options;
    if (!Number.isInteger(skills) || skills < 0)
      throw new InvalidArgumentError(`skills must be a whole number >= 0, got ${skills}`);
    this.name = options.name ?? 'skill resource';
    this.holders = Array.from({ length: skills }, () => []);
    this.idle = new Array<number>(skills).fill(0);
    this.busy = new Array<number>(skills).fill(0);
    this.busyArea = new Array<number>(skills).fill(0);
    this.busyChanged = new Array<number>(skills).fill(env.now);
    this.queues = Array.from({ length: skills }, () => new BinaryHeap<SkillRequest>(moreUrgent));
    this.busyMonitors = options.monitor ? Array.from({ length: skills }, () => new TimeWeighted(env, 0)) : null;
    this.queueMonitors = options.monitor ? Array.from({ length: skills }, () => new TimeWeighted(env, 0)) : null;
    this.monitored = options.monitor ?? false;
    this.windowStart = env.now;
  }

  /** Number of skills. */
  get skillCount(): number {
    return this.holders.length;
  }

  /** Adds a skill no unit holds yet; returns its number. */
  addSkill(): number {
    this.holders.push([]);
    this.idle.push(0);
    this.busy.push(0);
    this.busyArea.push(0);
    this.busyChanged.push(this.env.now);
    this.queues.push(new BinaryHeap<SkillRequest>(moreUrgent));
    if (this.monitored) {
      (this.busyMonitors as TimeWeighted[]).push(new TimeWeighted(this.env, 0));
      (this.queueMonitors as TimeWeighted[]).push(new TimeWeighted(this.env, 0));
    }
    return this.holders.length - 1;
  }

  /** Number of units ever added (retired ones included: unit numbers are never reused). */
  get unitCount(): number {
    return this.skillsOf.length;
  }

  /**
   * Adds a free unit with `skills` (at least one, no repeats), present unless `available` is
   * false (it then starts away: see setAvailable); returns its number. A present one serves
   * waiting requests at once.
   */
  addUnit(skills: readonly number[], available = true): number {
    this.checkSkills(skills);
    const unit = this.skillsOf.length;
    this.skillsOf.push([]);
    this.holding.push(null);
    this.present.push(true);
    this.retiring.push(false);
    this.retired.push(false);
    this.retiredTime.push(Infinity);
    this.pendingSkills.push(null);
    this.busyTime.push([]);
    this.formerBusyTime.push(null);
    this.awayTime.push(0);
    this.totalAway.push(0);
    this.busySince.push(0);
    this.awaySince.push(this.env.now);
    this.takeSkills(unit, skills);
    if (!available) {
      this.present[unit] = false;
      return unit;
    }
    this.becameIdle(unit);
    return unit;
  }

  /** The skills of `unit`. */
  skillsOfUnit(unit: number): readonly number[] {
    this.checkUnit(unit);
    return this.skillsOf[unit];
  }

  /** Whether `unit` holds `skill` (and is not retired). */
  holds(unit: number, skill: number): boolean {
    return unit >= 0 && unit < this.skillsOf.length && !this.retired[unit] && this.skillsOf[unit].includes(skill);
  }

  /** Units that hold `skill` (retired ones not counted; away ones counted). */
  holderCount(skill: number): number {
    return this.holders[skill].length;
  }

  /** The units that hold `skill` (retired ones not), fewest skills first, then in order of adding. */
  unitsHolding(skill: number): readonly number[] {
    this.checkSkill(skill);
    return this.holders[skill];
  }

  /** Units that hold `skill` and cannot take a request for it now: busy (on any skill) or away. */
  unavailableCount(skill: number): number {
    return this.holders[skill].length - this.idle[skill];
  }

  /** Requests waiting for `skill`. */
  queueLength(skill: number): number {
    return this.queues[skill].length;
  }

  /** Units busy on a request for `skill` now (a unit away with a request in hand is not counted). */
  busyOn(skill: number): number {
    return this.busy[skill];
  }

  /** Whether `unit` is free (holds no request). */
  isFree(unit: number): boolean {
    this.checkUnit(unit);
    return this.holding[unit] === null;
  }

  /** Whether `unit` is present (not taken away with setAvailable). */
  isPresent(unit: number): boolean {
    this.checkUnit(unit);
    return this.present[unit];
  }

  /**
   * Asks for a unit that holds `skill`, preferring unit `preferred` (-1: none) if it can serve
   * now, with a `tag` of the caller's. Yield the request to wait until it is granted; its
   * `unit` is then set.
   */
  request(skill: number, priority = 0, preferred = -1, tag = ''): SkillRequest {
    if (!Number.isFinite(priority))
      throw new InvalidArgumentError(`request priority must be a finite number, got ${priority}`);
    this.checkSkill(skill);
    const req = new SkillRequest(this.env, this, skill, priority, this.sequence++, tag);
    if (this.idle[skill] > 0) {
      const unit = this.canServe(preferred, skill) ? preferred : this.firstIdle(skill);
      this.grant(req, unit);
      req._settle(req);
      return req;
    }
    this.queues[skill].push(req);
    this.recordQueue(skill);
    return req;
  }

  /**
   * Gives back the unit held by `request`, or withdraws it if still waiting. The unit then
   * takes the most urgent request waiting for one of its skills (see the class). Releasing a
   * request twice is an error.
   */
  release(request: SkillRequest): void {
    if (request.resource !== this)
      throw new InvalidArgumentError(`that request belongs to ${request.resource.name}, not ${this.name}`);
    if (request._status === WAITING) {
      request._status = RELEASED;
      this.queues[request.skill].remove(request);
      this.recordQueue(request.skill);
      return;
    }
    if (request._status === RELEASED) throw new SimulationError(`a request to ${this.name} was released twice`);
    request._status = RELEASED;
    const unit = request.unit;
    const skill = request.skill;
    this.holding[unit] = null;
    // a unit away has stopped counting as busy when it left
    if (this.present[unit]) this.stopBusy(unit, skill);
    const pending = this.pendingSkills[unit];
    if (pending !== null && !this.retiring[unit]) {
      this.pendingSkills[unit] = null;
      this.dropFromSkills(unit, false);
      this.takeSkills(unit, pending);
    }
    if (this.retiring[unit]) {
      this.dropFromSkills(unit, false);
      this.retireNow(unit);
    } else {
      this.becameIdle(unit);
    }
  }

  /**
   * Takes `unit` away (time off) or brings it back. An absent unit is granted nothing; one
   * that holds a request keeps it. A unit that comes back serves waiting requests at once.
   */
  setAvailable(unit: number, available: boolean): void {
    this.checkUnit(unit);
    if (this.retired[unit] || this.present[unit] === available) return;
    const now = this.env.now;
    const held = this.holding[unit];
    if (!available) {
      this.present[unit] = false;
      this.awaySince[unit] = now;
      if (held === null) for (const s of this.skillsOf[unit]) this.idle[s]--;
      else this.stopBusy(unit, held.skill);
      return;
    }
    this.present[unit] = true;
    this.closeAway(unit);
    if (held === null) {
      this.becameIdle(unit);
    } else {
      this.busySince[unit] = now;
      this.changeBusy(held.skill, 1);
    }
  }

  /**
   * Gives `unit` the skills `skills` in place of its own: at once if it is free (it then serves
   * waiting requests of its new skills), else when its request is released (it finishes the
   * work in hand with its old skills).
   */
  setSkills(unit: number, skills: readonly number[]): void {
    this.checkUnit(unit);
    this.checkSkills(skills);
    if (this.retired[unit]) return;
    if (this.holding[unit] !== null) {
      this.pendingSkills[unit] = [...skills];
      return;
    }
    const idle = this.present[unit];
    this.dropFromSkills(unit, idle);
    this.takeSkills(unit, skills);
    if (idle) this.becameIdle(unit);
  }

  /** The requests waiting for `skill`, most urgent first. */
  waitingFor(skill: number): SkillRequest[] {
    this.checkSkill(skill);
    return this.queues[skill].toArray().sort((a, b) => (moreUrgent(a, b) ? -1 : 1));
  }

  /**
   * Moves a waiting request to the queue of `skill`, keeping its priority and its place in the
   * order of requests; a unit free for it serves it at once (handed over as on a release).
   */
  requeue(request: SkillRequest, skill: number): void {
    if (request.resource !== this || request._status !== WAITING)
      throw new InvalidArgumentError(`only a request waiting at ${this.name} can be requeued`);
    this.checkSkill(skill);
    const from = request.skill;
    this.queues[from].remove(request);
    this.recordQueue(from);
    request.skill = skill;
    if (this.idle[skill] > 0) {
      this.grant(request, this.firstIdle(skill));
      request._handOver(request);
      return;
    }
    this.queues[skill].push(request);
    this.recordQueue(skill);
  }

  /** Time-integral of the units busy on `skill` since the resource was made (never reset). */
  cumulativeBusy(skill: number): number {
    this.checkSkill(skill);
    return this.busyArea[skill] + this.busy[skill] * (this.env.now - this.busyChanged[skill]);
  }

  /** Time `unit` has been away since it was added (never reset). */
  cumulativeAway(unit: number): number {
    this.checkUnit(unit);
    const open = this.present[unit] ? 0 : this.env.now - this.awaySince[unit];
    return this.totalAway[unit] + open;
  }

  /** Retires `unit` (it leaves for good): at once if free, else when its request is released. */
  retire(unit: number): void {
    this.checkUnit(unit);
    if (this.retired[unit]) return;
    if (this.holding[unit] !== null) {
      this.retiring[unit] = true;
      return;
    }
    this.dropFromSkills(unit, this.present[unit]);
    this.retireNow(unit);
  }

  /** When `unit` left (see retire), or Infinity while it has not. */
  retiredAt(unit: number): number {
    this.checkUnit(unit);
    return this.retiredTime[unit];
  }

  /** Whether `unit` has left (see retire). */
  isRetired(unit: number): boolean {
    this.checkUnit(unit);
    return this.retired[unit];
  }

  /** Time-average units busy on `skill` over the window (NaN unless monitored or over an empty window). */
  meanBusy(skill: number): number {
    return this.busyMonitors === null ? NaN : this.busyMonitors[skill].mean;
  }

  /** Time-average requests waiting for `skill` over the window (NaN unless monitored or over an empty window). */
  meanQueue(skill: number): number {
    return this.queueMonitors === null ? NaN : this.queueMonitors[skill].mean;
  }

  /** Time `unit` has been busy in the window up to now: on `skill`, or on any skill when left out (skills it held before a setSkills included). */
  busyTimeOf(unit: number, skill?: number): number {
    this.checkUnit(unit);
    const held = this.holding[unit];
    const open =
      held === null || !this.present[unit] ? 0 : this.env.now - Math.max(this.busySince[unit], this.windowStart);
    let time = 0;
    const skills = this.skillsOf[unit];
    const times = this.busyTime[unit];
    for (let k = 0; k < skills.length; k++) if (skill === undefined || skills[k] === skill) time += times[k];
    for (const [s, t] of this.formerBusyTime[unit] ?? []) if (skill === undefined || s === skill) time += t;
    if (held !== null && (skill === undefined || held.skill === skill)) time += open;
    return time;
  }

  /** Time `unit` has been away in the window, up to now. */
  awayTimeOf(unit: number): number {
    this.checkUnit(unit);
    const open = this.present[unit] ? 0 : this.env.now - Math.max(this.awaySince[unit], this.windowStart);
    return this.awayTime[unit] + open;
  }

  /** When the observation window started (the last resetStatistics, or the resource's making). */
  get statisticsFrom(): number {
    return this.windowStart;
  }

  /** Starts a new observation window now (end of a warm-up): monitors and per-unit times. */
  resetStatistics(): void {
    this.windowStart = this.env.now;
    for (const times of this.busyTime) times.fill(0);
    for (let u = 0; u < this.formerBusyTime.length; u++)
      if (this.formerBusyTime[u] !== null) this.formerBusyTime[u] = new Map();
    this.awayTime.fill(0);
    if (this.busyMonitors !== null) for (const m of this.busyMonitors) m.reset();
    if (this.queueMonitors !== null) for (const m of this.queueMonitors) m.reset();
  }

  /** Whether `unit` is a valid, idle unit that holds `skill`. */
  private canServe(unit: number, skill: number): boolean {
    return (
      unit >= 0 &&
      unit < this.holding.length &&
      this.holding[unit] === null &&
      this.present[unit] &&
      !this.retired[unit] &&
      this.skillsOf[unit].includes(skill)
    );
  }

  private firstIdle(skill: number): number {
    const list = this.holders[skill];
    for (let i = 0; i < list.length; i++) {
      const unit = list[i];
      if (this.holding[unit] === null && this.present[unit]) return unit;
    }
    throw new SimulationError(`${this.name}: no idle unit for skill ${skill} although one was counted`);
  }

  private grant(req: SkillRequest, unit: number): void {
    req._status = HOLDING;
    req.unit = unit;
    this.holding[unit] = req;
    this.busySince[unit] = this.env.now;
    for (const s of this.skillsOf[unit]) this.idle[s]--;
    this.changeBusy(req.skill, 1);
  }

  /**
   * `unit` is free and present: it takes the most urgent request waiting for one of its
   * skills (handed over at once), or waits idle.
   */
  private becameIdle(unit: number): void {
    if (!this.present[unit]) return;
    const skills = this.skillsOf[unit];
    let next: SkillRequest | undefined;
    for (let i = 0; i < skills.length; i++) {
      const head = this.queues[skills[i]].peek();
      if (head !== undefined && (next === undefined || moreUrgent(head, next))) next = head;
    }
    for (let i = 0; i < skills.length; i++) this.idle[skills[i]]++;
    if (next === undefined) return;
    this.queues[next.skill].shift();
    this.grant(next, unit);
    this.recordQueue(next.skill);
    next._handOver(next);
  }

  /** Takes `unit`, free and out of its skills, out for good. */
  private retireNow(unit: number): void {
    this.retired[unit] = true;
    this.retiredTime[unit] = this.env.now;
    this.retiring[unit] = false;
    this.pendingSkills[unit] = null;
    if (!this.present[unit]) {
      this.closeAway(unit);
      this.present[unit] = true;
    }
  }

  /** Takes free `unit` off the holder lists of its skills (and off their idle counts when `idle`). */
  private dropFromSkills(unit: number, idle: boolean): void {
    for (const s of this.skillsOf[unit]) {
      if (idle) this.idle[s]--;
      const list = this.holders[s];
      list.splice(list.indexOf(unit), 1);
    }
  }

  /** Puts free `unit` on the holder lists of `skills` (not idle yet: see becameIdle), keeping its busy time on the ones it leaves. */
  private takeSkills(unit: number, skills: readonly number[]): void {
    const before = this.skillsOf[unit];
    const times = this.busyTime[unit];
    if (before.length > 0) {
      const former = this.formerBusyTime[unit] ?? new Map<number, number>();
      for (let k = 0; k < before.length; k++) former.set(before[k], (former.get(before[k]) ?? 0) + times[k]);
      this.formerBusyTime[unit] = former;
    }
    this.skillsOf[unit] = [...skills];
    this.busyTime[unit] = skills.map(() => 0);
    for (const s of skills) {
      const list = this.holders[s];
      let i = list.length;
      while (i > 0 && this.skillsOf[list[i - 1]].length > skills.length) i--;
      list.splice(i, 0, unit);
    }
  }

  /** `unit` comes back: the time away since it left is counted. */
  private closeAway(unit: number): void {
    const now = this.env.now;
    this.awayTime[unit] += now - Math.max(this.awaySince[unit], this.windowStart);
    this.totalAway[unit] += now - this.awaySince[unit];
  }

  private checkSkills(skills: readonly number[]): void {
    if (skills.length === 0) throw new InvalidArgumentError(`a unit of ${this.name} needs at least one skill`);
    for (const s of skills) this.checkSkill(s);
    if (new Set(skills).size !== skills.length)
      throw new InvalidArgumentError(`a unit of ${this.name} lists a skill twice: ${skills.join(', ')}`);
  }

  /** `unit`, busy on `skill`, stops counting as busy now (released, or away). */
  private stopBusy(unit: number, skill: number): void {
    const k = this.skillsOf[unit].indexOf(skill);
    this.busyTime[unit][k] += this.env.now - Math.max(this.busySince[unit], this.windowStart);
    this.changeBusy(skill, -1);
  }

  /** One unit more (+1) or fewer (-1) busy on `skill` now: the count, its integral and its monitor. */
  private changeBusy(skill: number, delta: number): void {
    const now = this.env.now;
    this.busyArea[skill] += this.busy[skill] * (now - this.busyChanged[skill]);
    this.busyChanged[skill] = now;
    this.busy[skill] += delta;
    if (this.busyMonitors !== null) this.busyMonitors[skill].update(this.busy[skill]);
  }

  private recordQueue(skill: number): void {
    if (this.queueMonitors !== null) this.queueMonitors[skill].update(this.queues[skill].length);
  }

  private checkSkill(skill: number): void {
    if (!Number.isInteger(skill) || skill < 0 || skill >= this.holders.length)
      throw new InvalidArgumentError(
        `${this.name}: skill must be a whole number from 0 to ${this.holders.length - 1}, got ${skill}`,
      );
  }

  private checkUnit(unit: number): void {
    if (!Number.isInteger(unit) || unit < 0 || unit >= this.skillsOf.length)
      throw new InvalidArgumentError(`${this.name}: no unit ${unit}`);
  }
}
