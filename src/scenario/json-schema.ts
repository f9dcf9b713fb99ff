import { ScenarioSpec } from './scenario-spec.js';

/** The keywords of a JSON Schema node that orgflow's walkers (structure check, field table, resolver) read. */
export interface SchemaNode {
  type?: string;
  description?: string;
  default?: unknown;
  const?: unknown;
  anyOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
  patternProperties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  required?: string[];
  items?: SchemaNode;
  minItems?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  /** What a value matching `pattern` is, in words, for the error a value that does not match gets. */
  errorMessage?: string;
}

/** The JSON Schema of scenario files (draft 2020-12 keywords), as written to scenarios/schema.json. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'orgflow scenario',
    ...(JSON.parse(JSON.stringify(ScenarioSpec)) as Record<string, unknown>),
  };
}
