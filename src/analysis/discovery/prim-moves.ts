import { primQuantile } from './prim-quantile.ts';
import type { FactorLimit, PrimFactor } from './prim-types.ts';

/** A candidate box: its limits and the rows it holds. */
export interface Candidate {
  readonly limits: FactorLimit[];
  readonly rows: number[];
}

/** Whether row `r` lies inside `limit` on factor `f`. */
export function insideLimit(f: PrimFactor, limit: FactorLimit, r: number): boolean {
  if (limit.kind === 'numeric') {
    const v = f.values[r] as number;
    return v >= limit.lower && v <= limit.upper;
  }
  return limit.categories.includes(f.values[r] as string);
}

/** Rows of `rows` inside every limit except (optionally) the one on factor `skip`. */
export function rowsInside(factors: readonly PrimFactor[], limits: readonly FactorLimit[], rows: readonly number[], skip = -1): number[] {
  return rows.filter((r) => factors.every((f, j) => j === skip || insideLimit(f, limits[j], r)));
}

// Loops, not Math.min(...xs): a sweep may have more runs than a call has arguments.
const minOf = (xs: readonly number[]) => xs.reduce((m, v) => (v < m ? v : m), Infinity);
const maxOf = (xs: readonly number[]) => xs.reduce((m, v) => (v > m ? v : m), -Infinity);

const withLimit = (limits: readonly FactorLimit[], j: number, limit: FactorLimit): FactorLimit[] => limits.map((l, i) => (i === j ? limit : l));

/**
 * Every peel of a box: for numbers, cutting the lowest or the highest `alpha` share of
 * its rows (at {@link primQuantile}, the new limit moved onto the nearest kept value);
 * for categories, dropping one category.
 */
export function peels(factors: readonly PrimFactor[], limits: readonly FactorLimit[], rows: readonly number[], alpha: number): Candidate[] {
  const out: Candidate[] = [];
  factors.forEach((f, j) => {
    const limit = limits[j];
    if (f.kind === 'numeric' && limit.kind === 'numeric') {
      const xs = rows.map((r) => f.values[r]);
      const lowCut = primQuantile(xs, alpha);
      const keepLow = rows.filter((r) => f.values[r] >= lowCut);
      if (keepLow.length > 0) out.push({ limits: withLimit(limits, j, { ...limit, lower: minOf(keepLow.map((r) => f.values[r])) }), rows: keepLow });
      const highCut = primQuantile(xs, 1 - alpha);
      const keepHigh = rows.filter((r) => f.values[r] <= highCut);
      if (keepHigh.length > 0) out.push({ limits: withLimit(limits, j, { ...limit, upper: maxOf(keepHigh.map((r) => f.values[r])) }), rows: keepHigh });
    } else if (limit.kind === 'categorical' && limit.categories.length > 1) {
      for (const c of limit.categories) {
        const categories = limit.categories.filter((k) => k !== c);
        out.push({ limits: withLimit(limits, j, { kind: 'categorical', categories }), rows: rows.filter((r) => f.values[r] !== c) });
      }
    }
  });
  return out;
}

/**
 * Every paste of a box on its restricted factors: for numbers, moving the lower (upper)
 * limit out to take in the `alpha` share nearest the box of the rows just below (above)
 * it that meet every other limit; for categories, adding back one category.
 */
export function pastes(
  factors: readonly PrimFactor[],
  limits: readonly FactorLimit[],
  initial: readonly FactorLimit[],
  pool: readonly number[],
  alpha: number,
): Candidate[] {
  const out: Candidate[] = [];
  factors.forEach((f, j) => {
    const limit = limits[j];
    const start = initial[j];
    const others = rowsInside(factors, limits, pool, j);
    if (f.kind === 'numeric' && limit.kind === 'numeric' && start.kind === 'numeric') {
      const below = others.filter((r) => f.values[r] < limit.lower).map((r) => f.values[r]);
      if (below.length > 0) {
        const cut = primQuantile(below, 1 - alpha);
        const lower = minOf(below.filter((v) => v >= cut));
        const next = withLimit(limits, j, { ...limit, lower });
        out.push({ limits: next, rows: rowsInside(factors, next, pool) });
      }
      const above = others.filter((r) => f.values[r] > limit.upper).map((r) => f.values[r]);
      if (above.length > 0) {
        const cut = primQuantile(above, alpha);
        const upper = maxOf(above.filter((v) => v <= cut));
        const next = withLimit(limits, j, { ...limit, upper });
        out.push({ limits: next, rows: rowsInside(factors, next, pool) });
      }
    } else if (limit.kind === 'categorical' && start.kind === 'categorical') {
      for (const c of start.categories.filter((k) => !limit.categories.includes(k))) {
        const next = withLimit(limits, j, { kind: 'categorical', categories: start.categories.filter((k) => k === c || limit.categories.includes(k)) });
        out.push({ limits: next, rows: rowsInside(factors, next, pool) });
      }
    }
  });
  return out;
}
