/**
 * What an optimisation may change: how many people each group of a team has (a role, or a
 * set of roles people hold together), each within bounds, in one or more structures (scenario
 * files). The people not varied stay as the file has them; cost and headcount of a design are
 * known without simulating it.
 */
import {
  groupCost,
  groupPeople,
  groupPerson,
  personCost,
  personGroups,
  resolveParameters,
  teamInSentence,
  type ScenarioSpec,
} from '../scenario/index.js';
import { hasOwn } from '../scenario/lookup.js';
import { OptimiseInputError } from './optimise-input-error.js';

/** `teams.hub.ml_engineer=2..8` as given: a path and its bounds. */
export interface VariableRange {
  path: string;
  min: number;
  max: number;
}

/** One group of people whose count the search chooses. */
export interface DecisionVariable {
  /** Where the count is in the scenario, e.g. teams.hub.headcount.ml_engineer or teams.small.people.0.count. */
  path: string;
  team: string;
  roles: readonly string[];
  /** "ML engineers". */
  people: string;
  /** "ML engineer". */
  person: string;
  /** "the Central data & AI team". */
  inTeam: string;
  min: number;
  max: number;
  /** The count the structure's file gives. */
  base: number;
  /** What one person of the group costs a year. */
  costPerPerson: number;
}

/** A structure to staff: a scenario and the groups the search may change in it. */
export interface Structure {
  name: string;
  spec: ScenarioSpec;
  /** The file it was loaded from (its design files extend it), when there is one. */
  file?: string;
  variables: DecisionVariable[];
  /** People of the groups that are not varied, and what they cost a year. */
  fixedPeople: number;
  fixedCost: number;
}

const RANGE = /^(.+?)\s*=\s*(\d+)\s*\.\.\s*(\d+)$/;

/** Parses `teams.hub.ml_engineer=2..8` (whole numbers, min <= max). */
export function parseRange(text: string, where = '--vary'): VariableRange {
  const m = RANGE.exec(text.trim());
  if (m === null)
    throw new OptimiseInputError(
      `${where}: expected path=min..max with whole numbers, got "${text}" (e.g. teams.hub.ml_engineer=2..8)`,
    );
  const [min, max] = [Number(m[2]), Number(m[3])];
  if (min > max)
    throw new OptimiseInputError(`${where} ${text}: the lower bound ${min} is above the upper bound ${max}`);
  return { path: m[1].trim(), min, max };
}

/** The ways a path may name a group: its field (teams.t.headcount.r, teams.t.people.0.count) or teams.t.<role or roles joined by +>. */
function namesOf(team: string, field: readonly (string | number)[], label: string): string[] {
  const names = [['teams', team, ...field].join('.'), `teams.${team}.${label}`];
  if (field[0] === 'people') names.push(['teams', team, ...field.slice(0, 2)].join('.'));
  return names;
}

/** Default bounds of a group of `n` people when no range is given: from half (at least 1) to double. */
export function defaultBounds(n: number): { min: number; max: number } {
  return { min: Math.max(1, Math.ceil(n / 2)), max: Math.max(2 * n, n + 1) };
}

/**
 * The structure of a scenario: its groups named by `ranges` (every group with people, at
 * default bounds, when `ranges` is null). Returns the ranges it used, for the caller to check
 * that each named some group of some structure.
 */
export function structureOf(
  scenario: { name: string; spec: ScenarioSpec; file?: string },
  ranges: readonly VariableRange[] | null,
): { structure: Structure; used: Set<VariableRange> } {
  const parameters = resolveParameters(scenario.spec);
  const variables: DecisionVariable[] = [];
  const used = new Set<VariableRange>();
  let fixedPeople = 0;
  let fixedCost = 0;
  for (const [team, t] of Object.entries(parameters.teams)) {
    for (const group of personGroups(t)) {
      const cost = groupCost(parameters, t, group);
      const names = namesOf(team, group.field, group.label);
      const range = ranges === null ? undefined : ranges.find((r) => names.includes(r.path));
      const bounds = range ?? (ranges === null && group.count > 0 ? defaultBounds(group.count) : undefined);
      if (range !== undefined) used.add(range);
      if (bounds === undefined) {
        fixedPeople += group.count;
        fixedCost += group.count * cost;
        continue;
      }
      variables.push({
        path: names[0],
        team,
        roles: group.roles,
        people: groupPeople(scenario.spec, group.roles),
        person: groupPerson(scenario.spec, group.roles),
        inTeam: teamInSentence(scenario.spec, team),
        min: bounds.min,
        max: bounds.max,
        base: group.count,
        costPerPerson: cost,
      });
    }
  }
  // a role a team does not have yet: teams.<team>.<role> or teams.<team>.headcount.<role>
  for (const range of ranges ?? []) {
    const [teams, team, ...rest] = range.path.split('.');
    const role = rest[rest.length - 1];
    const t = parameters.teams[team];
    const shape = rest.length === 1 || (rest.length === 2 && rest[0] === 'headcount');
    if (used.has(range) || teams !== 'teams' || t === undefined || !shape || !hasOwn(parameters.roles, role)) continue;
    if (variables.some((v) => v.path === `teams.${team}.headcount.${role}`)) continue;
    used.add(range);
    variables.push({
      path: `teams.${team}.headcount.${role}`,
      team,
      roles: [role],
      people: groupPeople(scenario.spec, [role]),
      person: groupPerson(scenario.spec, [role]),
      inTeam: teamInSentence(scenario.spec, team),
      min: range.min,
      max: range.max,
      base: 0,
      costPerPerson: personCost(parameters, t, role),
    });
  }
  const structure = { name: scenario.name, spec: scenario.spec, variables, fixedPeople, fixedCost };
  return { structure: scenario.file === undefined ? structure : { ...structure, file: scenario.file }, used };
}

/** The structures of `scenarios`; throws when a range names no group of any of them. */
export function structuresOf(
  scenarios: readonly { name: string; spec: ScenarioSpec; file?: string }[],
  ranges: readonly VariableRange[] | null,
): Structure[] {
  const used = new Set<VariableRange>();
  const structures = scenarios.map((s) => {
    const r = structureOf(s, ranges);
    for (const u of r.used) used.add(u);
    return r.structure;
  });
  const unused = (ranges ?? []).find((r) => !used.has(r));
  if (unused !== undefined) {
    const team = Object.keys(structures[0]?.spec.teams ?? {})[0] ?? 'central';
    throw new OptimiseInputError(
      `--vary ${unused.path}: names no group of people in ${structures.map((s) => s.name).join(', ')} (write teams.<team>.<role>, teams.<team>.headcount.<role> or teams.<team>.people.<n>.count, e.g. teams.${team}.ml_engineer=2..8)`,
    );
  }
  return structures;
}

/** People in a design of `structure` with these counts of its variables. */
export function peopleIn(structure: Structure, values: readonly number[]): number {
  return values.reduce((sum, x) => sum + x, structure.fixedPeople);
}

/** What a design of `structure` costs a year. */
export function costOf(structure: Structure, values: readonly number[]): number {
  return values.reduce((sum, x, i) => sum + x * structure.variables[i].costPerPerson, structure.fixedCost);
}

/** The counts the structure's file gives its variables. */
export const baseValues = (structure: Structure): number[] => structure.variables.map((v) => v.base);
