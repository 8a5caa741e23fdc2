import { scenarioSchema } from '../model/params/schema.ts';

/** The allowed range of a numeric scenario field. */
export interface FieldRange {
  min: number;
  max: number;
  integer: boolean;
}

interface SchemaNode {
  def?: { type?: string; innerType?: SchemaNode; shape?: Record<string, SchemaNode>; items?: SchemaNode[]; options?: SchemaNode[] };
  shape?: Record<string, SchemaNode>;
  minValue?: number | null;
  maxValue?: number | null;
  isInt?: boolean;
}

function unwrap(s: SchemaNode | undefined): SchemaNode | undefined {
  let cur = s;
  while (cur?.def?.innerType) cur = cur.def.innerType;
  return cur;
}

/**
 * The range of the number at a dotted scenario path (e.g. `behaviour.choiceNoise`,
 * `economics.interns.0`, `policy.taxRelief`), read from the scenario schema; a string
 * saying why when the path names no numeric field.
 */
export function fieldRange(path: string): FieldRange | string {
  let node: SchemaNode | undefined = scenarioSchema as unknown as SchemaNode;
  const keys = path.split('.');
  for (let i = 0; i < keys.length; i++) {
    node = unwrap(node);
    const key = keys[i];
    const shape = node?.shape ?? node?.def?.shape;
    if (shape) {
      if (!(key in shape)) return `${keys.slice(0, i + 1).join('.')} is not a scenario field; allowed here: ${Object.keys(shape).join(', ')}`;
      node = shape[key];
    } else if (node?.def?.type === 'tuple' && node.def.items) {
      const idx = Number(key);
      if (!/^\d+$/.test(key) || idx >= node.def.items.length)
        return `${keys.slice(0, i).join('.')} is a list of ${node.def.items.length}; write ${keys.slice(0, i).join('.')}.0 … .${node.def.items.length - 1}`;
      node = node.def.items[idx];
    } else return `${keys.slice(0, i).join('.')} is a number, not a group of fields`;
  }
  node = unwrap(node);
  // A policy lever is a union of a number, steps and an expression: calibrate its number.
  if (node?.def?.type === 'union') node = node.def.options?.find((o) => o.def?.type === 'number');
  if (node?.def?.type === 'tuple') return `${path} is a list of ${node.def.items?.length} numbers; name one of them, e.g. ${path}.0`;
  if (node?.def?.type !== 'number') return `${path} is not a numeric field`;
  return { min: node.minValue ?? -Infinity, max: node.maxValue ?? Infinity, integer: node.isInt === true };
}
