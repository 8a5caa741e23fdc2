import { z } from 'zod';
import { experimentSchema } from './experiment-schema.ts';

/**
 * The experiment schema as JSON Schema (draft 2020-12) for editors. An inline base
 * scenario is checked against the scenario schema next to it (`scenarioSchemaRef`).
 */
export function experimentJsonSchema(scenarioSchemaRef = '../scenario.schema.json'): Record<string, unknown> {
  const schema = z.toJSONSchema(experimentSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const props = schema.properties as Record<string, Record<string, unknown>>;
  const base = props.base;
  props.base = {
    description: base.description,
    default: base.default,
    anyOf: [
      { type: 'string', minLength: 1, description: 'scenario file path, relative to the experiment file' },
      { $ref: scenarioSchemaRef },
    ],
  };
  return { ...schema, title: 'coopsim experiment', $id: 'https://coopsim.invalid/experiment.schema.json' };
}
