/**
 * A mapping file: how to read a history whose columns and names are the tracker's own. YAML
 * with up to three maps of names to names: `columns` (field: the file's column), `activities`
 * and `roles` (the file's name: the name to use; several to one merges them).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { columnMapping, type HistoryField } from './history-columns.js';

/** A mapping file that cannot be read or is not a mapping; the message says which. */
export class MappingError extends Error {}

export interface HistoryMapping {
  columns?: Partial<Record<HistoryField, string>>;
  activities?: Record<string, string>;
  roles?: Record<string, string>;
}

const SECTIONS = ['columns', 'activities', 'roles'];

/** Reads and checks a mapping file; an unknown field in `columns` is a ColumnError, anything else wrong a MappingError. */
export function readHistoryMapping(file: string): HistoryMapping {
  let parsed: unknown;
  try {
    parsed = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new MappingError((error as Error).message);
  }
  const namesToNames = (x: unknown): boolean =>
    x === undefined || (typeof x === 'object' && x !== null && Object.values(x).every((v) => typeof v === 'string'));
  const m = (parsed ?? {}) as Record<string, Record<string, string> | undefined>;
  const unknown = Object.keys(m).filter((k) => !SECTIONS.includes(k));
  if (typeof m !== 'object' || unknown.length > 0 || !SECTIONS.every((k) => namesToNames(m[k])))
    throw new MappingError(
      `expected columns, activities and roles, each a map of names to names (e.g. columns: { case: Key }); ${unknown.length > 0 ? `unknown: ${unknown.join(', ')}` : 'a value is not text'}`,
    );
  return {
    ...(m.columns !== undefined ? { columns: columnMapping(Object.entries(m.columns)) } : {}),
    ...(m.activities !== undefined ? { activities: m.activities } : {}),
    ...(m.roles !== undefined ? { roles: m.roles } : {}),
  };
}
