/**
 * The table of every scenario field, generated from the spec for the README, so the
 * documentation cannot drift from what the validator accepts.
 */
import type { SchemaNode as Schema } from './json-schema.js';
import { ScenarioSpec } from './scenario-spec.js';

/** How the key of each map is written in the table. */
const PLACEHOLDERS: Record<string, string> = {
  roles: 'role',
  domains: 'domain',
  use_case_types: 'type',
  teams: 'team',
  loops: 'loop',
  activities: 'activity',
  gates: 'gate',
};

interface Row {
  path: string;
  type: string;
  required: boolean;
  description: string;
}

function isDistribution(schema: Schema): boolean {
  return Array.isArray(schema.anyOf) && schema.anyOf.some((b) => b.properties?.lognormal !== undefined);
}

function typeOf(schema: Schema): string {
  if (isDistribution(schema)) return 'distribution';
  if (schema.anyOf) {
    if (schema.anyOf.every((b) => b.const !== undefined))
      return schema.anyOf.map((b) => `\`${b.const}\``).join(' \\| ');
    return schema.anyOf.map(typeOf).join(' or ');
  }
  if (schema.const !== undefined) return `\`${schema.const}\``;
  if (schema.type === 'array') return schema.items === undefined ? 'list' : `list of ${typeOf(schema.items)}`;
  if (schema.type === 'object' && schema.patternProperties) return 'map';
  const bounds: string[] = [];
  if (schema.minimum !== undefined) bounds.push(`>= ${schema.minimum}`);
  if (schema.exclusiveMinimum !== undefined) bounds.push(`> ${schema.exclusiveMinimum}`);
  if (schema.maximum !== undefined) bounds.push(`<= ${schema.maximum}`);
  const base =
    schema.type === 'integer' ? 'whole number' : schema.type === 'string' ? 'text' : (schema.type ?? 'value');
  return bounds.length ? `${base} ${bounds.join(', ')}` : base;
}

/** A default as it is written in a scenario file: `0`, `{ exponential: { mean: 730 } }`. */
function written(value: unknown): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if (Object.keys(value).length === 0) return '{}';
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${written(v)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** The description, with the schema's `default` (where the spec states one) appended. */
function meaning(schema: Schema): string {
  const description = schema.description ?? '';
  return schema.default === undefined ? description : `${description} (default \`${written(schema.default)}\`)`;
}

function collect(schema: Schema, path: string, required: boolean, rows: Row[]): void {
  if (path !== '') rows.push({ path, type: typeOf(schema), required, description: meaning(schema) });
  if (isDistribution(schema)) return;
  if (schema.type === 'object' && schema.properties) {
    const req = new Set<string>(schema.required ?? []);
    for (const [key, child] of Object.entries<Schema>(schema.properties)) {
      if (key === '$schema') continue;
      collect(child, path ? `${path}.${key}` : key, req.has(key), rows);
    }
  } else if (schema.type === 'object' && schema.patternProperties) {
    const child = Object.values<Schema>(schema.patternProperties)[0];
    const placeholder = PLACEHOLDERS[path.split('.').pop() as string] ?? 'id';
    if (child.type === 'object') collect(child, `${path}.<${placeholder}>`, true, rows);
  } else if (schema.type === 'array' && schema.items?.type === 'object') {
    collect(schema.items, `${path}[]`, true, rows);
  }
}

/** Markdown table: field, type, required, meaning. */
export function scenarioFieldTable(): string {
  const rows: Row[] = [];
  collect(JSON.parse(JSON.stringify(ScenarioSpec)), '', true, rows);
  const lines = ['| field | type | required | meaning |', '|---|---|---|---|'];
  for (const r of rows)
    lines.push(`| \`${r.path}\` | ${r.type} | ${r.required ? 'yes' : ''} | ${r.description.replace(/\|/g, '\\|')} |`);
  return lines.join('\n');
}
