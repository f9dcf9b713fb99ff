/**
 * Lookups that can miss. A validated scenario makes every one of them succeed; when one does
 * not (a bug, or a scenario that skipped validation), it fails here with an Error naming the
 * key and what was looked up, instead of an `undefined` that surfaces far away.
 */

/** The value of `key` in `map`; throws naming the key and `what` it is (e.g. 'activity effort') when absent. */
export function lookup<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`no ${what} "${String(key)}"`);
  return value;
}

/** Whether `key` is an own property of `record` (not one it inherits, such as "toString"). */
export function hasOwn(record: object, key: string): boolean {
  // biome-ignore lint/suspicious/noPrototypeBuiltins: Object.hasOwn is ES2022; notebooks compile the library for ES2020 (test/compat/tslab-compile.test.ts)
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** The entry `key` of a record keyed by id (a scenario's domains, teams, ...); throws like lookup when absent. */
export function entry<V>(record: { readonly [key: string]: V }, key: string, what: string): V {
  const value = hasOwn(record, key) ? record[key] : undefined;
  if (value === undefined) throw new Error(`no ${what} "${key}"`);
  return value;
}
