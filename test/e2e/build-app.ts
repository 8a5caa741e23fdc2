import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Builds the browser app (the repository's vite.config.ts) into a fresh folder under
 * `parent` and returns it. `root` is the repository root (default: two levels above this file).
 */
export async function buildApp(parent: string = tmpdir(), root: string = resolve(import.meta.dirname, '../..')): Promise<string> {
  const outDir = mkdtempSync(join(parent, 'coopsim-app-'));
  const { build } = await import('vite');
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  return outDir;
}
