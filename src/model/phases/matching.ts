import { exp } from '../portable-math.ts';
import { discountedValue, firmItems, stakes } from '../firm-payoff.ts';
import { logitChoice } from '../logit-choice.ts';
import { schoolCapacity, schoolValue, staffTime } from '../school-payoff.ts';
import { REASON, recordReason } from '../record-reason.ts';
import { CONTRACT, FRIENDSHIP, type World } from '../state.ts';

/** Scales a uniform draw on [−0.5, 0.5) to unit variance (√12). */
const UNIT_UNIFORM = 3.4641016151377544;

/** Recomputes each college's load (staff time its partnerships take, k¥ a year) from the partnerships. */
export function recomputeLoads(w: World): void {
  const P = w.partnerships;
  const load = w.schools.load;
  load.fill(0);
  for (let p = 0; p < P.school.length; p++) if (P.school[p] >= 0) load[P.school[p]] += staffTime(w, P.depth[p]);
}

/**
 * Phase 3: firms with a free slot may search. A searcher looks at a few colleges (more
 * with the data platform or inside a group), picks the most attractive, and enters at
 * depth 1 or 2 — or stays out — by a logit choice on discounted net benefit minus the
 * search cost, tilted by its attitude. The college accepts by a logit choice on its value of the
 * partnership against none, if its coordinating staff have the time.
 */
export function matchingPhase(w: World): void {
  const { behaviour: b, mechanisms: m, schools: sc, world: ws } = w.scenario;
  const F = w.firms;
  const S = w.schools;
  const P = w.partnerships;
  const K = P.perFirm;
  const rng = w.streams.matching;
  const L = w.lever;
  const items = w.scratch.items;
  const items2 = w.scratch.items2;
  const { options, utilities: u } = w.scratch;
  if (S.n === 0) return;
  recomputeLoads(w);
  const platform = L.dataPlatform;
  const extraPlatform = Math.round(m.platformCandidates * platform);
  const capacity = schoolCapacity(w);
  const staff1 = staffTime(w, 1);
  const staff2 = staffTime(w, 2);

  for (let f = 0; f < F.n; f++) {
    let active = 0;
    let free = -1;
    for (let k = 0; k < K; k++) {
      const p = f * K + k;
      if (P.school[p] >= 0) active++;
      else if (free < 0) free = p;
    }
    if (free < 0) continue;
    if (!rng.chance(active === 0 ? b.searchRate : b.secondPartnerRate)) continue;

    const inGroup = F.inGroup[f] === 1;
    const candidates = b.candidates + (inGroup ? m.groupCandidates : 0) + extraPlatform;
    const region = F.region[f];
    let best = -1;
    let bestScore = -Infinity;
    for (let c = 0; c < candidates; c++) {
      const far = platform > 0 && w.scenario.world.regions > 1 && rng.chance(0.5 * platform);
      const r = far ? rng.int(ws.regions) : region;
      const lo = w.regionStart[r];
      const count = w.regionStart[r + 1] - lo;
      if (count === 0) continue;
      const s = w.schoolsOfRegion[lo + rng.int(count)];
      let taken = false;
      for (let k = 0; k < K; k++) if (P.school[f * K + k] === s) taken = true;
      if (taken || S.load[s] + staff1 > capacity) continue;
      // A better-informed search (the platform) sees attractiveness with less noise. The
      // noise is uniform with unit variance: it only ranks a few candidates, and a uniform
      // draw costs a fraction of a normal one in this, the hottest loop of a run.
      const noise = 0.3 * (1 - 0.5 * platform) * UNIT_UNIFORM * (rng.next() - 0.5);
      const fit = S.sector[s] === F.sector[f] ? S.alignment[s] : 0.3 * S.alignment[s];
      const score = S.facilities[s] + S.teacherPractice[s] + fit + S.reputation[s] + noise - (r !== region ? 0.3 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    if (best < 0) continue;

    const tau = b.choiceNoise * stakes(w, f);
    const searchCost = b.searchCost * (inGroup ? 1 - m.groupSearchCut : 1) * (1 - m.platformSearchCut * platform);
    const contractShare = b.contractShare + L.law * m.lawContracts;
    const basis1 = rng.chance(contractShare) ? CONTRACT : FRIENDSHIP;
    firmItems(w, f, best, 1, basis1, items);
    const v1 = discountedValue(w, f, 1, items) - searchCost;
    // An order class needs an agreement and enough trust to start with.
    const trust0 = b.trustStart + L.law * m.lawTrust;
    const canTwo = trust0 >= b.trustNeeded[1] && S.load[best] + staff2 <= capacity;
    let v2 = -Infinity;
    if (canTwo) {
      firmItems(w, f, best, 2, CONTRACT, items2);
      v2 = discountedValue(w, f, 2, items2) - searchCost;
    }
    const att = F.attitude[f];
    u[0] = 0;
    u[1] = v1 / tau + att;
    u[2] = canTwo ? v2 / tau + att : v2;
    options[0] = 0;
    options[1] = v1;
    options[2] = v2;
    options[3] = NaN;
    const depth = logitChoice(u, 3, rng);
    if (depth === 0) {
      recordReason(w, f, REASON.stayOut, best, 0, 0, items, options);
      continue;
    }
    const vs = schoolValue(w, f, best, depth);
    const accept = 1 / (1 + exp(-vs / sc.choiceNoise));
    if (!rng.chance(accept)) {
      recordReason(w, f, REASON.stayOut, best, 0, 0, items, options);
      continue;
    }
    P.school[free] = best;
    P.depth[free] = depth;
    P.basis[free] = depth >= 2 ? CONTRACT : basis1;
    P.age[free] = 1;
    P.firmNetTotal[free] = 0;
    P.schoolNetTotal[free] = 0;
    P.sunk[free] = 0;
    P.startYear[free] = w.year;
    P.trust[free] = b.trustStart;
    P.firmWantsUp[free] = NaN;
    P.schoolWantsUp[free] = NaN;
    S.load[best] += staffTime(w, depth);
    recordReason(w, f, REASON.enter, best, 0, depth, depth === 2 ? items2 : items, options);
  }
}
