/**
 * The check of a scenario's timeline: each entry makes exactly one change, names declared
 * roles and teams there on its day, takes away no more people than a team has then, sets only
 * what can change during a run, and leaves a scenario that is itself valid (every activity
 * still has a team that serves it). Errors point at the entry's field; the scenario of the day
 * is checked in full, its issues named with the day.
 */
import { suggestion } from './closest.js';
import type { ScenarioIssue } from './issues.js';
import { formatPath } from './issues.js';
import type { ModelParameters } from './model-parameters.js';
import { SME_ROLE, type ScenarioSpec, type TimelineChangeSpec } from './scenario-spec.js';
import { CHANGE_KINDS, changedRoles, changeKind, scenarioAfter, timelineOrder } from './timeline-changes.js';

/**
 * What `set` may change during a run, as patterns of field paths: parameters the model reads as
 * it goes. People change by hire, let_go, move and reorganise; demand, the calendar, time off
 * and the shape of the workflow stay as the scenario starts.
 */
const SETTABLE: readonly RegExp[] = [
  /^handovers(\.|$)/,
  /^management(\.|$)/,
  /^maintenance\.(incidents_per_model_per_month|effort|urgent|lifetime_days)(\.|$)/,
  /^workflow\.iterations(\.|$)/,
  /^workflow\.loops\.[^.]+\.activities\.[^.]+\.(effort|next)(\.|$)/,
  /^use_case_types\.[^.]+\.(effort_scale|priority|value_per_year)(\.|$)/,
  /^domains\.[^.]+\.sme\.availability$/,
  /^teams\.[^.]+\.(effort_multiplier|cost_per_year|serves)(\.|$)/,
  /^roles\.[^.]+\.cost_per_year$/,
  /^learning(\.|$)/,
];

const SETTABLE_HINT =
  'a timeline can set handovers, management, maintenance rates and efforts, workflow efforts and next steps, iterations, use-case types (effort_scale, priority, value_per_year), domains.<d>.sme.availability, teams.<t>.effort_multiplier, cost_per_year and serves, roles.<r>.cost_per_year, learning; people change with hire, let_go, move or reorganise';

type Report = (issue: ScenarioIssue) => void;

/**
 * Every issue of the timeline of `spec` (resolved as `p`), each day's scenario checked with
 * `check`; the scenario itself is checked elsewhere.
 */
export function timelineIssues(spec: ScenarioSpec, p: ModelParameters, check: ScenarioCheck): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const report: Report = (issue) => issues.push(issue);
  let current: ScenarioSpec = { ...spec, timeline: [] };
  // a warning the scenario gives from the start is not repeated for each day
  const known = new Set(check(current).map(issueKey));
  for (const { change, index } of timelineOrder(spec.timeline ?? [])) {
    const at = ['timeline', index];
    if (change.day >= p.horizon_days)
      report({
        severity: 'warning',
        path: [...at, 'day'],
        message: `day ${change.day} is not before the horizon (${p.horizon_days} days): this change never happens`,
      });
    if (!entryIsSound(change, at, Object.keys(p.roles), report)) continue;
    const after = scenarioAfter(current, change, at);
    if (after.issues.length > 0) {
      for (const issue of after.issues) report(issue);
      continue;
    }
    const day = scenarioOfDay(after.spec, change, at, check, known);
    for (const issue of day) report(issue);
    // a change that leaves an invalid scenario is not built on: the next entries are checked against the last valid day
    if (!day.some((i) => i.severity === 'error')) current = after.spec;
  }
  return issues;
}

/** Whether the entry makes exactly one change that names declared roles (reporting why not). */
function entryIsSound(
  change: TimelineChangeSpec,
  at: (string | number)[],
  roles: readonly string[],
  report: Report,
): boolean {
  const kind = changeKind(change);
  if (kind === null) {
    const given = CHANGE_KINDS.filter((k) => change[k] !== undefined);
    report({
      severity: 'error',
      path: at,
      message:
        given.length === 0
          ? 'a timeline entry makes no change'
          : `a timeline entry makes one change, this one makes ${given.length}: ${given.join(', ')}`,
      hint: `give exactly one of ${CHANGE_KINDS.join(', ')} (several changes on one day are several entries)`,
    });
    return false;
  }
  if (kind === 'set') return settable(change.set ?? {}, [...at, 'set'], report);
  if (kind === 'move' && change.move?.from === change.move?.to) {
    report({
      severity: 'error',
      path: [...at, 'move', 'to'],
      message: `a move from team ${change.move?.from} to itself changes nothing`,
    });
    return false;
  }
  if (kind === 'reorganise') {
    if (change.reorganise?.teams !== undefined && change.reorganise.teams_from !== undefined) {
      report({
        severity: 'error',
        path: [...at, 'reorganise'],
        message: 'give the teams a reorganisation switches to once: teams, or teams_from, not both',
      });
      return false;
    }
    if (change.reorganise?.teams !== undefined) return true;
    report({
      severity: 'error',
      path: [...at, 'reorganise'],
      message:
        change.reorganise?.teams_from !== undefined
          ? 'teams_from is read when the scenario is loaded from its file; a scenario built in code gives teams'
          : 'a reorganisation needs the teams it switches to: teams, or teams_from (a scenario file)',
    });
    return false;
  }
  const who = change[kind] as { role?: string; roles?: string[] };
  return rolesAreSound(who, [...at, kind], roles, report);
}

/** One of role and roles, naming declared roles (not the experts'), each once. */
function rolesAreSound(
  who: { role?: string; roles?: string[] },
  at: (string | number)[],
  roles: readonly string[],
  report: Report,
): boolean {
  if ((who.role === undefined) === (who.roles === undefined)) {
    report({
      severity: 'error',
      path: at,
      message: 'give the people by role (one role) or by roles (people who hold several), not both or neither',
    });
    return false;
  }
  let sound = true;
  for (const [j, role] of changedRoles(who).entries()) {
    const path = who.role !== undefined ? [...at, 'role'] : [...at, 'roles', j];
    const unknown = !roles.includes(role);
    const twice = !unknown && changedRoles(who).indexOf(role) !== j;
    if (unknown || twice) {
      sound = false;
      report({
        severity: 'error',
        path,
        message: unknown ? `unknown role "${role}"` : `role "${role}" is listed twice`,
        ...(unknown
          ? { hint: role === SME_ROLE ? 'subject-matter experts belong to domains' : suggestion(role, roles) }
          : {}),
      });
    }
  }
  return sound;
}

/** Whether every path of a `set` is one a run can change (reporting those it cannot). */
function settable(set: Record<string, unknown>, at: (string | number)[], report: Report): boolean {
  let sound = true;
  for (const path of Object.keys(set)) {
    if (SETTABLE.some((pattern) => pattern.test(path))) continue;
    sound = false;
    report({
      severity: 'error',
      path: [...at, path],
      message: `${path} cannot change during a run`,
      hint: SETTABLE_HINT,
    });
  }
  return sound;
}

const issueKey = (issue: ScenarioIssue): string => `${formatPath(issue.path)} ${issue.message}`;

/** A check of a whole scenario (validate.ts gives its own: the timeline check runs inside it). */
export type ScenarioCheck = (spec: ScenarioSpec) => ScenarioIssue[];

/** The scenario from the change's day, checked in full: its issues, named with the day, at the entry. */
function scenarioOfDay(
  spec: ScenarioSpec,
  change: TimelineChangeSpec,
  at: (string | number)[],
  check: ScenarioCheck,
  known: Set<string>,
): ScenarioIssue[] {
  const fresh = check(spec).filter((issue) => issue.severity === 'error' || !known.has(issueKey(issue)));
  for (const issue of fresh) known.add(issueKey(issue));
  return fresh.map((issue) => ({
    ...issue,
    path: at,
    message: `from day ${change.day} (after this change), at ${formatPath(issue.path)}: ${issue.message}`,
  }));
}
