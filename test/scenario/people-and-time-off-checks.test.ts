/**
 * What the scenario check says of people who hold several roles, public holidays and absence:
 * roles of a group declared and listed once, holiday dates that are dates with the date of day
 * 0 to count them from, and a capacity check that counts shared people together and the time
 * people are away.
 */
import { describe, expect, it } from 'vitest';
import { holidayDateProblem, holidayDays, scenarioDate } from '../../src/scenario/holidays.js';
import { resolveParameters, ScenarioError, validateScenario, type ScenarioSpec } from '../../src/scenario/index.js';
import { scenarioIssues } from '../../src/scenario/validate.js';
import { mmcScenario, twoRoleScenario } from '../support/small-scenarios.js';

const PER_DAY = [0.5, 0.3] as const;

describe('holiday dates', () => {
  it('reads a date of the calendar, and says why a text is no holiday', () => {
    expect(scenarioDate('2027-01-04')?.toISODate()).toBe('2027-01-04');
    expect(scenarioDate('2027-02-30')).toBeNull();
    expect(scenarioDate('04/01/2027')).toBeNull();
    expect(holidayDateProblem('12-25')).toBeNull();
    expect(holidayDateProblem('2027-12-25')).toBeNull();
    expect(holidayDateProblem('02-29')).toBeNull();
    expect(holidayDateProblem('13-01')).toBe('"13-01" is no day of the year');
    expect(holidayDateProblem('2027-13-01')).toBe('"2027-13-01" is no date of the calendar');
    expect(holidayDateProblem('Christmas')).toBe(
      '"Christmas" is neither a date (2027-12-25) nor a month and day (12-25)',
    );
  });

  it('gives no holiday for none, and a 29 February only in leap years', () => {
    const calendar = (holidays: number | string[]) =>
      resolveParameters({
        ...mmcScenario(1, 0.1, 1, 800, 0),
        calendar: { working_days_per_week: 5, holidays, start_date: '2027-01-01' },
      }).calendar;
    expect(holidayDays(calendar(0), 800)).toEqual([]);
    expect(holidayDays(calendar([]), 800)).toEqual([]);
    // 2028 is a leap year: day 424 is 29 February 2028
    expect(holidayDays(calendar(['02-29']), 800)).toEqual([424]);
    expect(holidayDays(calendar(['01-01', '2027-01-01']), 800)).toEqual([0, 365, 731]);
  });
});

describe('public holidays', () => {
  const calendar = (holidays: number | string[], start?: string) =>
    resolveParameters({
      ...mmcScenario(1, 0.1, 1, 800, 0),
      calendar: { working_days_per_week: 5, holidays, ...(start ? { start_date: start } : {}) },
    }).calendar;

  it('as a count a year, spread evenly through each year', () => {
    expect(holidayDays(calendar(4), 800)).toEqual([45, 136, 228, 319, 410, 501, 593, 684, 775]);
  });

  it('as dates from the date of day 0: a full date once, a month and day every year', () => {
    expect(holidayDays(calendar(['2027-01-11', '12-25', '2026-12-25'], '2027-01-04'), 800)).toEqual([7, 355, 721]);
  });

  it('need the date of day 0 when given as dates, and real dates', () => {
    const issues = (holidays: string[], start?: string) =>
      scenarioIssues({
        ...mmcScenario(1, 0.1, 1, 800, 0),
        calendar: { working_days_per_week: 5, holidays, ...(start ? { start_date: start } : {}) },
      })
        .filter((i) => i.severity === 'error')
        .map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues(['12-25'])).toEqual(['calendar.holidays: holidays given as dates need the date of day 0']);
    expect(issues(['02-30'], '2027-01-04')).toEqual(['calendar.holidays.0: "02-30" is no day of the year']);
    expect(issues(['2027-02-29'], '2027-01-04')).toEqual([
      'calendar.holidays.0: "2027-02-29" is no date of the calendar',
    ]);
    expect(issues(['12-25'], '2027-13-01')).toEqual(['calendar.start_date: "2027-13-01" is no date of the calendar']);
    expect(issues(['Christmas'], '2027-01-04').join()).toMatch(/holidays\.0/);
  });
});

describe('the checks on people who hold several roles', () => {
  const withGroup = (roles: string[]): unknown => {
    const spec = twoRoleScenario(true, PER_DAY, 3_000, 300) as ScenarioSpec & { teams: { t: { people: unknown } } };
    spec.teams.t.people = [{ roles, count: 2 }];
    return spec;
  };

  it('an unknown role, the SMEs, or a role listed twice is an error at the role', () => {
    const messages = (roles: string[]) =>
      scenarioIssues(withGroup(roles))
        .filter((i) => i.severity === 'error')
        .map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages(['a', 'c', 'b'])).toContain('teams.t.people.0.roles.1: unknown role "c"');
    expect(messages(['a', 'sme', 'b']).join()).toContain('teams.t.people.0.roles.1: unknown role "sme"');
    expect(messages(['a', 'b', 'a'])).toContain('teams.t.people.0.roles.2: role "a" is listed twice in this group');
    expect(() => validateScenario(withGroup(['a', 'c']))).toThrow(ScenarioError);
  });

  it('warns when the shared people cannot keep up with their roles together, though each role alone could', () => {
    // 1.1 person-days a day of each role on two people who hold both: each role alone needs 55%
    // of their time, both together 110%
    const spec = twoRoleScenario(true, [1.1, 1.1], 3_000, 300);
    const warnings = scenarioIssues(spec).filter((i) => i.severity === 'warning');
    expect(warnings.map((w) => w.path.join('.'))).toEqual(['teams.t.people']);
    expect(warnings[0].message).toMatch(/2 people of team t who hold a, b share their time: .*110%/);
    const fine = twoRoleScenario(true, [0.8, 0.8], 3_000, 300);
    expect(scenarioIssues(fine).filter((i) => i.severity === 'warning')).toEqual([]);
  });

  it('a role held only by people of a group makes its team eligible for it', () => {
    expect(() => validateScenario(twoRoleScenario(true, PER_DAY, 3_000, 300))).not.toThrow();
    const noB = twoRoleScenario(true, PER_DAY, 3_000, 300) as ScenarioSpec;
    noB.teams.t = { home: 'centre', people: [{ roles: ['a'], count: 2 }] };
    expect(scenarioIssues(noB).some((i) => /needs a b, but no team/.test(i.message))).toBe(true);
  });
});

describe('the capacity check with time off', () => {
  it('counts absence and holidays in the capacity check: people away cannot take the work', () => {
    const warnings = (share: number, holidays = 0) => {
      const spec = structuredClone(mmcScenario(1, 0.85, 1, 2_000, 100)) as ScenarioSpec;
      spec.roles.server = { absence: share };
      spec.calendar = { working_days_per_week: 7, holidays };
      return scenarioIssues(spec)
        .filter((i) => i.severity === 'warning')
        .map((i) => i.message);
    };
    expect(warnings(0)).toEqual([]);
    expect(warnings(0.2)[0]).toMatch(/expected utilisation of server in team t is 106%/);
    expect(warnings(0, 60)[0]).toMatch(/expected utilisation of server in team t is 10\d%/);
  });
});
