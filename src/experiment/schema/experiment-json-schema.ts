import { jsonSchemaWithBase } from '../../scenario/json-schema.ts';
import { experimentSchema } from './experiment-schema.ts';

/**
 * The experiment schema as JSON Schema (draft 2020-12) for editors. An inline base
 * scenario is checked against the scenario schema next to it (`scenarioSchemaRef`).
 */
export function experimentJsonSchema(scenarioSchemaRef = '../scenario.schema.json'): Record<string, unknown> {
  return jsonSchemaWithBase(experimentSchema, 'experiment', scenarioSchemaRef);
}
