import { stakes } from '../firm-payoff.ts';
import type { World } from '../state.ts';
import { asSmallInt } from '../number-hints.ts';

/**
 * Phase 8: firms learn. A cooperating firm's attitude follows its own realised payoff;
 * then, synchronously, a firm may compare itself with a random peer of its sector and
 * region and copy the peer's attitude with probability max(Δpayoff, 0)/M — the
 * replicator-like imitation of docs/ODD.md (Learning) (both ways: a firm that lost by cooperating
 * copies a better-off non-cooperator's attitude as readily as the reverse). Non-cooperating
 * firms earn 0. Finally every attitude relaxes toward the firm's own disposition by
 * `attitudeForgetting` a year: a(t+1) = a₀ + (1 − φ)(a' − a₀).
 */
export function learningPhase(w: World): void {
  const b = w.scenario.behaviour;
  const F = w.firms;
  const P = w.partnerships;
  const K = P.perFirm;
  const rng = w.streams.learning;
  const sectors = asSmallInt(w.scenario.world.sectors);
  for (let f = 0; f < F.n; f++) {
    let active = false;
    for (let k = 0; k < K; k++) if (P.school[f * K + k] >= 0) active = true;
    const pay = active || F.net[f] !== 0 ? F.net[f] / stakes(w, f) : 0;
    F.payoff[f] = pay;
    if (active) {
      const step = pay > 2 ? 2 : pay < -2 ? -2 : pay;
      F.attitude[f] += b.learningRate * step;
    }
  }
  const next = w.scratch.attitude;
  next.set(F.attitude);
  for (let f = 0; f < F.n; f++) {
    if (!rng.chance(b.imitationRate)) continue;
    const cell = F.region[f] * sectors + F.sector[f];
    const lo = w.cellStart[cell];
    const count = w.cellStart[cell + 1] - lo;
    if (count < 2) continue;
    const peer = w.firmsOfCell[lo + rng.int(count)];
    const gain = F.payoff[peer] - F.payoff[f];
    if (gain > 0 && rng.next() < gain / b.imitationScale) next[f] = F.attitude[peer];
  }
  // Experience fades: what was learned or copied relaxes toward the firm's own disposition.
  const phi = b.attitudeForgetting;
  for (let f = 0; f < F.n; f++) {
    const a = next[f] - phi * (next[f] - F.attitudePrior[f]);
    F.attitude[f] = a > 5 ? 5 : a < -5 ? -5 : a;
  }
}
