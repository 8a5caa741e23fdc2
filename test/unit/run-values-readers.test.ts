import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A run's metrics have one layout, known to src/runner only (run-metrics.ts and the
 * packing). Anywhere else, an index computed into `values` is a second copy of that layout
 * that would silently read the wrong metric when it changes; readers use the accessors.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const self = 'test/unit/run-values-readers.test.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'dist' || name === 'node_modules' ? [] : sourceFiles(p);
    return /\.(ts|mjs)$/.test(name) ? [relative(root, p)] : [];
  });
}

/** `.values[…]` indexed by arithmetic, any `values[…]` indexed with the metric count or index, any index that strides by the metric count. */
const OWN_INDEX = [/\.values\[[^\]]*[-+*/%][^\]]*\]/, /\bvalues\[[^\]]*METRIC_(?:COUNT|INDEX)[^\]]*\]/, /\[[^\]]*(?:\*\s*METRIC_COUNT|METRIC_COUNT\s*\*)[^\]]*\]/];

/** The lines of `text` that index a run's values with their own arithmetic, as `file:line: code`. */
function ownIndexing(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) => (OWN_INDEX.some((re) => re.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

describe('readers of run values', () => {
  it('no file outside src/runner computes its own index into a run\'s values', () => {
    const files = ['src', 'workers', 'test', 'bench'].flatMap((d) => sourceFiles(join(root, d))).filter((f) => !f.startsWith('src/runner/') && f !== self);
    expect(files.length).toBeGreaterThan(300);
    expect(files).toContain('src/app/classroom/policy-round.ts');
    expect(files.flatMap((f) => ownIndexing(f, readFileSync(join(root, f), 'utf8')))).toEqual([]);
  });

  it('the check names the ways a reader used to index the values, and passes plain lookups (so it can fail)', () => {
    const flagged = [
      'for (let y = 0; y < out.years; y++) s += out.values[y * METRIC_COUNT + METRIC_NAMES.indexOf(m)];',
      'return values[year * METRIC_COUNT + METRIC_INDEX[m]];',
      'const v = run.values[m * run.years + y];',
      'a[y] = o.values[METRIC_INDEX.mean_depth];',
      'for (let y = 0; y < years; y++) a[y * METRIC_COUNT + METRIC_INDEX.mean_depth] = f(i + 1);',
    ];
    const plain = ['const v = f.values[r] as number;', 'const runs = e.values[scenario];', 'scope[METRIC_NAMES[m]] = metricAt(out, y, m);', 'values[name][i] = out.values;'];
    expect(flagged.map((line) => ownIndexing('x.ts', line).length)).toEqual(flagged.map(() => 1));
    expect(plain.flatMap((line) => ownIndexing('x.ts', line))).toEqual([]);
  });
});
