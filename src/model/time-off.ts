/**
 * Time off: public holidays and absence (vacation, sickness) as each person's days away,
 * planned for the whole run when it starts. A person away is given no new work (the engine's
 * skill resource takes them out), and work in their hands waits for their return: the days
 * away are counted as the use case waiting for that role, not as work.
 *
 * - A public holiday takes everyone out for one working day: 7 / working_days_per_week
 *   calendar days in orgflow's even week (see working-time.ts).
 * - Absence is an alternating renewal process per person: spells away of exponential length
 *   (mean calendar.absence_spell_days working days) and spells present whose mean makes the
 *   long-run share away the person's absence share. A person starts away with that share's
 *   chance. Each person draws from their own keyed stream `absence/<team>`, so the plan of
 *   one does not move when anything else changes.
 */
import type { ProcessGenerator } from '../engine/index.js';
import type { Rng } from '../random/index.js';
import { holidayDays } from '../scenario/holidays.js';
import { hasOwn } from '../scenario/lookup.js';
import type { ModelParameters } from '../scenario/model-parameters.js';
import { absenceShare } from '../scenario/team-people.js';
import type { ModelContext } from './model-context.js';
import type { People, RoleSet } from './people.js';

/** A person's days away, as disjoint intervals in time order. */
export class AwaySchedule {
  constructor(
    /** Start of each spell away (calendar days), increasing. */
    readonly starts: readonly number[],
    /** Its end (after its start, before the next start). */
    readonly ends: readonly number[],
  ) {}

  /** Whether the person has no day away. */
  get isEmpty(): boolean {
    return this.starts.length === 0;
  }

  /** The spell that ends after `time`: the first whose end is later (binary search), or the count of spells. */
  private firstEndingAfter(time: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid] <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether the person is away at `time`. */
  isAwayAt(time: number): boolean {
    const i = this.firstEndingAfter(time);
    return i < this.starts.length && this.starts[i] <= time;
  }

  /** When `days` of presence from `now` are over: `now + days` plus every spell away in between. */
  finish(now: number, days: number): number {
    let t = now;
    let left = days;
    for (let i = this.firstEndingAfter(now); i < this.starts.length; i++) {
      const start = this.starts[i];
      if (start >= t + left) break;
      if (start > t) left -= start - t;
      t = Math.max(t, this.ends[i]);
    }
    return t + left;
  }
}

/** Holidays as spells away shared by everyone: [start, end) in calendar days, in time order. */
export function holidaySpells(params: ModelParameters, holidayDays: readonly number[]): [number, number][] {
  const length = 7 / params.calendar.working_days_per_week;
  return [...holidayDays].sort((a, b) => a - b).map((day) => [day, day + length]);
}

/**
 * Spells away of one person up to `horizon`: absence at long-run share `share` with spells of
 * mean `spell` calendar days, from `rng`, merged with the holidays.
 */
export function personSpells(
  share: number,
  spell: number,
  horizon: number,
  rng: Rng,
  holidays: readonly [number, number][],
): AwaySchedule {
  const spells: [number, number][] = [...holidays];
  if (share > 0) {
    const presentMean = (spell * (1 - share)) / share;
    let t = 0;
    let away = rng() < share;
    while (t < horizon) {
      const length = -Math.log(1 - rng()) * (away ? spell : presentMean);
      if (away) spells.push([t, t + length]);
      t += length;
      away = !away;
    }
  }
  spells.sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [s, e] of spells) {
    const last = ends.length - 1;
    if (last >= 0 && s <= ends[last]) ends[last] = Math.max(ends[last], e);
    else {
      starts.push(s);
      ends.push(e);
    }
  }
  return new AwaySchedule(starts, ends);
}

/** A person's spells away as the engine sees them: out at each start, back at each end. */
function* awayAndBack(ctx: ModelContext, people: People, unit: number, schedule: AwaySchedule): ProcessGenerator {
  const { env } = ctx.state;
  const horizon = ctx.config.params.horizon_days;
  for (let i = 0; i < schedule.starts.length && schedule.starts[i] < horizon; i++) {
    if (schedule.ends[i] <= env.now) continue; // over before the person joined
    if (schedule.starts[i] > env.now) yield schedule.starts[i] - env.now;
    people.resource.setAvailable(unit, false);
    yield schedule.ends[i] - env.now;
    people.resource.setAvailable(unit, true);
  }
}

/**
 * The days away of a person of `roles` in `team`, the `index`-th of their group there (their
 * own stream): absence for a team's people by their team's or roles' share; public holidays
 * for everyone, the domains' experts too. Null when there are neither.
 */
export function plannedTimeOff(
  ctx: ModelContext,
  team: string,
  roles: RoleSet,
  index: number,
  holidays: readonly [number, number][] = holidaysOf(ctx),
): AwaySchedule | null {
  const { params } = ctx.config;
  const horizon = params.horizon_days;
  // a domain's subject-matter experts are no team: public holidays only
  const t = hasOwn(params.teams, team) ? params.teams[team] : undefined;
  const share = t === undefined ? 0 : absenceShare(params, t, roles.roles);
  if (share === 0 && holidays.length === 0) return null;
  const spell = (params.calendar.absence_spell_days * 7) / params.calendar.working_days_per_week;
  const rng = ctx.state.streams.keyed(`absence/${team}/${roles.label}`, index);
  return personSpells(share, spell, horizon, rng, holidays);
}

/** Starts the process that takes `unit` out and back on their days away (none when they have none). */
export function startTimeOffOf(ctx: ModelContext, unit: number): void {
  const { people } = ctx.state.org;
  const schedule = people.away[unit];
  if (schedule !== null && !schedule.isEmpty) ctx.state.env.process(awayAndBack(ctx, people, unit, schedule));
}

/** The run's public holidays as spells away shared by everyone. */
function holidaysOf(ctx: ModelContext): [number, number][] {
  const { params } = ctx.config;
  return holidaySpells(params, holidayDays(params.calendar, params.horizon_days));
}

/** Plans the days away of everyone there at the start (see plannedTimeOff) and starts taking them out and back. */
export function startTimeOff(ctx: ModelContext): void {
  const { people } = ctx.state.org;
  const holidays = holidaysOf(ctx); // once for everyone
  for (let unit = 0; unit < people.ids.length; unit++) {
    people.away[unit] = plannedTimeOff(
      ctx,
      people.teams[unit],
      people.roleSets[unit],
      people.indexInGroup[unit],
      holidays,
    );
    startTimeOffOf(ctx, unit);
  }
}
