import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatColumnsMarkdown } from '../../src/analysis/format-columns.ts';
import { readSection } from '../../src/analysis/replace-section.ts';
import { METRIC_NAMES } from '../../src/model/metrics.ts';

const readme = readFileSync('README.md', 'utf8');

describe("README's output columns", () => {
  it('are the columns a run writes, with their meanings (npm run columns:readme writes them)', () => {
    expect(readSection(readme, 'columns')).toBe(formatColumnsMarkdown().trim());
  });

  it('name every metric once, in output order', () => {
    const names = [...readSection(readme, 'columns').matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect(names).toEqual([...METRIC_NAMES]);
  });
});
