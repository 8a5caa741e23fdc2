import type { World } from './state.ts';

/**
 * Staff time (k¥ a year) a college's coordinating staff spend on one partnership at
 * `depth`: what it uses of the college's capacity (see `schools.coordinatingStaff`).
 */
export function staffTime(w: World, depth: number): number {
  return depth <= 0 ? 0 : w.scenario.schools.coordinationCost[depth - 1];
}

/** A college's capacity: the yearly staff time (k¥) its coordinating staff can give to partnerships. */
export function schoolCapacity(w: World): number {
  const sc = w.scenario.schools;
  return sc.coordinatingStaff * sc.staffCost;
}

/**
 * College `s`'s yearly value (k¥) of a partnership with firm `f` at `depth`: placements,
 * graduates hired, equipment and teacher growth, against its staff's coordination time.
 * Equipment and teacher gains are worth less the better equipped and trained the college
 * already is (a gain fills part of the gap to the ceiling, as in the capabilities phase), so a
 * deep partnership with a small firm can be worth less than its staff time: the value can
 * be negative, and colleges then go down or leave.
 */
export function schoolValue(w: World, f: number, s: number, depth: number): number {
  if (depth <= 0) return 0;
  const sc = w.scenario.schools;
  const e = w.scenario.economics;
  const S = w.schools;
  const di = depth - 1;
  const scale = w.firms.scale[f];
  const interns = e.interns[di] * scale;
  const hireCap = w.scenario.firms.skilledHires * scale;
  const wanted = interns * e.hireRate[di];
  const hires = wanted < hireCap ? wanted : hireCap;
  return (
    sc.placementValue * interns +
    sc.hireValue * hires +
    sc.equipmentValue * sc.equipmentGain[di] * (1 - S.facilities[s]) +
    sc.teacherValue * sc.teacherGain[di] * (1 - S.teacherPractice[s]) -
    sc.coordinationCost[di]
  );
}
