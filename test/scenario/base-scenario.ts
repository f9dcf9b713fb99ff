/** A small valid scenario built in code, for tests that change one field of it. */
import type { ScenarioSpec } from '../../src/scenario/index.js';
import { formatPath, type ScenarioIssue } from '../../src/scenario/index.js';

/**
 * One domain (sales) asking for 2 reports a month, one central team (2 analysts, 1 engineer),
 * two loops: build (draft -> check, which loops back to draft with 0.2) and ship (deploy -> live).
 */
export function baseScenario(): ScenarioSpec {
  return {
    name: 'base',
    horizon_days: 400,
    roles: { analyst: {}, engineer: {} },
    domains: { sales: { demand: { report: 2 }, sme: { people: 1, availability: 0.5 } } },
    use_case_types: { report: {} },
    teams: { core: { home: 'centre', headcount: { analyst: 2, engineer: 1 } } },
    workflow: {
      start: 'build.draft',
      loops: {
        build: {
          activities: {
            draft: { role: 'analyst', effort: 1, next: { check: 1 } },
            check: { role: 'analyst', effort: 1, next: { draft: 0.2, 'ship.deploy': 0.8 } },
          },
        },
        ship: { activities: { deploy: { role: 'engineer', effort: 1, next: { live: 1 } } } },
      },
    },
  };
}

/** An issue as one line: `path: message | hint`. */
export function line(issue: ScenarioIssue): string {
  return `${formatPath(issue.path)}: ${issue.message}${issue.hint !== undefined ? ` | ${issue.hint}` : ''}`;
}

/** The errors among `issues`, one line each. */
export const errorLines = (issues: readonly ScenarioIssue[]): string[] =>
  issues.filter((i) => i.severity === 'error').map(line);

/** The warnings among `issues`, one line each. */
export const warningLines = (issues: readonly ScenarioIssue[]): string[] =>
  issues.filter((i) => i.severity === 'warning').map(line);
