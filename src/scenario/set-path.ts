/**
 * What-ifs by field path: `teams.hub.headcount.ml_engineer=4`. Keys that hold dots (such as
 * `next` targets like `data.discover`) are matched too, and `teams.<team>.<role>` is short
 * for `teams.<team>.headcount.<role>`; an item of a list is named by its position from 0
 * (`teams.small.people.0.count`).
 */
import { parse as parseYaml } from 'yaml';
import type { ScenarioIssue } from './issues.js';
import { hasOwn } from './lookup.js';
import { isPlainObject } from './plain-object.js';
import { TeamSpec } from './scenario-spec.js';

/** One override: a path and the value to set there. */
export interface Override {
  path: string;
  value: unknown;
}

/** Parses `path=value`; the value is read as YAML, so numbers, lists and objects work. */
export function parseOverride(text: string): Override {
  const eq = text.indexOf('=');
  if (eq <= 0)
    throw new OverrideError(
      `expected path=value, got ${JSON.stringify(text)} (e.g. teams.hub.headcount.ml_engineer=4)`,
    );
  const path = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1).trim();
  let value: unknown;
  try {
    value = parseYaml(raw);
  } catch {
    value = raw;
  }
  return { path, value };
}

export class OverrideError extends Error {}

/** The longest key of `node` that matches the parts from `i` on (keys may contain dots), and how many parts it takes. */
function longestKey(node: object, parts: readonly string[], i: number): { key: string | undefined; used: number } {
  for (let n = parts.length - i; n >= 1; n--) {
    const candidate = parts.slice(i, i + n).join('.');
    if (candidate in node) return { key: candidate, used: n };
  }
  return { key: undefined, used: 0 };
}

/** The position `part` names in `list`, or the issue when it names none. */
function listIndex(
  list: readonly unknown[],
  part: string,
  walked: readonly string[],
  override: Override,
): number | ScenarioIssue {
  const index = /^\d+$/.test(part) ? Number(part) : -1;
  if (index >= 0 && index < list.length) return index;
  return {
    severity: 'error',
    path: [...walked, part],
    message: `--set ${override.path}: ${walked.join('.')} is a list of ${list.length}; "${part}" is not a position in it`,
    hint: list.length > 0 ? `use 0 to ${list.length - 1}` : 'the list is empty',
    file: '--set',
  };
}

/**
 * Sets `value` at `path` in `target` (mutating it). Intermediate objects must exist, except
 * the last key, which may be new. Returns an issue when the path does not lead anywhere.
 */
export function applyOverride(target: Record<string, unknown>, override: Override): ScenarioIssue | null {
  const parts = override.path.split('.');
  let node: unknown = target;
  const walked: string[] = [];
  let i = 0;
  while (i < parts.length) {
    if (Array.isArray(node)) {
      // a list's item by its position from 0: teams.small.people.0.count
      const index = listIndex(node, parts[i], walked, override);
      if (typeof index !== 'number') return index;
      if (i === parts.length - 1) {
        node[index] = override.value;
        return null;
      }
      walked.push(parts[i]);
      node = node[index];
      i++;
      continue;
    }
    if (!isPlainObject(node)) {
      return {
        severity: 'error',
        path: walked,
        message: `--set ${override.path}: ${walked.join('.')} is not an object`,
        file: '--set',
      };
    }
    let { key, used } = longestKey(node, parts, i);
    const isLast = (k: string | undefined, n: number) => k !== undefined && i + n === parts.length;
    if (key === undefined) {
      // shorthand: teams.<team>.<role> means teams.<team>.headcount.<role> (a team's own field, such as
      // name or serves, is set on the team)
      if (
        walked.length === 2 &&
        walked[0] === 'teams' &&
        (isPlainObject(node.headcount) || node.headcount === undefined) &&
        i === parts.length - 1 &&
        !hasOwn(TeamSpec.properties, parts[i])
      ) {
        node.headcount ??= {};
        node = node.headcount;
        walked.push('headcount');
        continue;
      }
      if (i === parts.length - 1) {
        key = parts[i];
        used = 1;
      } else {
        return {
          severity: 'error',
          path: [...walked, parts[i]],
          message: `--set ${override.path}: there is no "${parts[i]}" under ${walked.length ? walked.join('.') : 'the top level'}`,
          hint: `known: ${Object.keys(node).join(', ')}`,
          file: '--set',
        };
      }
    }
    if (isLast(key, used)) {
      node[key] = override.value;
      return null;
    }
    walked.push(key);
    node = node[key];
    i += used;
  }
  return null;
}
