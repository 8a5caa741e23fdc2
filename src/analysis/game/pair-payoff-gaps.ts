import { firmItems, I_GREEN, I_POACHING, I_RECRUITMENT, I_SUBSIDY, I_TAX, I_TECH, ITEM_COUNT, ITEMS, netOf } from '../../model/firm-payoff.ts';
import { pow } from '../../model/portable-math.ts';
import { schoolValue } from '../../model/school-payoff.ts';
import { CONTRACT, type World } from '../../model/state.ts';

/** The depth the reduced form calls shallow (a visit or guest lecture). */
export const SHALLOW_DEPTH = 1;
/** The depth the reduced form calls deep (a joint training base or co-built major). */
export const DEEP_DEPTH = 3;

/**
 * Means over every firm–college pair the world can form (each firm with every college of
 * its region) of what going deep (depth 3) instead of shallow (depth 1) changes, per payoff
 * item of `firmItems` (k¥ a year, discounted as the firm discounts it) and for the college.
 */
export interface PairPayoffGaps {
  /** Number of pairs averaged. */
  pairs: number;
  /** Firm items, deep − shallow, at the world's levers (ITEMS order). */
  firm: Float64Array;
  /** The same with the law lever at 0: the model without the law's effects on pay, retention and disputes. */
  firmNoLaw: Float64Array;
  /** The same with law at 0 and a college of perfect conditions (graduate skill 1, teacher practice 1, the firm's sector). */
  firmIdealNoLaw: Float64Array;
  /** College's gain in placements, hires, equipment and teacher growth, deep − shallow (k¥). */
  schoolBenefit: number;
  /** College's extra staff time of a deep partnership (k¥). */
  schoolCost: number;
  /** Share of pairs whose firm gains from deep over shallow (discounted net above 0), at the world's levers. */
  firmDeepPays: number;
  /** Share of pairs whose college gains from deep over shallow. */
  schoolDeepPays: number;
  /** Share of pairs with firm and college both in a vocational education group (where evaluations apply). */
  bothInGroup: number;
}

/**
 * The stride over firms that keeps the pairs averaged at most `maxPairs` (1: every firm).
 * Firms are in no particular order (their attributes are drawn independently), so every k-th
 * firm is a fair sample; a large world is then averaged in bounded time.
 */
export function firmStride(w: World, maxPairs = Infinity): number {
  let total = 0;
  for (let f = 0; f < w.firms.n; f++) {
    const r = w.firms.region[f];
    const n = w.regionStart[r + 1] - w.regionStart[r];
    total += n > 0 ? n : w.schools.n;
  }
  return Number.isFinite(maxPairs) && total > maxPairs ? Math.ceil(total / Math.max(1, maxPairs)) : 1;
}

/**
 * Discounts the delayed items in place as `discountedValue` does: recruitment savings,
 * technical services and poaching losses arrive once graduates are trained.
 */
function discountDelayed(w: World, f: number, depth: number, items: Float64Array): void {
  const lag = w.scenario.economics.internLag[depth - 1];
  const base = 1 / (1 + w.firms.discount[f]);
  const delta = lag > 0 ? pow(base, lag) : 1;
  items[I_RECRUITMENT] *= delta;
  items[I_TECH] *= delta;
  items[I_POACHING] *= delta;
}

/** Adds deep − shallow discounted items of firm f with college s into `acc`; returns the net gap. */
function addGap(w: World, f: number, s: number, acc: Float64Array, deep: Float64Array, shallow: Float64Array): number {
  firmItems(w, f, s, DEEP_DEPTH, CONTRACT, deep);
  discountDelayed(w, f, DEEP_DEPTH, deep);
  firmItems(w, f, s, SHALLOW_DEPTH, CONTRACT, shallow);
  discountDelayed(w, f, SHALLOW_DEPTH, shallow);
  for (let i = 0; i < ITEM_COUNT; i++) acc[i] += deep[i] - shallow[i];
  return netOf(deep) - netOf(shallow);
}

/**
 * Averages the payoff gaps of going deep over the pairs of `w` (its own world: the college
 * arrays are set to perfect conditions for one pair at a time and restored, and the law
 * lever is set to 0 and restored, so `w` is unchanged on return); every `stride`-th firm
 * (see {@link firmStride}). Both sides are compared
 * on a contract basis, the basis every partnership of depth 2 or more has.
 */
export function pairPayoffGaps(w: World, stride = 1): PairPayoffGaps {
  const F = w.firms;
  const S = w.schools;
  const n = ITEMS.length;
  const firm = new Float64Array(n);
  const firmNoLaw = new Float64Array(n);
  const firmIdealNoLaw = new Float64Array(n);
  const deep = new Float64Array(n);
  const shallow = new Float64Array(n);
  const law = w.lever.law;
  let pairs = 0;
  let schoolBenefit = 0;
  let firmPays = 0;
  let schoolPays = 0;
  let grouped = 0;
  const coordination = w.scenario.schools.coordinationCost;
  const schoolCost = coordination[DEEP_DEPTH - 1] - coordination[SHALLOW_DEPTH - 1];
  for (let f = 0; f < F.n; f += stride) {
    const r = F.region[f];
    let from = w.regionStart[r];
    let to = w.regionStart[r + 1];
    // A region without colleges: its firms look at every college, as matching does.
    const all = from === to;
    if (all) (from = 0), (to = S.n);
    for (let k = from; k < to; k++) {
      const s = all ? k : w.schoolsOfRegion[k];
      pairs++;
      if (addGap(w, f, s, firm, deep, shallow) > 0) firmPays++;
      w.lever.law = 0;
      addGap(w, f, s, firmNoLaw, deep, shallow);
      const skill = S.skill[s];
      const practice = S.teacherPractice[s];
      const sector = S.sector[s];
      S.skill[s] = 1;
      S.teacherPractice[s] = 1;
      S.sector[s] = F.sector[f];
      addGap(w, f, s, firmIdealNoLaw, deep, shallow);
      S.skill[s] = skill;
      S.teacherPractice[s] = practice;
      S.sector[s] = sector;
      w.lever.law = law;
      const sGap = schoolValue(w, f, s, DEEP_DEPTH) - schoolValue(w, f, s, SHALLOW_DEPTH);
      schoolBenefit += sGap + schoolCost;
      if (sGap > 0) schoolPays++;
      if (F.inGroup[f] === 1 && S.inGroup[s] === 1) grouped++;
    }
  }
  const per = pairs > 0 ? 1 / pairs : 0;
  for (const a of [firm, firmNoLaw, firmIdealNoLaw]) for (let i = 0; i < n; i++) a[i] *= per;
  return {
    pairs,
    firm,
    firmNoLaw,
    firmIdealNoLaw,
    schoolBenefit: schoolBenefit * per,
    schoolCost,
    firmDeepPays: firmPays * per,
    schoolDeepPays: schoolPays * per,
    bothInGroup: grouped * per,
  };
}

/**
 * Mean over the pairs of `w` of the firm's support items (tax relief, subsidy, green
 * channel), deep − shallow, at the world's levers: the part of `pairPayoffGaps` a sweep of
 * tax relief or the subsidy moves, at a third of its cost (every `stride`-th firm).
 */
export function meanFirmSupport(w: World, stride = 1): number {
  const F = w.firms;
  const S = w.schools;
  const deep = new Float64Array(ITEM_COUNT);
  const shallow = new Float64Array(ITEM_COUNT);
  let pairs = 0;
  let total = 0;
  for (let f = 0; f < F.n; f += stride) {
    const r = F.region[f];
    const all = w.regionStart[r] === w.regionStart[r + 1];
    const from = all ? 0 : w.regionStart[r];
    const to = all ? S.n : w.regionStart[r + 1];
    for (let k = from; k < to; k++) {
      const s = all ? k : w.schoolsOfRegion[k];
      firmItems(w, f, s, DEEP_DEPTH, CONTRACT, deep);
      firmItems(w, f, s, SHALLOW_DEPTH, CONTRACT, shallow);
      total += deep[I_TAX] + deep[I_SUBSIDY] + deep[I_GREEN] - shallow[I_TAX] - shallow[I_SUBSIDY] - shallow[I_GREEN];
      pairs++;
    }
  }
  return pairs > 0 ? total / pairs : 0;
}

/**
 * Each pair's own tipping value of a lever that enters the firm's items linearly (the
 * subsidy per intern-month): the lever value at which going deep starts to pay for the firm
 * of that pair, −gap(0) / (gap(1) − gap(0)) from the discounted net gaps at lever 0 and 1;
 * +Infinity where the lever never closes the gap. Sorted ascending: the spread the mean-field
 * game averages away.
 */
export function pairLeverThresholds(w: World, lever: 'subsidyPerInternMonth'): Float64Array {
  const F = w.firms;
  const S = w.schools;
  const deep = new Float64Array(ITEM_COUNT);
  const shallow = new Float64Array(ITEM_COUNT);
  const acc = new Float64Array(ITEM_COUNT);
  const saved = w.lever[lever];
  const out: number[] = [];
  for (let f = 0; f < F.n; f++) {
    const r = F.region[f];
    const all = w.regionStart[r] === w.regionStart[r + 1];
    const from = all ? 0 : w.regionStart[r];
    const to = all ? S.n : w.regionStart[r + 1];
    for (let k = from; k < to; k++) {
      const s = all ? k : w.schoolsOfRegion[k];
      w.lever[lever] = 0;
      const g0 = addGap(w, f, s, acc, deep, shallow);
      w.lever[lever] = 1;
      const slope = addGap(w, f, s, acc, deep, shallow) - g0;
      out.push(g0 >= 0 ? 0 : slope > 0 ? -g0 / slope : Infinity);
    }
  }
  w.lever[lever] = saved;
  return Float64Array.from(out).sort();
}
