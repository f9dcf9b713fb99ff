/**
 * A history's names made into the ids a scenario needs, once, before anything is fitted:
 * domains, types, teams and roles as ids (names that differ only in case or punctuation are one
 * and the same, and said so), every activity as `loop.activity` (its loop from the file's loop
 * column, else one loop; two names that would collide kept apart by a suffix), and a role on
 * every row: the file's, else the commonest of its activity, else one found by grouping people
 * who do the same activities.
 */
import { discoverRoles } from './fit-organisation.js';
import { CLARIFICATION, DEFAULT_LOOP, idOf } from './fit-workflow.js';
import type { ActivityInstance, History, HistoryCase } from './history.js';

/** Words a workflow uses for its ends: an activity may not take them as its id. */
const RESERVED = new Set(['live', 'abandon']);

/** Maps names to ids, noting the names that became one. */
class IdMap {
  private readonly ids = new Map<string, string>();
  private readonly names = new Map<string, string[]>();
  constructor(private readonly what: string) {}

  idOf(name: string): string {
    const known = this.ids.get(name);
    if (known !== undefined) return known;
    const id = idOf(name);
    this.ids.set(name, id);
    const list = this.names.get(id) ?? this.names.set(id, []).get(id);
    list?.push(name);
    return id;
  }

  /** A note for every id that several names became. */
  notes(): string[] {
    return [...this.names]
      .filter(([, names]) => names.length > 1)
      .map(([id, names]) => `${this.what} ${names.map((n) => JSON.stringify(n)).join(', ')} are taken as one: ${id}`);
  }
}

/** Activity names as `loop.activity` keys, unique: a name whose id another name already took gets a suffix. */
class ActivityKeys {
  private readonly keys = new Map<string, string>();
  private readonly taken = new Set<string>();
  readonly notes: string[] = [];

  keyOf(name: string, loopName: string): string {
    if (name === CLARIFICATION) return CLARIFICATION;
    const known = this.keys.get(`${loopName}\u0000${name}`);
    if (known !== undefined) return known;
    const loop = loopName === '' ? DEFAULT_LOOP : idOf(loopName);
    // orgflow's own logs name activities loop.activity beside their loop column
    const bare = loopName !== '' && name.startsWith(`${loopName}.`) ? name.slice(loopName.length + 1) : name;
    let id = idOf(bare);
    if (RESERVED.has(id)) id = `${id}_activity`;
    let key = `${loop}.${id}`;
    for (let k = 2; this.taken.has(key); k++) key = `${loop}.${id}_${k}`;
    if (key !== `${loop}.${idOf(bare)}`)
      this.notes.push(`activity ${JSON.stringify(name)} is ${key} (its plain id was taken or is a reserved word)`);
    this.taken.add(key);
    this.keys.set(`${loopName}\u0000${name}`, key);
    return key;
  }
}

/** The commonest non-empty role of each activity (by key). */
function rolesByActivity(history: History): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const c of history.cases)
    for (const a of c.activities) {
      if (a.role === '') continue;
      const m = counts.get(a.activity) ?? counts.set(a.activity, new Map()).get(a.activity);
      m?.set(a.role, (m.get(a.role) ?? 0) + 1);
    }
  return new Map(
    [...counts].map(([activity, m]) => [activity, [...m].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0][0]]),
  );
}

/**
 * `history` with its names as ids and a role on every row; `notes` gets what was merged,
 * renamed or found. With `inPlace` the history's own cases and activities are renamed (no
 * copy: for large files, when the caller no longer needs the file's names); otherwise it is
 * left as it was.
 */
export function normalise(history: History, notes: string[], inPlace = false): History {
  const domains = new IdMap('domains');
  const types = new IdMap('use-case types');
  const teams = new IdMap('teams');
  const roles = new IdMap('roles');
  const keys = new ActivityKeys();
  const renameActivity = (a: ActivityInstance): ActivityInstance => {
    const activity = keys.keyOf(a.activity, a.loop);
    const names = {
      activity,
      // the loop as an id too, so that a history normalised once normalises to itself
      loop: activity === CLARIFICATION ? a.loop : activity.slice(0, activity.indexOf('.')),
      team: teams.idOf(a.team),
      role: a.role === '' ? '' : roles.idOf(a.role),
    };
    return inPlace ? Object.assign(a, names) : { ...a, ...names };
  };
  const renameCase = (c: HistoryCase): HistoryCase => {
    const names = { domain: domains.idOf(c.domain), type: types.idOf(c.type) };
    if (!inPlace) return { ...c, ...names, activities: c.activities.map(renameActivity) };
    for (const a of c.activities) renameActivity(a);
    return Object.assign(c, names);
  };
  const renamed: History = { ...history, cases: history.cases.map(renameCase) };
  notes.push(...domains.notes(), ...types.notes(), ...teams.notes(), ...roles.notes(), ...keys.notes);
  return withRoles(renamed, notes, inPlace);
}

/** A role on every row: the file's; else the commonest of its activity; else found by grouping people (see discoverRoles). */
function withRoles(history: History, notes: string[], inPlace: boolean): History {
  const byActivity = rolesByActivity(history);
  const missing = history.cases.reduce((n, c) => n + c.activities.filter((a) => a.role === '').length, 0);
  if (missing === 0) return history;
  const discovered = byActivity.size === 0 ? discoverRoles(history) : new Map<string, string>();
  if (byActivity.size === 0 && discovered.size === 0)
    notes.push('no role or person column: each activity is given a role of its own');
  else if (byActivity.size === 0)
    notes.push(
      `no role column: ${new Set(discovered.values()).size} roles found by grouping people who do the same activities`,
    );
  else notes.push(`${missing} rows with no role take the commonest role of their activity`);
  const roleOf = (a: ActivityInstance): string =>
    a.role !== ''
      ? a.role
      : (byActivity.get(a.activity) ??
        discovered.get(a.resource) ??
        `${idOf(a.activity.slice(a.activity.indexOf('.') + 1))}_role`);
  if (inPlace) {
    for (const c of history.cases) for (const a of c.activities) a.role = roleOf(a);
    return history;
  }
  return {
    ...history,
    cases: history.cases.map((c) => ({ ...c, activities: c.activities.map((a) => ({ ...a, role: roleOf(a) })) })),
  };
}
