import { z } from 'zod';
import { scenarioSchema } from '../model/params/schema.ts';

/** The scenario schema as JSON Schema (draft 2020-12), for editors' completion and checks. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'coopsim scenario', $id: 'https://coopsim.invalid/scenario.schema.json' };
}
