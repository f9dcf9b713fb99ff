/**
 * Names as a reader says them, from a scenario's own display names: "data engineers in the
 * Marketing spoke" rather than "data_engineers in marketing_spoke". A team or role without a
 * `name` is named from its id, with its home domain's name where the id starts with it.
 */
import type { ScenarioSpec } from './scenario-spec.js';

/** An id in words: underscores and dashes as spaces, `ml` and `ai` as ML and AI. */
export function idInWords(id: string): string {
  return id
    .replace(/[_-]+/g, ' ')
    .replace(/\bml\b/gi, 'ML')
    .replace(/\bai\b/gi, 'AI')
    .trim();
}

/** A display name inside a sentence: its first letter lower-cased unless the first word is an acronym (ML engineer). */
function inSentence(name: string): string {
  const first = name.split(/\s/)[0];
  return first.length > 1 && first === first.toUpperCase() ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

/** The people of a role in a sentence, plural: "data engineers", "ML engineers", "SMEs". */
export function rolePeople(spec: Pick<ScenarioSpec, 'roles'>, role: string): string {
  if (role === 'sme') return 'SMEs';
  const name = inSentence(spec.roles[role]?.name ?? idInWords(role));
  if (/(s|sh|ch|x)$/.test(name)) return `${name}es`;
  return /[^aeiou]y$/.test(name) ? `${name.slice(0, -1)}ies` : `${name}s`;
}

/**
 * People of a group in a sentence: "ML engineers" for one role; "people who are both data
 * engineer and analytics engineer" for two; "people who are data engineer, analytics engineer
 * and platform engineer" for more.
 */
export function groupPeople(spec: Pick<ScenarioSpec, 'roles'>, roles: readonly string[]): string {
  if (roles.length === 1) return rolePeople(spec, roles[0]);
  const names = roles.map((r) => (r === 'sme' ? 'SME' : inSentence(spec.roles[r]?.name ?? idInWords(r))));
  const list = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `people who are ${roles.length === 2 ? 'both ' : ''}${list}`;
}

/** One person of a group in a sentence: "ML engineer", "person who is both data engineer and analytics engineer". */
export function groupPerson(spec: Pick<ScenarioSpec, 'roles'>, roles: readonly string[]): string {
  if (roles.length === 1)
    return roles[0] === 'sme' ? 'SME' : inSentence(spec.roles[roles[0]]?.name ?? idInWords(roles[0]));
  return groupPeople(spec, roles).replace(/^people who are/, 'person who is');
}

/** A team as a sentence names it: "the Marketing spoke", "the Central data & AI team". */
export function teamInSentence(spec: Pick<ScenarioSpec, 'teams' | 'domains'>, team: string): string {
  const t = spec.teams[team];
  if (t?.name) return `the ${t.name}`;
  const home = t?.home;
  const domainName = home === undefined ? undefined : spec.domains[home]?.name;
  if (home !== undefined && domainName !== undefined && team.startsWith(home))
    return `the ${domainName}${idInWords(team.slice(home.length)) ? ` ${idInWords(team.slice(home.length))}` : ''}`;
  return `the ${idInWords(team)}`;
}

/** Domain or use-case type id -> its display name, from the scenarios that give one (the first wins). */
export function displayNames(
  specs: readonly Pick<ScenarioSpec, 'domains' | 'use_case_types'>[],
  by: 'domain' | 'type',
): Record<string, string> {
  const names: Record<string, string> = {};
  for (const spec of specs)
    for (const [id, x] of Object.entries(by === 'domain' ? spec.domains : spec.use_case_types))
      if (x.name !== undefined) names[id] ??= x.name;
  return names;
}
