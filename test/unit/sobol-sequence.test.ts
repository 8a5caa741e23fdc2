import { describe, it, expect } from 'vitest';
import { sobolSequence, SOBOL_MAX_DIMENSIONS } from '../../src/experiment/design/sobol-sequence.ts';

describe('Sobol sequence (Joe–Kuo direction numbers)', () => {
  it('starts with the known points of the first dimensions', () => {
    const p = sobolSequence(3, 8);
    expect(p.map((x) => x[0])).toEqual([0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125]);
    expect(p.map((x) => x[1])).toEqual([0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625]);
    expect(p.map((x) => x[2])).toEqual([0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375]);
  });

  it('puts exactly one of the first 2^m points in each interval of width 2^-m, in every dimension', () => {
    for (const m of [4, 8, 10]) {
      const n = 2 ** m;
      const pts = sobolSequence(SOBOL_MAX_DIMENSIONS, n);
      for (let d = 0; d < SOBOL_MAX_DIMENSIONS; d++) {
        const hit = new Uint8Array(n);
        for (const x of pts) hit[Math.floor(x[d] * n)]++;
        expect(hit.every((h) => h === 1), `dimension ${d + 1}, m = ${m}`).toBe(true);
      }
    }
  });

  it('gives 2-D projections with one point per elementary box of a (0, m, 2)-net for the first pair', () => {
    const m = 6;
    const pts = sobolSequence(2, 2 ** m);
    for (let a = 0; a <= m; a++) {
      const cells = new Set(pts.map((x) => `${Math.floor(x[0] * 2 ** a)},${Math.floor(x[1] * 2 ** (m - a))}`));
      expect(cells.size).toBe(2 ** m);
    }
  });

  it('skips points and refuses too many dimensions', () => {
    expect(sobolSequence(2, 3, 1)).toEqual(sobolSequence(2, 4).slice(1));
    expect(() => sobolSequence(SOBOL_MAX_DIMENSIONS + 1, 2)).toThrow(/dimensions/);
  });
});
