/**
 * A scenario's timeline as scenarios: each dated change turns the scenario of the day before
 * into the scenario from its day on. The check (timeline-check.ts) validates each of them; the
 * model (model/timeline.ts) runs on each from its day and moves its people to match.
 */
import type { ScenarioIssue } from './issues.js';
import { resolveParameters } from './model-parameters.js';
import { applyOverride } from './set-path.js';
import type { ScenarioSpec, TeamSpec, TimelineChangeSpec } from './scenario-spec.js';

/** The kinds of change; an entry has exactly one. */
export const CHANGE_KINDS = ['hire', 'let_go', 'move', 'set', 'reorganise'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The kind of change an entry makes, or null when it has none or more than one. */
export function changeKind(change: TimelineChangeSpec): ChangeKind | null {
  const kinds = CHANGE_KINDS.filter((k) => change[k] !== undefined);
  return kinds.length === 1 ? kinds[0] : null;
}

/** The roles a change of people is about: `role`, or `roles`. */
export function changedRoles(who: { role?: string; roles?: string[] }): string[] {
  return who.roles ?? (who.role === undefined ? [] : [who.role]);
}

/** The entries in the order they apply: by day, in the file's order on the same day (with their index in the file). */
export function timelineOrder(
  timeline: readonly TimelineChangeSpec[],
): { change: TimelineChangeSpec; index: number }[] {
  return timeline
    .map((change, index) => ({ change, index }))
    .sort((a, b) => a.change.day - b.change.day || a.index - b.index);
}

/** People of `team` who hold exactly `roles` (in any order). */
export function groupCount(team: TeamSpec, roles: readonly string[]): number {
  if (roles.length === 1) {
    const single = team.headcount?.[roles[0]] ?? 0;
    return single + sameGroups(team, roles).reduce((s, g) => s + g.count, 0);
  }
  return sameGroups(team, roles).reduce((s, g) => s + g.count, 0);
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((r) => b.includes(r));

function sameGroups(team: TeamSpec, roles: readonly string[]): NonNullable<TeamSpec['people']> {
  return (team.people ?? []).filter((g) => sameSet(g.roles, roles));
}

/**
 * Adds `delta` people who hold exactly `roles` to `team` (taking them away when negative, from
 * its headcount first for one role), in place.
 */
export function addPeople(team: TeamSpec, roles: readonly string[], delta: number): void {
  if (roles.length === 1 && (delta > 0 || (team.headcount?.[roles[0]] ?? 0) > 0)) {
    const headcount = { ...(team.headcount ?? {}) };
    const now = headcount[roles[0]] ?? 0;
    const taken = Math.max(delta, -now);
    headcount[roles[0]] = now + taken;
    team.headcount = headcount;
    delta -= taken;
  }
  if (delta === 0) return;
  const people = [...(team.people ?? [])].map((g) => ({ ...g }));
  for (const g of people) {
    if (delta === 0) break;
    if (!sameSet(g.roles, roles)) continue;
    const taken = Math.max(delta, -g.count);
    g.count += taken;
    delta -= taken;
  }
  if (delta > 0) people.push({ roles: [...roles], count: delta });
  team.people = people;
}

/**
 * The scenario from the day of `change` on, made from the scenario of the day before: people
 * hired, let go or moved, parameters set, or the teams replaced. Returns the issues of a change
 * that cannot be made (a team that does not exist that day, fewer people than it takes away, a
 * path that leads nowhere), each with its path under `at`.
 */
export function scenarioAfter(
  before: ScenarioSpec,
  change: TimelineChangeSpec,
  at: readonly (string | number)[],
): { spec: ScenarioSpec; issues: ScenarioIssue[] } {
  const spec = structuredClone(before);
  const issues: ScenarioIssue[] = [];
  const err = (path: (string | number)[], message: string, hint?: string) =>
    issues.push({ severity: 'error', path: [...at, ...path], message, ...(hint ? { hint } : {}) });
  const team = (id: string, path: (string | number)[]): TeamSpec | null => {
    const t = spec.teams[id];
    if (t === undefined)
      err(path, `there is no team "${id}" on day ${change.day}`, `teams then: ${Object.keys(spec.teams).join(', ')}`);
    return t ?? null;
  };
  const take = (t: TeamSpec, id: string, roles: string[], count: number, path: (string | number)[]) => {
    const there = groupCount(t, roles);
    if (there < count)
      err(
        path,
        `team ${id} has ${there} ${there === 1 ? 'person who holds' : 'people who hold'} ${roles.join(' + ')} on day ${change.day}, fewer than the ${count} this change takes`,
      );
    else addPeople(t, roles, -count);
  };
  if (change.hire) {
    const t = team(change.hire.team, ['hire', 'team']);
    if (t) addPeople(t, changedRoles(change.hire), change.hire.count);
  } else if (change.let_go) {
    const t = team(change.let_go.team, ['let_go', 'team']);
    if (t) take(t, change.let_go.team, changedRoles(change.let_go), change.let_go.count, ['let_go', 'count']);
  } else if (change.move) {
    const { from, to, count } = change.move;
    const roles = changedRoles(change.move);
    const source = team(from, ['move', 'from']);
    const target = team(to, ['move', 'to']);
    if (source && target) {
      take(source, from, roles, count, ['move', 'count']);
      addPeople(target, roles, count);
    }
  } else if (change.set) {
    // set on the scenario with its defaults written out, so that a field left to its default can change
    const { modelLifetime: _, ...resolved } = structuredClone(resolveParameters({ ...spec, timeline: [] }));
    const target = resolved as unknown as Record<string, unknown>;
    for (const [path, value] of Object.entries(change.set)) {
      const issue = applyOverride(target, { path, value });
      if (issue !== null) err(['set', path], issue.message.replace(/^--set /, ''), issue.hint);
    }
    return { spec: { ...(target as unknown as ScenarioSpec), timeline: spec.timeline }, issues };
  } else if (change.reorganise?.teams) {
    spec.teams = structuredClone(change.reorganise.teams);
  }
  return { spec, issues };
}
