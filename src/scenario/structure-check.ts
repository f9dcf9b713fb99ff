/**
 * Checks a parsed scenario against the JSON Schema the TypeBox spec produces, walking both
 * together, so that every problem names its field path, what was expected and what was
 * found. Unions are resolved by the value's shape (a number, or an object's single key), so
 * a mistake inside a lognormal is reported as a lognormal mistake.
 */
import { suggestion } from './closest.js';
import { describeValue, type ScenarioIssue } from './issues.js';
import type { SchemaNode as Schema } from './json-schema.js';
import { hasOwn } from './lookup.js';
import { isPlainObject } from './plain-object.js';

type Path = (string | number)[];

function expected(schema: Schema): string {
  return schema.description ? `${schema.description}` : (schema.type ?? 'a value');
}

/** Every structural problem of `value` against `schema`. */
export function checkStructure(schema: Schema, value: unknown, path: Path = []): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  walk(schema, value, path, issues);
  return issues;
}

function error(issues: ScenarioIssue[], path: Path, message: string, hint?: string): void {
  issues.push({ severity: 'error', path, message, ...(hint ? { hint } : {}) });
}

function walk(schema: Schema, value: unknown, path: Path, issues: ScenarioIssue[]): void {
  if (schema.anyOf) {
    walkUnion(schema, schema.anyOf, value, path, issues);
    return;
  }
  if (schema.const !== undefined) {
    if (value !== schema.const)
      error(issues, path, `expected ${JSON.stringify(schema.const)}, found ${describeValue(value)}`);
    return;
  }
  switch (schema.type) {
    case 'object':
      walkObject(schema, value, path, issues);
      return;
    case 'array':
      walkArray(schema, value, path, issues);
      return;
    case 'number':
    case 'integer':
      walkNumber(schema, value, path, issues);
      return;
    case 'string':
      walkString(schema, value, path, issues);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') error(issues, path, `expected true or false, found ${describeValue(value)}`);
      return;
    default:
      return;
  }
}

function walkArray(schema: Schema, value: unknown, path: Path, issues: ScenarioIssue[]): void {
  if (!Array.isArray(value)) {
    error(issues, path, `expected a list (${expected(schema)}), found ${describeValue(value)}`);
    return;
  }
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    error(
      issues,
      path,
      `expected at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}, found ${value.length}`,
    );
  }
  const items = schema.items;
  if (items !== undefined) for (const [i, item] of value.entries()) walk(items, item, [...path, i], issues);
}

function walkString(schema: Schema, value: unknown, path: Path, issues: ScenarioIssue[]): void {
  if (typeof value !== 'string') {
    error(issues, path, `expected text (${expected(schema)}), found ${describeValue(value)}`);
    return;
  }
  if (schema.pattern && !new RegExp(schema.pattern).test(value)) {
    error(
      issues,
      path,
      `expected ${schema.errorMessage ?? `text matching ${schema.pattern}`}, found ${describeValue(value)}`,
    );
  }
}

function walkNumber(schema: Schema, value: unknown, path: Path, issues: ScenarioIssue[]): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    error(issues, path, `expected a number (${expected(schema)}), found ${describeValue(value)}`);
    return;
  }
  if (schema.type === 'integer' && !Number.isInteger(value)) {
    error(issues, path, `expected a whole number, found ${value}`);
    return;
  }
  const bounds: string[] = [];
  if (schema.minimum !== undefined) bounds.push(`>= ${schema.minimum}`);
  if (schema.exclusiveMinimum !== undefined) bounds.push(`> ${schema.exclusiveMinimum}`);
  if (schema.maximum !== undefined) bounds.push(`<= ${schema.maximum}`);
  if (schema.exclusiveMaximum !== undefined) bounds.push(`< ${schema.exclusiveMaximum}`);
  const ok =
    (schema.minimum === undefined || value >= schema.minimum) &&
    (schema.exclusiveMinimum === undefined || value > schema.exclusiveMinimum) &&
    (schema.maximum === undefined || value <= schema.maximum) &&
    (schema.exclusiveMaximum === undefined || value < schema.exclusiveMaximum);
  if (!ok) error(issues, path, `expected a number ${bounds.join(' and ')} (${expected(schema)}), found ${value}`);
}

function walkObject(schema: Schema, value: unknown, path: Path, issues: ScenarioIssue[]): void {
  if (!isPlainObject(value)) {
    error(issues, path, `expected an object (${expected(schema)}), found ${describeValue(value)}`);
    return;
  }
  const properties: Record<string, Schema> = schema.properties ?? {};
  const patterns: Record<string, Schema> = schema.patternProperties ?? {};
  for (const key of schema.required ?? []) {
    if (value[key] === undefined) {
      error(
        issues,
        [...path, key],
        `missing required field "${key}" (${expected(properties[key])})`,
        `add ${key}: to ${path.length ? path.join('.') : 'the top level'}`,
      );
    }
  }
  for (const [key, child] of Object.entries(value)) {
    const property = hasOwn(properties, key) ? properties[key] : undefined;
    if (property) {
      walk(property, child, [...path, key], issues);
      continue;
    }
    const pattern = Object.keys(patterns)[0];
    if (pattern !== undefined) {
      walk(patterns[pattern], child, [...path, key], issues);
      continue;
    }
    if (schema.additionalProperties === false) {
      error(issues, [...path, key], `unknown field "${key}"`, suggestion(key, Object.keys(properties)));
    }
  }
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

function branchKind(schema: Schema): string | undefined {
  if (schema.const !== undefined) return typeof schema.const;
  return schema.type === 'integer' ? 'number' : schema.type;
}

/** The single key of a one-key object form such as { lognormal: {...} }, if `schema` is one. */
function singleKey(schema: Schema): string | undefined {
  const keys = Object.keys(schema.properties ?? {});
  return keys.length === 1 ? keys[0] : undefined;
}

function walkUnion(schema: Schema, branches: Schema[], value: unknown, path: Path, issues: ScenarioIssue[]): void {
  // A union of literals is an enumeration.
  if (branches.every((b) => b.const !== undefined)) {
    if (!branches.some((b) => b.const === value)) {
      const allowed = branches.map((b) => String(b.const));
      error(
        issues,
        path,
        `expected one of ${allowed.join(', ')}, found ${describeValue(value)}`,
        typeof value === 'string' ? suggestion(value, allowed) : undefined,
      );
    }
    return;
  }
  const kind = kindOf(value);
  const sameKind = branches.filter((b) => branchKind(b) === kind);
  if (sameKind.length === 0) {
    error(issues, path, `expected ${expected(schema)}, found ${describeValue(value)}`);
    return;
  }
  if (sameKind.length === 1) {
    walk(sameKind[0], value, path, issues);
    return;
  }
  const literal = sameKind.find((b) => b.const !== undefined && b.const === value);
  if (literal) return;
  if (kind === 'object') {
    walkObjectForms(schema, sameKind, value as object, path, issues);
    return;
  }
  const attempts = sameKind.map((b) => checkStructure(b, value, path));
  if (attempts.some((a) => a.length === 0)) return;
  issues.push(...attempts[0]);
}

/** An object against the object forms of a union: the one its single key names, else the closest. */
function walkObjectForms(schema: Schema, forms: Schema[], value: object, path: Path, issues: ScenarioIssue[]): void {
  const keys = Object.keys(value);
  // single-key forms such as { lognormal: {...} }
  const byKey = forms.filter((b) => keys.length === 1 && singleKey(b) === keys[0]);
  if (byKey.length === 1) {
    walk(byKey[0], value, path, issues);
    return;
  }
  const singleKeyForms = forms.map(singleKey).filter((k) => k !== undefined);
  if (singleKeyForms.length === forms.length) {
    const hint =
      keys.length === 1 ? suggestion(keys[0], singleKeyForms) : `use exactly one of: ${singleKeyForms.join(', ')}`;
    error(issues, path, `expected ${expected(schema)}, found ${describeValue(value)}`, hint);
    return;
  }
  // otherwise the form sharing most keys with the value (e.g. lognormal mean/sd vs median/p90)
  const score = (b: Schema): number => keys.filter((k) => b.properties !== undefined && hasOwn(b.properties, k)).length;
  const best = [...forms].sort((a, b) => score(b) - score(a))[0];
  walk(best, value, path, issues);
}
