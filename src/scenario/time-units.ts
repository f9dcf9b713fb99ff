/**
 * The calendar every part of orgflow counts in: the clock runs in calendar days, demand and
 * maintenance rates are per month, costs and throughput per year, trends per quarter.
 */
export const DAYS_PER_YEAR = 365;
export const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;
export const DAYS_PER_QUARTER = DAYS_PER_YEAR / 4;
