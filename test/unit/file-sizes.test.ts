import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Files may hold at most this many lines, so each stays about one thing. */
const MAX_LINES = 300;
/** String tables are exempt: they grow with every message, not with logic. */
const STRING_TABLES = ['src/app/i18n/en.ts', 'src/app/i18n/zh-CN.ts'];

const root = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|mjs)$/.test(name) ? [relative(root, p)] : [];
  });
}

/** Files of `files` longer than the limit, with their lengths. */
const tooLong = (files: readonly string[], text: (f: string) => string) =>
  files.filter((f) => !STRING_TABLES.includes(f)).map((f) => [f, text(f).split('\n').length - 1] as const).filter(([, n]) => n > MAX_LINES);

describe('file sizes', () => {
  it(`no file in src/ has more than ${MAX_LINES} lines, string tables aside`, () => {
    const files = sourceFiles(join(root, 'src'));
    expect(files.length).toBeGreaterThan(200);
    expect(tooLong(files, (f) => readFileSync(join(root, f), 'utf8'))).toEqual([]);
  });

  it('the check names a long file (so it can fail)', () => {
    expect(tooLong(['src/long.ts', 'src/app/i18n/en.ts'], () => 'x\n'.repeat(MAX_LINES + 1))).toEqual([['src/long.ts', MAX_LINES + 1]]);
  });
});
