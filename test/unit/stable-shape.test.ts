import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stableNumbers, stableShape } from '../../src/model/stable-shape.ts';

describe('stable shapes', () => {
  it('stableShape and stableNumbers copy values unchanged', () => {
    const items = new Float64Array([1, 2.5]);
    const data = { n: 3, name: 'x', on: true, none: null, list: [0, 0.5, { a: 1 }], nested: { rate: 0, items } };
    const copy = stableNumbers(data);
    expect(copy).toEqual(data);
    expect(copy).not.toBe(data);
    expect(copy.nested).not.toBe(data.nested);
    expect(copy.nested.items).toBe(items);
    expect(Object.keys(copy)).toEqual(Object.keys(data));
    const table = stableShape({ n: 2, region: new Int32Array(2) });
    expect(table).toEqual({ n: 2, region: new Int32Array(2) });
  });

  it('a function compiled for one world stays compiled when the next world has other values', () => {
    // V8 internals are only visible with --allow-natives-syntax, so the check runs in a child.
    const script = fileURLToPath(new URL('../fixtures/v8/world-shape-check.mjs', import.meta.url));
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { compiled: boolean; survived: boolean };
    expect(result.compiled).toBe(true);
    expect(result.survived).toBe(true);
  });
});
