import { exp, ln } from '../../model/portable-math.ts';
import type { FactorSpec } from '../schema/experiment-schema.ts';
import { normalQuantile } from './normal-quantile.ts';

/** How a factor was written. */
export type FactorKind = 'list' | 'range' | 'uniform' | 'loguniform' | 'normal' | 'triangular' | 'integer';

/** One factor of an experiment: the scenario field it sets and how its values are given. */
export interface Factor {
  /** Dotted scenario path, e.g. `policy.taxRelief`. */
  readonly path: string;
  readonly spec: FactorSpec;
  readonly kind: FactorKind;
}

/** Tells how a factor spec was written. */
export function factorKind(spec: FactorSpec): FactorKind {
  if (Array.isArray(spec)) return 'list';
  if ('from' in spec) return 'range';
  if ('uniform' in spec) return 'uniform';
  if ('loguniform' in spec) return 'loguniform';
  if ('normal' in spec) return 'normal';
  if ('triangular' in spec) return 'triangular';
  return 'integer';
}

/** True for factors a full grid can enumerate (lists and ranges). */
export function isEnumerable(f: Factor): boolean {
  return f.kind === 'list' || f.kind === 'range';
}

/** True for factors with a finite support (all but the normal distribution). */
export function isBounded(f: Factor): boolean {
  return f.kind !== 'normal';
}

/** The values a full grid tries for a list or range factor. */
export function gridValues(f: Factor): unknown[] {
  const s = f.spec;
  if (Array.isArray(s)) return [...s];
  if ('from' in s) {
    const out: number[] = [];
    for (let i = 0; i < s.steps; i++) out.push(i === s.steps - 1 ? s.to : s.from + ((s.to - s.from) * i) / (s.steps - 1));
    return out;
  }
  throw new Error(`factor ${f.path}: a ${f.kind} distribution has no grid values`);
}

/**
 * Maps a unit coordinate u ∈ [0, 1] to a factor value (the inverse of its distribution
 * function). Lists are picked uniformly; a range stands for the uniform distribution
 * between its ends. Deterministic math only, so designs are the same on every platform.
 */
export function factorQuantile(f: Factor, u: number): unknown {
  const s = f.spec;
  if (Array.isArray(s)) return s[Math.min(s.length - 1, Math.floor(u * s.length))];
  if ('from' in s) return lerp(s.from, s.to, u);
  if ('uniform' in s) return lerp(s.uniform[0], s.uniform[1], u);
  if ('loguniform' in s) {
    const [a, b] = s.loguniform;
    if (u <= 0) return a;
    if (u >= 1) return b;
    return exp(ln(a) + (ln(b) - ln(a)) * u);
  }
  if ('normal' in s) return s.normal[0] + s.normal[1] * normalQuantile(u);
  if ('triangular' in s) {
    const [a, c, b] = s.triangular;
    if (b === a) return a;
    const fc = (c - a) / (b - a);
    return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
  }
  const [a, b] = s.integer;
  return a + Math.min(b - a, Math.floor(u * (b - a + 1)));
}

function lerp(a: number, b: number, u: number): number {
  return u <= 0 ? a : u >= 1 ? b : a + (b - a) * u;
}

/**
 * Values that stand for a factor when its path and range are checked against the
 * scenario schema: every listed value, a range's values (or its ends when long), a
 * distribution's bounds (the mean of a normal).
 */
export function probeValues(f: Factor): unknown[] {
  const s = f.spec;
  if (Array.isArray(s)) return listProbes(s);
  if ('from' in s) {
    const all = gridValues(f);
    return all.length <= 101 ? all : [all[0], all[all.length - 1]];
  }
  if ('uniform' in s) return [...s.uniform];
  if ('loguniform' in s) return [...s.loguniform];
  if ('normal' in s) return [s.normal[0]];
  if ('triangular' in s) return [s.triangular[0], s.triangular[2]];
  return [...s.integer];
}

/**
 * The values of a list factor that stand for all of them: for numbers the least, the greatest
 * and the first non-integer (a numeric field's checks are a range and integrality), every
 * other value once. So a list of 10,000 numbers costs three validations, not 10,000.
 */
function listProbes(list: readonly unknown[]): unknown[] {
  const numbers = list.filter((v): v is number => typeof v === 'number');
  const out: unknown[] = [];
  if (numbers.length > 0) {
    let lo = numbers[0];
    let hi = numbers[0];
    for (const v of numbers) {
      if (v < lo || Number.isNaN(v)) lo = v;
      if (v > hi) hi = v;
    }
    out.push(lo, hi);
    const fraction = numbers.find((v) => !Number.isInteger(v));
    if (fraction !== undefined) out.push(fraction);
  }
  const seen = new Set<string>();
  for (const v of list) {
    if (typeof v === 'number') continue;
    const key = JSON.stringify(v) ?? String(v);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

/** A problem with the parameters of a distribution itself (before the scenario is consulted), or null. */
export function distributionProblem(f: Factor): string | null {
  const s = f.spec;
  if (Array.isArray(s) || 'from' in s) return null;
  if ('uniform' in s) return s.uniform[0] <= s.uniform[1] ? null : `uniform ${JSON.stringify(s.uniform)}: low must not exceed high`;
  if ('loguniform' in s) {
    const [a, b] = s.loguniform;
    if (!(a > 0)) return `loguniform ${JSON.stringify(s.loguniform)}: low must be positive`;
    return a <= b ? null : `loguniform ${JSON.stringify(s.loguniform)}: low must not exceed high`;
  }
  if ('normal' in s) return s.normal[1] >= 0 ? null : `normal ${JSON.stringify(s.normal)}: the standard deviation must not be negative`;
  if ('triangular' in s) {
    const [a, c, b] = s.triangular;
    return a <= c && c <= b ? null : `triangular ${JSON.stringify(s.triangular)}: expected low ≤ mode ≤ high`;
  }
  const [a, b] = s.integer;
  if (!Number.isInteger(a) || !Number.isInteger(b)) return `integer ${JSON.stringify(s.integer)}: both ends must be integers`;
  return a <= b ? null : `integer ${JSON.stringify(s.integer)}: low must not exceed high`;
}
