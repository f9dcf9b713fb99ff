/**
 * Writes scenarios/examples/history/activity-log.csv: three years of an imagined bank's data
 * and AI work, as a work tracker would export it, made by mechanics that are deliberately not
 * orgflow's own, so that calibrating and back-testing on it is a test of the fit and not an
 * echo of the model:
 *
 * - **Days, not events.** Time moves a working day at a time; work is done in hours and an
 *   activity ends part way through a day.
 * - **Two things at once.** A person takes a second piece of work while the first is still
 *   open, and then splits the day between them (seven productive hours alone, three and a
 *   quarter on each of two: switching costs time). orgflow gives a person one activity at a time.
 * - **Holidays and absence.** Weekends, public holidays, four weeks of vacation a year per
 *   person and the odd sick day; work in hand waits for its person to come back.
 * - **Noticing work.** A ticket is seen by the next team a few working days after it is
 *   ready (triage), not after a delay drawn per boundary; a request is triaged before discovery.
 * - **Learning in review.** Validation sends a model back to training (or to data preparation)
 *   less often each time: the probabilities fall by 0.55 with every loop-back.
 * - **A renamed step.** The tracker called deployment "Release" until July 2024 (the mapping
 *   file merges the two names).
 * - **A quiet season.** Half as many requests from 20 December to 5 January.
 *
 * Run it with `npm run example-history` (the output is deterministic for the seed).
 */
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { Lognormal, RandomStreams, type Rng } from '../src/random/index.js';

const SEED = 2026;
const FIRST_DAY = Date.UTC(2023, 0, 2); // a Monday
const EXPORT_DAY = Date.UTC(2025, 11, 31); // the export is taken at the end of this day
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const RENAMED_ON = Date.UTC(2024, 6, 1);
const LEARNING = 0.55;

/** Public holidays (month, day), and Easter Mondays, of the years covered. */
const FIXED_HOLIDAYS = ['01-01', '05-01', '12-24', '12-25', '12-26', '12-31'];
const EASTER_MONDAYS = ['2023-04-10', '2024-04-01', '2025-04-21'];

type Role = 'Analyst' | 'Data engineer' | 'ML engineer' | 'Platform engineer';
type Activity = 'Discovery' | 'Data preparation' | 'Model training' | 'Validation' | 'Report build' | 'Deployment';
type Kind = 'Model' | 'Report';

const ROLE_OF: Record<Activity, Role> = {
  Discovery: 'Analyst',
  'Data preparation': 'Data engineer',
  'Model training': 'ML engineer',
  Validation: 'Analyst',
  'Report build': 'Analyst',
  Deployment: 'Platform engineer',
};

/** Effort in productive hours: median and 90th percentile. */
const EFFORT: Record<Activity, Lognormal> = {
  Discovery: new Lognormal({ median: 8, p90: 24 }),
  'Data preparation': new Lognormal({ median: 16, p90: 48 }),
  'Model training': new Lognormal({ median: 24, p90: 70 }),
  Validation: new Lognormal({ median: 6, p90: 16 }),
  'Report build': new Lognormal({ median: 14, p90: 40 }),
  Deployment: new Lognormal({ median: 6, p90: 20 }),
};

/** Requests per working day, by business unit and kind. */
const DEMAND: Record<string, Record<Kind, number>> = {
  'Retail Banking': { Model: 0.1, Report: 0.14 },
  Insurance: { Model: 0.07, Report: 0.09 },
};

/** The teams: the spokes hold a business unit's analysts and data engineers, the hub the rest. */
const TEAMS: { name: string; unit: string | null; people: Partial<Record<Role, string[]>> }[] = [
  {
    name: 'Retail Data',
    unit: 'Retail Banking',
    people: { Analyst: ['Ana Sousa', 'Bram de Vries'], 'Data engineer': ['Chen Wei', 'Dana Novak'] },
  },
  {
    name: 'Insurance Data',
    unit: 'Insurance',
    people: { Analyst: ['Eli Cohen', 'Farah Haddad'], 'Data engineer': ['Goran Petrov'] },
  },
  {
    name: 'AI Hub',
    unit: null,
    people: { 'ML engineer': ['Hana Sato', 'Ivo Kral'], 'Platform engineer': ['Kofi Mensah'] },
  },
];

interface Person {
  name: string;
  role: Role;
  team: string;
  /** Days away (day numbers from FIRST_DAY). */
  away: Set<number>;
  work: Work[];
}

interface Item {
  key: string;
  kind: Kind;
  unit: string;
  created: number;
  rows: Row[];
  loopBacks: number;
  last: Map<Role, Person>;
  resolution: '' | 'Done' | 'Cancelled';
}

interface Row {
  activity: Activity;
  person: Person;
  start: number;
  end: number | null;
}

interface Work {
  item: Item;
  row: Row;
  remaining: number;
  /** Hours into the day it was picked up (0 from the morning, 4 after lunch). */
  pickedAt: number;
}

interface Ready {
  item: Item;
  activity: Activity;
  day: number;
}

const streams = new RandomStreams(SEED);
const rng = {
  arrivals: streams.stream('history/arrivals'),
  effort: streams.stream('history/effort'),
  routing: streams.stream('history/routing'),
  notice: streams.stream('history/notice'),
  absence: streams.stream('history/absence'),
};

const dateOf = (day: number): Date => new Date(FIRST_DAY + day * DAY_MS);
const isoDay = (day: number): string => dateOf(day).toISOString().slice(0, 10);
const LAST_DAY = Math.round((EXPORT_DAY - FIRST_DAY) / DAY_MS);

function isWorkingDay(day: number): boolean {
  const date = dateOf(day);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const iso = isoDay(day);
  return !FIXED_HOLIDAYS.includes(iso.slice(5)) && !EASTER_MONDAYS.includes(iso);
}

/** The working day `n` working days after `day` (n 0: `day` itself, or the next working day). */
function workingDaysAfter(day: number, n: number): number {
  let d = day;
  while (!isWorkingDay(d)) d++;
  for (let left = n; left > 0; ) {
    d++;
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** Four vacation weeks a year, and a sick day with probability 2% on any working day. */
function absences(random: Rng): Set<number> {
  const away = new Set<number>();
  for (let year = 0; year * 365 <= LAST_DAY; year++)
    for (let week = 0; week < 4; week++) {
      const first = year * 365 + Math.floor(random() * 360);
      for (let d = first; d < first + 7; d++) away.add(d);
    }
  for (let d = 0; d <= LAST_DAY; d++) if (random() < 0.02) away.add(d);
  return away;
}

const people: Person[] = TEAMS.flatMap((team) =>
  Object.entries(team.people).flatMap(([role, names]) =>
    (names ?? []).map((name) => ({ name, role: role as Role, team: team.name, away: absences(rng.absence), work: [] })),
  ),
);

/** The team that does `activity` for `item`: the business unit's spoke, or the hub. */
function teamFor(item: Item, activity: Activity): string {
  const role = ROLE_OF[activity];
  const spoke = TEAMS.find((t) => t.unit === item.unit && (t.people[role]?.length ?? 0) > 0);
  return (spoke ?? TEAMS.find((t) => t.unit === null && (t.people[role]?.length ?? 0) > 0))?.name ?? '';
}

/** Where `item` goes after `activity`: the next activity, or its end. */
function nextAfter(item: Item, activity: Activity): Activity | 'Done' | 'Cancelled' {
  const u = rng.routing();
  const learned = LEARNING ** item.loopBacks;
  switch (activity) {
    case 'Discovery':
      return u < 0.12 ? 'Cancelled' : 'Data preparation';
    case 'Data preparation':
      return item.kind === 'Model' ? 'Model training' : 'Report build';
    case 'Model training':
      return 'Validation';
    case 'Validation':
      if (u < 0.4 * learned) return 'Model training';
      if (u < 0.48 * learned) return 'Data preparation';
      return u < 0.48 * learned + 0.06 ? 'Cancelled' : 'Deployment';
    case 'Report build':
      return u < 0.15 * learned ? 'Data preparation' : 'Deployment';
    default:
      return 'Done';
  }
}

/** Working days until the next team notices a ticket that is ready for it. */
function noticeDays(sameTeam: boolean): number {
  if (sameTeam) return rng.notice() < 0.5 ? 0 : 1;
  let days = 1;
  while (rng.notice() > 0.35) days++;
  return days;
}

/** A request a day with rate `perDay`, each (unit, kind) its own Poisson process over working days. */
function arrivalsOn(day: number, counter: { n: number }): Item[] {
  const date = dateOf(day);
  const month = date.getUTCMonth();
  const dom = date.getUTCDate();
  const quiet = (month === 11 && dom >= 20) || (month === 0 && dom <= 5) ? 0.5 : 1;
  const items: Item[] = [];
  for (const [unit, kinds] of Object.entries(DEMAND))
    for (const [kind, perDay] of Object.entries(kinds) as [Kind, number][]) {
      // Poisson count by inversion (small rates)
      let k = 0;
      let p = Math.exp(-perDay * quiet);
      let cdf = p;
      const u = rng.arrivals();
      while (u > cdf) {
        k++;
        p *= (perDay * quiet) / k;
        cdf += p;
      }
      for (let i = 0; i < k; i++) {
        counter.n++;
        const hour = 8 + Math.floor(rng.arrivals() * 9);
        items.push({
          key: `DAI-${100 + counter.n}`,
          kind,
          unit,
          created: FIRST_DAY + day * DAY_MS + hour * HOUR_MS + Math.floor(rng.arrivals() * 60) * 60_000,
          rows: [],
          loopBacks: 0,
          last: new Map(),
          resolution: '',
        });
      }
    }
  return items;
}

/** Gives waiting work to people of its role and team who are in and hold fewer than two pieces. */
function assign(day: number, queue: Ready[]): Ready[] {
  const left: Ready[] = [];
  for (const ready of queue) {
    const role = ROLE_OF[ready.activity];
    const team = teamFor(ready.item, ready.activity);
    const free = people.filter((p) => p.role === role && p.team === team && !p.away.has(day) && p.work.length < 2);
    if (free.length === 0) {
      left.push(ready);
      continue;
    }
    const previous = ready.item.last.get(role);
    const person =
      previous !== undefined && free.includes(previous)
        ? previous
        : free.sort((a, b) => a.work.length - b.work.length || (a.name < b.name ? -1 : 1))[0];
    const pickedAt = person.work.length === 0 ? 0 : 4;
    const row: Row = {
      activity: ready.activity,
      person,
      start: FIRST_DAY + day * DAY_MS + (9 + pickedAt) * HOUR_MS,
      end: null,
    };
    ready.item.rows.push(row);
    ready.item.last.set(role, person);
    person.work.push({ item: ready.item, row, remaining: EFFORT[ready.activity].sample(rng.effort), pickedAt });
  }
  return left;
}

/** A day's work of each person who is in: finished pieces end part way through the day and move on. */
function work(day: number, notices: Ready[]): void {
  for (const person of people) {
    if (person.away.has(day) || person.work.length === 0) continue;
    const hoursEach = person.work.length === 1 ? 7 : 3.25;
    for (const piece of [...person.work]) {
      const available = hoursEach * ((8 - piece.pickedAt) / 8);
      piece.pickedAt = 0;
      if (piece.remaining > available) {
        piece.remaining -= available;
        continue;
      }
      // ends within the day, in proportion to the hours it needed
      const dayStart = FIRST_DAY + day * DAY_MS + 9 * HOUR_MS;
      const from = Math.max(dayStart, piece.row.start);
      const span = dayStart + 8 * HOUR_MS - from;
      piece.row.end = Math.round(from + (piece.remaining / available) * span);
      person.work.splice(person.work.indexOf(piece), 1);
      route(piece.item, piece.row.activity, person.team, day, notices);
    }
  }
}

function route(item: Item, done: Activity, team: string, day: number, notices: Ready[]): void {
  const next = nextAfter(item, done);
  if (next === 'Done' || next === 'Cancelled') {
    item.resolution = next;
    return;
  }
  const order: Activity[] = ['Discovery', 'Data preparation', 'Model training', 'Validation', 'Report build'];
  if (order.indexOf(next) <= order.indexOf(done) && next !== 'Deployment') item.loopBacks++;
  const sameTeam = teamFor(item, next) === team;
  notices.push({ item, activity: next, day: workingDaysAfter(day + 1, noticeDays(sameTeam)) });
}

function simulate(): Item[] {
  const items: Item[] = [];
  const counter = { n: 0 };
  let notices: Ready[] = [];
  let queue: Ready[] = [];
  for (let day = 0; day <= LAST_DAY; day++) {
    if (!isWorkingDay(day)) continue;
    for (const item of arrivalsOn(day, counter)) {
      items.push(item);
      notices.push({ item, activity: 'Discovery', day: workingDaysAfter(day + 1, Math.floor(rng.notice() * 4)) });
    }
    queue = queue.concat(notices.filter((n) => n.day <= day));
    notices = notices.filter((n) => n.day > day);
    queue = assign(day, queue);
    work(day, notices);
  }
  return items;
}

const stamp = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

function csvOf(items: readonly Item[]): string {
  const records = items.flatMap((item) =>
    item.rows.map((row) => ({
      Key: item.key,
      'Issue Type': item.kind,
      'Business Unit': item.unit,
      Created: stamp(item.created),
      Activity: row.activity === 'Deployment' && row.start < RENAMED_ON ? 'Release' : row.activity,
      Assignee: row.person.name,
      Role: row.person.role,
      Team: row.person.team,
      Started: stamp(row.start),
      Finished: row.end === null ? '' : stamp(row.end),
      Resolution: item.resolution,
    })),
  );
  return stringify(records, { header: true });
}

const folder = process.argv[2] ?? join('scenarios', 'examples', 'history');
mkdirSync(folder, { recursive: true });
const items = simulate();
await writeFile(join(folder, 'activity-log.csv'), csvOf(items));
const rows = items.reduce((s, i) => s + i.rows.length, 0);
const ended = items.filter((i) => i.resolution !== '').length;
console.log(`${items.length} use cases (${ended} ended), ${rows} rows: ${join(folder, 'activity-log.csv')}`);
