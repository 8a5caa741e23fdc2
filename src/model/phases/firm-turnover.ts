import { exp, ln } from '../portable-math.ts';
import { staffTime } from '../school-payoff.ts';
import type { World } from '../state.ts';

/**
 * Firm demography: each year a share `firms.turnover` of firms close and a new firm takes
 * the place (same region, sector and technology, so markets keep their make-up) with a
 * fresh size, planning horizon, disposition and fit, and no partnerships. Without it a
 * profitable partnership lasts for ever and a firm's luck is never forgotten, so the
 * population never settles. Draws come from their own stream.
 */
export function firmTurnoverPhase(w: World): void {
  const rate = w.scenario.firms.turnover;
  if (rate <= 0) return;
  const fc = w.scenario.firms;
  const F = w.firms;
  const P = w.partnerships;
  const S = w.schools;
  const K = P.perFirm;
  const rng = w.streams.firmTurnover;
  const sizeShift = (fc.sizeSpread * fc.sizeSpread) / 2;
  const year = w.year;
  // Each firm closes with probability `rate`: the gaps between closing firms are geometric,
  // so one draw per closing firm stands for a draw per firm.
  const logStay = rate < 1 ? ln(1 - rate) : -Infinity;
  const gap = () => (rate < 1 ? Math.floor(ln(1 - rng.next()) / logStay) : 0);
  for (let f = gap(); f < F.n; f += 1 + gap()) {
    for (let k = 0; k < K; k++) {
      const p = f * K + k;
      const s = P.school[p];
      if (s < 0) continue;
      if (P.startYear[p] === year - 1) w.counters.closedAfterOneYear++;
      S.load[s] -= staffTime(w, P.depth[p]);
      P.school[p] = -1;
      P.depth[p] = 0;
      P.firmWantsUp[p] = NaN;
      P.schoolWantsUp[p] = NaN;
    }
    F.scale[f] = exp(fc.sizeSpread * rng.normal() - sizeShift);
    F.discount[f] = rng.chance(fc.longHorizonShare) ? fc.discountLong : fc.discountShort;
    F.attitudePrior[f] = fc.attitudeSpread * rng.normal();
    F.attitude[f] = F.attitudePrior[f];
    F.fit[f] = Math.max(0.2, 1 + fc.fitSpread * rng.normal());
    F.certified[f] = 0;
    F.flagged[f] = 0;
    // A tax credit carried forward belongs to the firm that closed, not to its successor.
    F.taxCarry[f] = 0;
    w.reasons.year[f] = -1;
    w.reasons.choice[f] = 0;
    w.reasons.school[f] = -1;
  }
}
