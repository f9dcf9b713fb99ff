import { ScenarioSpec } from './scenario-spec.js';

/** The JSON Schema of scenario files (draft 2020-12 keywords), as written to scenarios/schema.json. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'orgflow scenario',
    ...(JSON.parse(JSON.stringify(ScenarioSpec)) as Record<string, unknown>),
  };
}
