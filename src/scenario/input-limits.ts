import type { Problem } from './problem.ts';

/**
 * Limits on the shape of any scenario, experiment or link, checked before validation so that
 * no input makes validation slower than linear in its size or deeper than the stack holds.
 * Each is far above what a meaningful input needs: a scenario nests 4 levels, its longest list
 * is a lever's steps (one a year), its longest string an expression (400 characters).
 */
export const INPUT_LIMITS = {
  /** Nesting of objects and lists. */
  depth: 32,
  /** Characters of one string (names, descriptions, expressions, paths). */
  stringLength: 10_000,
  /** Items of one list (factor values, lever steps, summary years). */
  listLength: 10_000,
  /** Keys of one object. */
  keys: 1_000,
  /** Largest list index in a field path (`--set`, links, factors), e.g. policy.taxRelief.999. */
  pathIndex: 999,
  /** Parts of a dotted field path. */
  pathParts: 16,
  /** Bytes of a scenario or experiment file. */
  fileBytes: 16 * 1024 * 1024,
} as const;

/** Most steps of one lever: the lever field's own limit, listed here with the other input limits. */
export { MAX_LEVER_STEPS } from '../model/params/lever-field.ts';

/** Most problems reported about the shape of one input. */
const MAX_SHAPE_PROBLEMS = 10;

/** Formats a key for a problem's path: empty keys and keys with dots are quoted. */
function pathKey(key: string): string {
  return key === '' || /[.[\]\s"]/.test(key) ? JSON.stringify(key.length > 40 ? `${key.slice(0, 37)}...` : key) : key;
}

/**
 * The problems of an input's shape: nesting, string lengths, list lengths, key counts, and keys
 * that cannot be fields (`__proto__`, empty keys). Visits every value once without recursion,
 * and stops at the first {@link MAX_SHAPE_PROBLEMS} problems.
 */
export function checkInputShape(input: unknown, root = ''): Problem[] {
  const problems: Problem[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: input, path: root, depth: 0 }];
  const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${pathKey(key)}` : pathKey(key));
  const add = (path: string, message: string) => problems.push({ path: path || '(document)', message });
  while (stack.length > 0 && problems.length < MAX_SHAPE_PROBLEMS) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.length > INPUT_LIMITS.stringLength)
        add(path, `a text of ${value.length} characters; at most ${INPUT_LIMITS.stringLength} allowed`);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= INPUT_LIMITS.depth) {
      add(path, `nested more than ${INPUT_LIMITS.depth} levels deep; no scenario or experiment field is`);
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length > INPUT_LIMITS.listLength) {
        add(path, `a list of ${value.length} items; at most ${INPUT_LIMITS.listLength} allowed`);
        continue;
      }
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: join(path, i), depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > INPUT_LIMITS.keys) {
      add(path, `an object of ${keys.length} keys; at most ${INPUT_LIMITS.keys} allowed`);
      continue;
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const at = join(path, key);
      if (key === '') add(at, 'an empty key; every key must name a field');
      else if (key === '__proto__') add(at, 'a key named __proto__ is not a field and is not allowed');
      else if (key.length > INPUT_LIMITS.stringLength) add(at, `a key of ${key.length} characters; at most ${INPUT_LIMITS.stringLength} allowed`);
      else stack.push({ value: (value as Record<string, unknown>)[key], path: at, depth: depth + 1 });
    }
  }
  return problems;
}

/** Text of a JSON file without a leading byte-order mark (which JSON.parse rejects as an invisible character). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
