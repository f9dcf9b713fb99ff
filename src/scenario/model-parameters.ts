/**
 * A scenario resolved once into the parameters that the model, the semantic check, the
 * sensitivity levers, the run-size estimate and the report read. Every field the spec marks
 * with a default (`withDefault` in scenario-spec.ts) is filled in from the schema's own
 * `default`, so a default is written in one place, and is present in the type (no `?`): no
 * reader states a default again. The parameters are deeply read-only, in the type and (frozen)
 * at run time. Fields keep the file's snake_case names; a model's lifetime, which does not
 * depend on maintenance being there, is the one derived field (camelCase); what combines
 * several fields (effort scaling, the cost of a person) is worked out by the functions below,
 * which every reader shares.
 *
 * Why not TypeBox's `Value.Default`: it fills the entries of a record (domains, teams,
 * use-case types) only when the entry schema itself has a `default`, which these do not;
 * the walk below is the same idea, applied to every entry.
 */
import type {
  Static,
  TArray,
  TObject,
  TOptional,
  TProperties,
  TRecord,
  TSchema,
  TString,
  TUnion,
} from '@sinclair/typebox';
import type { DistributionSpec } from './distribution-spec.js';
import type { SchemaNode } from './json-schema.js';
import { entry } from './lookup.js';
import { ScenarioSpec, UNSCALED } from './scenario-spec.js';

type Flat<T> = { [K in keyof T]: T[K] } & {};

/** Keys of an object schema that a resolved value always has: required ones and those with a default. */
type PresentKeys<P extends TProperties> = {
  [K in keyof P]: P[K] extends TOptional<TSchema> ? (P[K] extends { default: unknown } ? K : never) : K;
}[keyof P];

type ResolvedObject<P extends TProperties> = Flat<
  { readonly [K in PresentKeys<P>]: Resolved<P[K]> } & {
    readonly [K in Exclude<keyof P, PresentKeys<P>>]?: Resolved<P[K]>;
  }
>;

/** The value of schema `S` with its defaults filled in, deeply read-only. */
export type Resolved<S extends TSchema> =
  S extends TObject<infer P>
    ? ResolvedObject<P>
    : S extends TRecord<TString, infer V>
      ? { readonly [key: string]: Resolved<V> }
      : S extends TArray<infer I>
        ? readonly Resolved<I>[]
        : S extends TUnion<infer U>
          ? Resolved<U[number]>
          : Static<S>;

/** A scenario with every default filled in. */
export type ResolvedScenario = Resolved<typeof ScenarioSpec>;
export type ResolvedDistribution = Resolved<typeof DistributionSpec>;
export type ResolvedDomain = ResolvedScenario['domains'][string];
export type ResolvedTeam = ResolvedScenario['teams'][string];
export type ResolvedUseCaseType = ResolvedScenario['use_case_types'][string];
export type ResolvedWorkflow = ResolvedScenario['workflow'];
export type ResolvedActivity = ResolvedWorkflow['loops'][string]['activities'][string];

/** What the model and its readers use: the scenario with its defaults, and what is derived from it. */
export type ModelParameters = ResolvedScenario & {
  /**
   * How long a model stays in production: maintenance.lifetime_days, or its default when the
   * scenario has no maintenance (the models of the day-0 portfolio and those gone live still retire).
   */
  readonly modelLifetime: ResolvedDistribution;
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Fills in `value` (in place) the defaults of `schema`: a missing field that has a default gets
 * a copy of it, then objects, record entries and array items are walked. The members of a
 * union are not walked: a default sits on the union itself (the schema test holds that).
 */
function fillDefaults(schema: SchemaNode, value: unknown): unknown {
  const filled = value === undefined && 'default' in schema ? structuredClone(schema.default) : value;
  if (isObject(filled)) {
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      const v = fillDefaults(child, filled[key]);
      if (v !== undefined) filled[key] = v;
    }
    const entrySchema = Object.values(schema.patternProperties ?? {})[0];
    if (entrySchema !== undefined) for (const key of Object.keys(filled)) fillDefaults(entrySchema, filled[key]);
  } else if (Array.isArray(filled) && schema.items !== undefined) {
    for (const item of filled) fillDefaults(schema.items, item);
  }
  return filled;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The default of maintenance.lifetime_days, as the schema states it. */
const LIFETIME_DEFAULT: ResolvedDistribution = ScenarioSpec.properties.maintenance.properties.lifetime_days.default;

/**
 * Resolves a structurally valid scenario (see validateScenario) into its model parameters:
 * a deep copy with every default filled in, frozen. `spec` is left as it is.
 */
export function resolveParameters(spec: ScenarioSpec): ModelParameters {
  const scenario = fillDefaults(ScenarioSpec, structuredClone(spec)) as ResolvedScenario;
  const modelLifetime =
    scenario.maintenance === undefined ? structuredClone(LIFETIME_DEFAULT) : scenario.maintenance.lifetime_days;
  return deepFreeze({ ...scenario, modelLifetime });
}

/** How a use-case type scales the effort of the activities of `loop`. */
export function effortScale(type: ResolvedUseCaseType, loop: string): number {
  const scale = type.effort_scale;
  return typeof scale === 'number' ? scale : (scale[loop] ?? UNSCALED);
}

/** How a team multiplies the effort of `loop` (or of "maintenance"), e.g. running its own platform. */
export function effortMultiplier(team: ResolvedTeam, loop: string): number {
  return team.effort_multiplier[loop] ?? UNSCALED;
}

/** The cost per year of one person of `role` in `team`: the team's own figure, else the role's. */
export function personCost(parameters: ResolvedScenario, team: ResolvedTeam, role: string): number {
  return team.cost_per_year[role] ?? entry(parameters.roles, role, 'role').cost_per_year;
}

/** Whether a domain has subject-matter experts (the sme role) to call on. */
export function hasSmes(domain: ResolvedDomain): boolean {
  return domain.sme !== undefined && domain.sme.people > 0;
}
