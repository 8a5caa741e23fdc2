import { INPUT_LIMITS } from './input-limits.ts';
import type { Result } from './parse.ts';

/**
 * Returns a copy of `target` with the value at a dotted `path` (e.g. `policy.taxRelief`,
 * `economics.interns.0`) replaced; intermediate objects are created. Whether the path
 * exists in the scenario is checked afterwards by the schema, which names unknown fields.
 */
export function setPath(target: unknown, path: string, value: unknown): Result<Record<string, unknown>> {
  if (typeof target !== 'object' || target === null || Array.isArray(target))
    return { ok: false, problems: [{ path: '', message: 'the document is not an object' }] };
  if (path.length > 200) return { ok: false, problems: [{ path: `${path.slice(0, 40)}...`, message: `a field path of ${path.length} characters; at most 200 allowed` }] };
  const keys = path.split('.');
  if (keys.length > INPUT_LIMITS.pathParts)
    return { ok: false, problems: [{ path, message: `a field path of ${keys.length} parts; at most ${INPUT_LIMITS.pathParts} allowed` }] };
  const index = keys.find((k) => /^\d+$/.test(k) && Number(k) > INPUT_LIMITS.pathIndex);
  if (index !== undefined)
    return {
      ok: false,
      problems: [{ path, message: `list index ${index.length > 12 ? `${index.slice(0, 12)}...` : index} is too large; lists in a scenario have at most ${INPUT_LIMITS.pathIndex + 1} items (index 0–${INPUT_LIMITS.pathIndex})` }],
    };
  if (keys.some((k) => k === '' || k === '__proto__' || k === 'constructor' || k === 'prototype'))
    return { ok: false, problems: [{ path, message: 'not a valid field path; write it like policy.taxRelief' }] };
  const root = structuredClone(target) as Record<string, unknown>;
  let node: Record<string, unknown> | unknown[] = root;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i];
    const cur = Array.isArray(node) ? node[Number(key)] : node[key];
    let next: Record<string, unknown> | unknown[];
    if (typeof cur === 'object' && cur !== null) next = cur as Record<string, unknown>;
    else if (cur === undefined) next = /^\d+$/.test(keys[i + 1]) ? [] : {};
    else
      return {
        ok: false,
        problems: [{ path: keys.slice(0, i + 1).join('.'), message: `is ${JSON.stringify(cur)}, not an object; cannot set ${path}` }],
      };
    if (Array.isArray(node)) node[Number(key)] = next;
    else node[key] = next;
    node = next;
  }
  const last = keys[keys.length - 1];
  if (Array.isArray(node)) {
    if (!/^\d+$/.test(last)) return { ok: false, problems: [{ path, message: `${last} is not a list index` }] };
    node[Number(last)] = value;
  } else node[last] = value;
  return { ok: true, value: root };
}

/** Parses the value of `--set path=value`: JSON when it parses, else the text itself. */
export function parseSetValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
