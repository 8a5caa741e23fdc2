import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCircles, importGraph, upwardImports, type Layers } from '../helpers/import-graph.ts';

/**
 * The layers of the code, from the ground up (see README, "Layout"). A part may import its
 * own files and the parts of lower floors only; parts on one floor do not import each other.
 */
const LAYERS: Layers = [
  ['package.json', 'scenarios', 'src/version.ts'],
  ['src/model'],
  ['src/scenario'],
  // Drawing parameter sets from a posterior is pure: analyses and the app draw them too.
  ['src/analysis/posterior.ts'],
  ['src/analysis', 'src/svg'],
  ['src/runner'],
  ['src/experiment/schema'],
  ['src/experiment/design'],
  ['src/experiment/parse'],
  ['src/experiment/plan'],
  ['src/experiment/sweep'],
  ['src/experiment/run', 'src/experiment/merge'],
  ['src/experiment/sensitivity', 'src/experiment/discovery'],
  ['src/calibration'],
  ['src/studies', 'src/optimize'],
  ['src/app'],
  ['src/cli', 'src/index.ts'],
  ['workers'],
];

/** Packages the pure core may use: none touches a host, a clock or global randomness. */
const PURE_PACKAGES = ['zod', 'mathjs', 'seedrandom', '@stdlib/math-base-special-exp', '@stdlib/math-base-special-ln', '@stdlib/math-base-special-pow'];

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtureRoot = fileURLToPath(new URL('../fixtures/layers/graph/', import.meta.url));
const graph = importGraph(root, ['src', 'workers']);

describe('layers of the code', () => {
  it('reads the whole tree', () => {
    expect(graph.files.length).toBeGreaterThan(200);
    expect(graph.files).toContain('src/model/simulate.ts');
    expect(graph.files).toContain('workers/browser-worker.ts');
  });

  it('no import runs back up', () => {
    expect(upwardImports(LAYERS, graph.edges)).toEqual([]);
  });

  it('no files import each other in a circle', () => {
    expect(importCircles(graph.edges)).toEqual([]);
  });

  it('the model imports nothing outside itself but pure libraries', () => {
    const outside = graph.edges.filter((e) => e.from.startsWith('src/model/') && (e.external ? !PURE_PACKAGES.includes(e.to) : !e.to.startsWith('src/model/')));
    expect(outside).toEqual([]);
  });

  it('the worker entries only expose an API of the runner', () => {
    const entries = graph.edges.filter((e) => e.from.startsWith('workers/'));
    expect(entries.length).toBeGreaterThan(0);
    const other = entries.filter((e) => (e.external ? !['comlink', 'node:worker_threads'].includes(e.to) : !/^src\/runner\/[a-z-]+-api\.ts$/.test(e.to)));
    expect(other).toEqual([]);
  });
});

describe('the layer check (on a fixture tree with known faults, so it can fail)', () => {
  const fixture = importGraph(fixtureRoot, ['src']);

  it('names each import that runs back up, type-only imports too', () => {
    expect(upwardImports([['src/model'], ['src/app'], ['src/scenario']], fixture.edges)).toEqual(['src/model/simulate.ts -> src/scenario/document.ts']);
    expect(upwardImports([['src/model'], ['src/scenario'], ['src/app']], fixture.edges)).toEqual([
      'src/model/simulate.ts -> src/scenario/document.ts',
      'src/scenario/document.ts -> src/app/theme.ts',
    ]);
  });

  it('flags parts of one floor that import each other, and files on no floor', () => {
    expect(upwardImports([['src/model'], ['src/scenario', 'src/app']], fixture.edges)).toEqual([
      'src/model/simulate.ts -> src/scenario/document.ts',
      'src/scenario/document.ts -> src/app/theme.ts',
    ]);
    expect(upwardImports([['src/scenario'], ['src/app']], fixture.edges)).toContain('src/model/simulate.ts is on no floor');
  });

  it('finds the circle', () => {
    expect(importCircles(fixture.edges)).toEqual([['src/model/simulate.ts', 'src/scenario/document.ts']]);
  });
});
