/** The class every world table and copied record is an instance of. */
class Table {}

/**
 * Copies an object literal's fields onto a fresh class instance. V8 types a literal's
 * fields by their first values, then widens those types the second time the literal is
 * evaluated, when it builds the literal's template; every compiled phase that relied on
 * them is thrown away and compiled again. In a sweep that is the second run of every
 * worker. Instances built field by field keep one typed shape from the first run on.
 */
export function stableShape<T extends object>(fields: T): T {
  return Object.assign(new Table(), fields);
}

/**
 * A deep copy of plain data (such as a scenario) in which every number field holds a
 * double. V8 stores a whole number such as 0 as a small integer and changes the object's
 * shape the first time the field holds a fraction: a sweep whose first run has tax
 * relief 0 and whose second has 0.1 would discard every compiled phase that reads the
 * scenario. With doubles throughout, every scenario and record of a run has the same
 * shape whatever its values.
 */
export function stableNumbers<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stableNumbers) as T;
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
  const copy = new Table() as Record<string, unknown>;
  for (const [key, v] of Object.entries(value)) {
    // Storing a fraction first makes the field a double field; the real value follows.
    if (typeof v === 'number') copy[key] = 0.5;
    copy[key] = stableNumbers(v);
  }
  return copy as T;
}
