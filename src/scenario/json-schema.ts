import { z } from 'zod';
import { scenarioSchema } from '../model/params/schema.ts';

/** The scenario schema as JSON Schema (draft 2020-12), for editors' completion and checks. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'coopsim scenario', $id: 'https://coopsim.invalid/scenario.schema.json' };
}

/**
 * The JSON Schema (draft 2020-12) of a file format whose `base` is a scenario (an experiment,
 * a goal): `base` may be a scenario file's path, relative to the file, or an inline scenario
 * checked against the scenario schema at `scenarioSchemaRef`.
 */
export function jsonSchemaWithBase(schema: z.ZodType, kind: string, scenarioSchemaRef: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const props = json.properties as Record<string, Record<string, unknown>>;
  const base = props.base;
  props.base = {
    description: base.description,
    default: base.default,
    anyOf: [
      { type: 'string', minLength: 1, description: `scenario file path, relative to the ${kind} file` },
      { $ref: scenarioSchemaRef },
    ],
  };
  return { ...json, title: `coopsim ${kind}`, $id: `https://coopsim.invalid/${kind}.schema.json` };
}
