import { binomialUpperTail } from './binomial-tail.ts';
import { peels, pastes, rowsInside, type Candidate } from './prim-moves.ts';
import type { FactorLimit, LimitSignificance, PrimBox, PrimData, PrimFactor, PrimOptions, PrimResult, PrimStep } from './prim-types.ts';

/** The EMA Workbench's defaults for peeling, pasting and the smallest box; three boxes at most (assumption: more are rarely readable). */
export const PRIM_DEFAULTS: PrimOptions = { peelAlpha: 0.05, pasteAlpha: 0.05, massMin: 0.05, maxBoxes: 3, minDensity: null };

/**
 * The Patient Rule Induction Method (Friedman & Fisher 1999) for scenario discovery, as
 * the EMA Workbench runs it: starting from the box of all runs, repeatedly make the peel
 * (the lowest or highest `peelAlpha` of a factor, or one category) with the best
 * lenient objective — gain in density per run removed — while it raises the density and
 * keeps at least `massMin` of all runs. From that peeling trajectory one step is picked
 * ({@link pickStep}) and its limits are pasted back out while that adds runs without
 * lowering the density. Covering: the runs of a found box are set aside and the next box
 * is sought among the rest, until `maxBoxes`, no hits remain, or a box would be no denser
 * than the runs it was sought among. Deterministic: ties go to the peel that leaves more
 * factors unrestricted, then to factor order, lower limit before upper.
 */
export function prim(data: PrimData, options: Partial<PrimOptions> = {}): PrimResult {
  const o = { ...PRIM_DEFAULTS, ...options };
  checkOptions(o);
  const { factors, interesting } = data;
  const n = interesting.length;
  for (const f of factors)
    if (f.values.length !== n) throw new RangeError(`prim: factor ${f.name} has ${f.values.length} values for ${n} runs`);
  const hitsOf = (rows: readonly number[]) => rows.reduce((s, r) => s + (interesting[r] ? 1 : 0), 0);
  const all = Array.from({ length: n }, (_, i) => i);
  const totalHits = hitsOf(all);
  const initial = initialLimits(factors, all);
  const taken = new Uint8Array(n);
  const boxes: PrimBox[] = [];
  let stopped = `found the most boxes asked for (${o.maxBoxes})`;
  for (let b = 1; b <= o.maxBoxes; b++) {
    const pool = all.filter((r) => !taken[r]);
    const poolHits = hitsOf(pool);
    if (poolHits === 0) {
      stopped = b === 1 ? 'no run meets the condition' : 'no run outside the boxes meets the condition';
      break;
    }
    const trajectory: PrimStep[] = [];
    let current: Candidate = { limits: initial, rows: pool };
    const record = (phase: PrimStep['phase']) => {
      const hits = hitsOf(current.rows);
      trajectory.push({
        box: b,
        step: trajectory.length,
        phase,
        n: current.rows.length,
        hits,
        mass: current.rows.length / n,
        coverage: totalHits === 0 ? NaN : hits / totalHits,
        density: current.rows.length === 0 ? NaN : hits / current.rows.length,
        restricted: restrictedNames(factors, current.limits, initial),
        limits: current.limits,
      });
    };
    record('start');
    for (;;) {
      const best = bestMove(peels(factors, current.limits, current.rows, o.peelAlpha), current, factors, initial, hitsOf);
      if (!best || best.rows.length / n < o.massMin || best.rows.length >= current.rows.length || !(best.objective > 0)) break;
      current = best;
      record('peel');
    }
    // Peeling runs on until the smallest box; the analyst's box is a step of that trajectory.
    const pick = pickStep(trajectory, o.minDensity);
    current = { limits: [...trajectory[pick].limits], rows: rowsInside(factors, trajectory[pick].limits, pool) };
    const peeled = trajectory.length;
    for (;;) {
      const best = bestMove(pastes(factors, current.limits, initial, pool, o.pasteAlpha), current, factors, initial, hitsOf);
      // A paste must add runs without lowering the density. The EMA Workbench asks for a rise; keeping a
      // density of 1 while taking back runs a coarse last peel cut off is a better box, so it is taken too.
      if (!best || best.rows.length <= current.rows.length || !(best.objective >= 0) || hitsOf(best.rows) / best.rows.length < last(trajectory).density) break;
      current = best;
      record('paste');
    }
    // The chosen box: the picked peel, pasted (the pastes are the last steps of the trajectory).
    const chosen = trajectory.length > peeled ? last(trajectory) : trajectory[pick];
    const base = poolHits / pool.length;
    if (!(chosen.density > base)) {
      stopped = `box ${b} would be no denser (${fmt(chosen.density)}) than the ${pool.length} runs it was sought among (${fmt(base)}), so it is not kept`;
      break;
    }
    const significance = limitSignificance(factors, chosen, initial, pool, hitsOf);
    boxes.push({ ...chosen, significance, trajectory, picked: pick });
    for (const r of current.rows) taken[r] = 1;
  }
  return { n, hits: totalHits, boxes, stopped };
}

const last = <T>(xs: readonly T[]): T => xs[xs.length - 1];
const fmt = (v: number) => String(Number(v.toPrecision(3)));

function checkOptions(o: PrimOptions): void {
  const share = (name: string, v: number, hi: number) => {
    if (!(v > 0 && v < hi)) throw new RangeError(`${name} must be above 0 and below ${hi}, got ${v}`);
  };
  share('peel alpha', o.peelAlpha, 0.5);
  share('paste alpha', o.pasteAlpha, 0.5);
  share('smallest box mass', o.massMin, 1);
  if (o.minDensity !== null && !(o.minDensity > 0 && o.minDensity <= 1)) throw new RangeError(`the density floor must be above 0 and at most 1, got ${o.minDensity}`);
  if (!(Number.isInteger(o.maxBoxes) && o.maxBoxes >= 1)) throw new RangeError(`the number of boxes must be a whole number ≥ 1, got ${o.maxBoxes}`);
}

/**
 * The step of a peeling trajectory an analyst would take: with a density floor, the step
 * covering most of the hits among those that reach it (the densest step if none does);
 * without, the step with the best balance of coverage and density, their harmonic mean
 * (assumption: PRIM itself stops only at the smallest box, which overfits; the EMA
 * Workbench leaves the choice to the user, who trades coverage against density).
 */
export function pickStep(trajectory: readonly PrimStep[], minDensity: number | null): number {
  let best = 0;
  const score = (s: PrimStep) => (minDensity === null ? (2 * s.coverage * s.density) / (s.coverage + s.density || 1) : s.coverage);
  const ok = (s: PrimStep) => minDensity === null || s.density >= minDensity;
  const reaching = trajectory.some(ok);
  trajectory.forEach((s, i) => {
    const b = trajectory[best];
    if (!reaching) {
      if (s.density > b.density) best = i;
    } else if (ok(s) && (!ok(b) || score(s) > score(b))) best = i;
  });
  return best;
}

/** The box of all runs: each number's range, every category (sorted). */
function initialLimits(factors: readonly PrimFactor[], rows: readonly number[]): FactorLimit[] {
  return factors.map((f) => {
    if (f.kind === 'numeric') {
      let lower = Infinity;
      let upper = -Infinity;
      for (const r of rows) {
        const v = f.values[r];
        if (v < lower) lower = v;
        if (v > upper) upper = v;
      }
      return { kind: 'numeric', lower, upper };
    }
    return { kind: 'categorical', categories: [...new Set(rows.map((r) => f.values[r]))].sort() };
  });
}

function isRestricted(limit: FactorLimit, start: FactorLimit): boolean {
  if (limit.kind === 'numeric' && start.kind === 'numeric') return limit.lower !== start.lower || limit.upper !== start.upper;
  if (limit.kind === 'categorical' && start.kind === 'categorical') return limit.categories.length < start.categories.length;
  return false;
}

function restrictedNames(factors: readonly PrimFactor[], limits: readonly FactorLimit[], initial: readonly FactorLimit[]): string[] {
  return factors.filter((_f, j) => isRestricted(limits[j], initial[j])).map((f) => f.name);
}

/** The EMA Workbench's lenient objective: change in density per run removed or added. */
function lenientObjective(oldHits: number, oldN: number, newHits: number, newN: number): number {
  const meanOld = oldHits / oldN;
  const meanNew = newN > 0 ? newHits / newN : 0;
  if (meanOld === meanNew || oldN === newN) return 0;
  return (meanNew - meanOld) / Math.abs(oldN - newN);
}

function bestMove(
  moves: Candidate[],
  current: Candidate,
  factors: readonly PrimFactor[],
  initial: readonly FactorLimit[],
  hitsOf: (rows: readonly number[]) => number,
): (Candidate & { objective: number }) | undefined {
  const oldHits = hitsOf(current.rows);
  let best: (Candidate & { objective: number; free: number }) | undefined;
  for (const m of moves) {
    const objective = lenientObjective(oldHits, current.rows.length, hitsOf(m.rows), m.rows.length);
    const free = factors.length - restrictedNames(factors, m.limits, initial).length;
    if (!best || objective > best.objective || (objective === best.objective && free > best.free)) best = { ...m, objective, free };
  }
  return best;
}

/** Quasi-p-values: each restricted limit dropped in turn, the box's hits tested against the hit rate of the wider box. */
function limitSignificance(
  factors: readonly PrimFactor[],
  box: PrimStep,
  initial: readonly FactorLimit[],
  pool: readonly number[],
  hitsOf: (rows: readonly number[]) => number,
): LimitSignificance[] {
  const qp = (limits: FactorLimit[]) => {
    const wider = rowsInside(factors, limits, pool);
    return binomialUpperTail(box.hits, box.n, hitsOf(wider) / wider.length);
  };
  const out: LimitSignificance[] = [];
  factors.forEach((f, j) => {
    const limit = box.limits[j];
    const start = initial[j];
    if (!isRestricted(limit, start)) return;
    const relaxed = (l: FactorLimit) => box.limits.map((x, i) => (i === j ? l : x));
    if (limit.kind === 'numeric' && start.kind === 'numeric') {
      out.push({
        factor: f.name,
        lower: limit.lower !== start.lower ? qp(relaxed({ ...limit, lower: start.lower })) : NaN,
        upper: limit.upper !== start.upper ? qp(relaxed({ ...limit, upper: start.upper })) : NaN,
      });
    } else {
      out.push({ factor: f.name, lower: qp(relaxed(start)), upper: NaN });
    }
  });
  return out;
}
