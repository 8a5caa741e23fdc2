import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest ancestor of this file holding package.json. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('bench: cannot find the repository root (no package.json above the bench)');
    dir = up;
  }
  return dir;
}

/** Absolute path of the repository root. */
export const ROOT = findRoot();

/** Absolute path of a file given relative to the repository root. */
export function fromRoot(...parts: string[]): string {
  return resolve(ROOT, ...parts);
}
