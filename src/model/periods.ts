/**
 * The use of the teams' people quarter by quarter over the measured window: for a run whose
 * organisation changes (see timeline.ts), the figures before, during and after each change.
 * Busy time and time away are read from the engine's running totals at each quarter's end;
 * a person counts from the day they join to the day they leave, less their days away.
 */
import type { ProcessGenerator } from '../engine/index.js';
import { SME_ROLE } from '../scenario/scenario-spec.js';
import { DAYS_PER_QUARTER } from '../scenario/time-units.js';
import type { ModelContext } from './model-context.js';

/** The use of the teams' people in one period of the measured window. */
export interface PeriodStatistics {
  start: number;
  end: number;
  /** Share of the teams' people's time there (not away) spent busy. */
  utilization: number;
  /** role -> share of the time there of the people who hold it spent on it. */
  byRole: Record<string, number>;
}

/** Running totals at one moment: busy time by skill, time away by person. */
interface Totals {
  busy: number[];
  away: number[];
}

function totalsNow(ctx: ModelContext): Totals {
  const r = ctx.state.org.people.resource;
  const busy = new Array<number>(r.skillCount);
  for (let s = 0; s < busy.length; s++) busy[s] = r.cumulativeBusy(s);
  const away = new Array<number>(r.unitCount);
  for (let u = 0; u < away.length; u++) away[u] = r.cumulativeAway(u);
  return { busy, away };
}

/** The period [start, now) from the totals at its start. */
function period(ctx: ModelContext, start: number, before: Totals): PeriodStatistics {
  const { people } = ctx.state.org;
  const r = people.resource;
  const now = ctx.state.env.now;
  const after = totalsNow(ctx);
  const busyByRole = new Map<string, number>();
  for (let s = 0; s < after.busy.length; s++) {
    const role = people.pools[s]?.role;
    if (role === undefined || role === SME_ROLE) continue;
    busyByRole.set(role, (busyByRole.get(role) ?? 0) + after.busy[s] - (before.busy[s] ?? 0));
  }
  const thereByRole = new Map<string, number>();
  let there = 0;
  for (let u = 0; u < after.away.length; u++) {
    const roles = people.roleSets[u].roles;
    if (roles.includes(SME_ROLE)) continue;
    const joined = Math.max(start, people.joinedAt[u]);
    const left = Math.min(now, r.retiredAt(u));
    const time = Math.max(0, left - joined) - (after.away[u] - (before.away[u] ?? 0));
    there += time;
    for (const role of roles) thereByRole.set(role, (thereByRole.get(role) ?? 0) + time);
  }
  const busy = [...busyByRole.values()].reduce((a, b) => a + b, 0);
  return {
    start,
    end: now,
    utilization: busy / there,
    byRole: Object.fromEntries([...busyByRole].map(([role, b]) => [role, b / (thereByRole.get(role) ?? 0)])),
  };
}

/** Records the quarters of the measured window as the run reaches their ends. */
export class PeriodRecorder {
  readonly periods: PeriodStatistics[] = [];
  private start = Number.NaN;
  private before: Totals | null = null;

  constructor(private readonly ctx: ModelContext) {}

  /** Starts the process that closes each quarter from the end of the warm-up on. */
  begin(): void {
    const { ctx } = this;
    const { warmup_days: warmup, horizon_days: horizon } = ctx.config.params;
    const { env } = ctx.state;
    const recorder = this;
    env.process(
      (function* (): ProcessGenerator {
        if (warmup > 0) yield warmup;
        recorder.open();
        while (env.now + DAYS_PER_QUARTER < horizon) {
          yield DAYS_PER_QUARTER;
          recorder.close();
          recorder.open();
        }
      })(),
    );
  }

  /** Closes the last period at the end of the run (it ends at the horizon, a quarter or less). */
  finish(): PeriodStatistics[] {
    if (this.before !== null && this.ctx.state.env.now > this.start) this.close();
    return this.periods;
  }

  private open(): void {
    this.start = this.ctx.state.env.now;
    this.before = totalsNow(this.ctx);
  }

  private close(): void {
    if (this.before === null) return;
    this.periods.push(period(this.ctx, this.start, this.before));
    this.before = null;
  }
}
