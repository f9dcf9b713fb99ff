/**
 * From effort to elapsed time. Effort is in person-days of focused work; the clock is in
 * calendar days. A person works `workingDaysPerWeek` days in 7 and loses a share of every
 * day to coordination; a subject-matter expert has only a share of their time for AI work.
 */
export interface WorkingRate {
  /** Working days per week (1 to 7). */
  workingDaysPerWeek: number;
  /** Share of capacity spent on coordination, in [0, 1). */
  coordinationOverhead: number;
}

/** Calendar days that `effort` person-days take at this rate and `availability` (1 = full time). */
export function elapsedDays(effort: number, rate: WorkingRate, availability = 1): number {
  return (effort * 7) / rate.workingDaysPerWeek / (1 - rate.coordinationOverhead) / availability;
}
