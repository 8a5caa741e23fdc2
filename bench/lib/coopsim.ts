import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type * as Coopsim from '../../src/index.ts';
import type { Scenario } from '../../src/model/params/schema.ts';
import { fromRoot } from './paths.ts';

/** The coopsim library as users run it: the built dist-node/index.mjs. */
export type CoopsimLibrary = typeof Coopsim;

/** Loads the built library (run `npm run build:node` first; `npm run bench` does). */
export async function loadLibrary(): Promise<CoopsimLibrary> {
  const file = fromRoot('dist-node', 'index.mjs');
  if (!existsSync(file)) throw new Error('bench: dist-node/index.mjs is missing; run `npm run build:node` first');
  return (await import(pathToFileURL(file).href)) as CoopsimLibrary;
}

/** Reads and validates a scenario file relative to the repository root, with optional overrides. */
export function loadScenario(lib: CoopsimLibrary, file: string, sets: Record<string, unknown> = {}): Scenario {
  let input = JSON.parse(readFileSync(fromRoot(file), 'utf8')) as Record<string, unknown>;
  for (const [path, value] of Object.entries(sets)) {
    const set = lib.setPath(input, path, value);
    if (!set.ok) throw new Error(`bench: ${file}: ${lib.formatProblems(set.problems)}`);
    input = set.value;
  }
  const parsed = lib.parseScenario(input);
  if (!parsed.ok) throw new Error(`bench: ${file}: ${lib.formatProblems(parsed.problems)}`);
  return parsed.value;
}
