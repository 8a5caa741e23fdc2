import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScenarioInput } from '../../model/params/schema.ts';

/**
 * The folder of the scenarios shipped with coopsim: the `scenarios` folder next to the
 * package.json above this module (the same from the TypeScript source and from the build).
 */
export function shippedScenarioDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scenarios', 'baseline.json'))) return join(dir, 'scenarios');
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the shipped scenarios folder (scenarios/baseline.json above the coopsim module)');
    dir = up;
  }
}

/** Reads every scenario file of a folder (not its subfolders or the schema), by file name without .json. */
export function readScenarioDir(dir = shippedScenarioDir()): Record<string, ScenarioInput> {
  const out: Record<string, ScenarioInput> = {};
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.json') || file.endsWith('.schema.json')) continue;
    const path = join(dir, file);
    try {
      out[file.slice(0, -5)] = JSON.parse(readFileSync(path, 'utf8')) as ScenarioInput;
    } catch (err) {
      throw new Error(`${path}: not valid JSON (${(err as Error).message})`);
    }
  }
  return out;
}
