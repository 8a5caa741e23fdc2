import { scenarioJsonSchema } from '../../scenario/json-schema.ts';
import type { JsonNode } from '../../scenario/parameter-tables.ts';

/** A scenario parameter whose default is documented as an assumption. */
export interface AssumedParameter {
  /** Dotted path in a scenario file, e.g. `schools.capacity`. */
  path: string;
  /** Default value (a number, or four numbers per depth). */
  default: number | number[];
  integer: boolean;
  min: number;
  max: number;
  /** The schema's description (starts with "assumption:"). */
  description: string;
}

/** Top-level fields that set the run, not the model: the horizon and the seed. */
const NOT_MODEL_PARAMETERS = new Set(['years', 'seed']);

/**
 * Every parameter of the scenario schema whose description starts with "assumption:",
 * read from the schema itself so that new parameters are picked up. Lever fields (a
 * number, steps or an expression) are policy choices, not assumptions, and are left out.
 */
export function assumedParameters(): AssumedParameter[] {
  const out: AssumedParameter[] = [];
  const walk = (node: JsonNode, path: string[]) => {
    if (node.properties) for (const [k, v] of Object.entries(node.properties)) walk(v, [...path, k]);
    const doc = node.description ?? '';
    const name = path.join('.');
    if (!/^assumption:/i.test(doc.trim()) || NOT_MODEL_PARAMETERS.has(name)) return;
    if ((node.type === 'number' || node.type === 'integer') && typeof node.default === 'number')
      out.push({ path: name, default: node.default, integer: node.type === 'integer', min: node.minimum ?? -Infinity, max: node.maximum ?? Infinity, description: doc });
    else if (node.type === 'array' && Array.isArray(node.default) && node.prefixItems?.length) {
      const item = node.prefixItems[0];
      out.push({ path: name, default: node.default as number[], integer: item.type === 'integer', min: item.minimum ?? -Infinity, max: item.maximum ?? Infinity, description: doc });
    }
  };
  walk(scenarioJsonSchema() as JsonNode, []);
  return out;
}

/**
 * `value` scaled by `factor` within the parameter's range (integers rounded); undefined
 * when the scaled value equals the value (a zero default, or an integer too small to move).
 */
export function scaledValue(p: AssumedParameter, value: number | number[], factor: number): number | number[] | undefined {
  const one = (v: number) => {
    const x = Math.min(p.max, Math.max(p.min, v * factor));
    return p.integer ? Math.round(x) : x;
  };
  const scaled = Array.isArray(value) ? value.map(one) : one(value);
  return JSON.stringify(scaled) === JSON.stringify(value) ? undefined : scaled;
}
