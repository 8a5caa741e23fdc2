import type { World } from './state.ts';

/**
 * A college's yearly value (k¥) of a partnership with firm `f` at `depth`: placements,
 * graduates hired, equipment and teacher growth, against its staff's coordination time.
 * Colleges gain from almost any partnership, which is why they are "hot".
 */
export function schoolValue(w: World, f: number, depth: number): number {
  if (depth <= 0) return 0;
  const sc = w.scenario.schools;
  const e = w.scenario.economics;
  const di = depth - 1;
  const scale = w.firms.scale[f];
  const interns = e.interns[di] * scale;
  const hireCap = w.scenario.firms.skilledHires * scale;
  const wanted = interns * e.hireRate[di];
  const hires = wanted < hireCap ? wanted : hireCap;
  return (
    sc.placementValue * interns +
    sc.hireValue * hires +
    sc.equipmentValue * sc.equipmentGain[di] +
    sc.teacherValue * sc.teacherGain[di] -
    sc.coordinationCost[di]
  );
}
