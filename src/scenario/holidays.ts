/**
 * Public holidays as days of the run. `calendar.holidays` is a count a year (spread evenly:
 * the k-th of n falls (k + 1/2) / n of the way through each year) or a list of dates: a full
 * date (2027-12-25) once, a month and day (12-25) every year; dates need the date of day 0,
 * `calendar.start_date`.
 */
import { DateTime } from 'luxon';
import type { ResolvedScenario } from './model-parameters.js';
import { DAYS_PER_YEAR } from './time-units.js';

type Calendar = ResolvedScenario['calendar'];

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_DAY = /^\d{2}-\d{2}$/;

/** A date of the scenario (YYYY-MM-DD) at midnight UTC, or null when it is no date. */
export function scenarioDate(text: string): DateTime | null {
  if (!FULL_DATE.test(text)) return null;
  const date = DateTime.fromISO(text, { zone: 'utc' });
  return date.isValid ? date : null;
}

/** Why a holiday as written is no date (null when it is one): for the scenario check. */
export function holidayDateProblem(text: string): string | null {
  if (FULL_DATE.test(text)) return scenarioDate(text) === null ? `"${text}" is no date of the calendar` : null;
  if (MONTH_DAY.test(text))
    return DateTime.fromISO(`2024-${text}`, { zone: 'utc' }).isValid ? null : `"${text}" is no day of the year`;
  return `"${text}" is neither a date (2027-12-25) nor a month and day (12-25)`;
}

/** The days from day 0 on which public holidays fall, before `horizon`, in order. */
export function holidayDays(calendar: Calendar, horizon: number): number[] {
  const holidays = calendar.holidays;
  if (typeof holidays === 'number') return evenlySpread(holidays, horizon);
  if (holidays.length === 0) return [];
  const start = calendar.start_date === undefined ? null : scenarioDate(calendar.start_date);
  if (start === null)
    throw new Error('holidays given as dates need calendar.start_date (the scenario check should have caught this)');
  const days: number[] = [];
  const years = Math.ceil(horizon / DAYS_PER_YEAR) + 1;
  for (const text of holidays) {
    const dates = FULL_DATE.test(text)
      ? [DateTime.fromISO(text, { zone: 'utc' })]
      : Array.from({ length: years + 1 }, (_, y) => DateTime.fromISO(`${start.year + y}-${text}`, { zone: 'utc' }));
    for (const date of dates) {
      const day = Math.round(date.diff(start, 'days').days);
      if (date.isValid && day >= 0 && day < horizon) days.push(day);
    }
  }
  return [...new Set(days)].sort((a, b) => a - b);
}

/** `perYear` holidays in each year of the run, evenly spread. */
function evenlySpread(perYear: number, horizon: number): number[] {
  const days: number[] = [];
  if (perYear <= 0) return days;
  for (let year = 0; year * DAYS_PER_YEAR < horizon; year++) {
    for (let k = 0; k < perYear; k++) {
      const day = Math.floor(year * DAYS_PER_YEAR + ((k + 0.5) * DAYS_PER_YEAR) / perYear);
      if (day < horizon) days.push(day);
    }
  }
  return days;
}
