import { exp } from '../det-math.ts';
import { discountedValue, firmItems, stakes } from '../firm-payoff.ts';
import { schoolValue } from '../school-payoff.ts';
import { recordReason } from '../record-reason.ts';
import { CONTRACT, FRIENDSHIP, type World } from '../state.ts';

/**
 * Phase 4: every partnership older than this year is reconsidered. A friendship tie first
 * risks losing its personal contact. Then the firm weighs leaving, going down, staying or
 * going up by discounted net benefit (logit choice, tilted by its attitude). Going up
 * also needs the college to agree (it weighs its own gain and capacity) and enough trust,
 * which an enforceable contract partly substitutes for.
 */
export function decisionsPhase(w: World): void {
  const { behaviour: b, mechanisms: m, schools: sc } = w.scenario;
  const F = w.firms;
  const S = w.schools;
  const P = w.partnerships;
  const K = P.perFirm;
  const rng = w.streams.decisions;
  const law = w.lever.law;
  const capacity = sc.capacity;
  const itemsA = w.scratch.items;
  const itemsB = w.scratch.items2;
  const counters = w.counters;
  const year = w.year;

  let newLastYear = 0;
  for (let p = 0; p < P.school.length; p++) if (P.school[p] >= 0 && P.startYear[p] === year - 1) newLastYear++;
  counters.newLastYear = newLastYear;

  for (let f = 0; f < F.n; f++) {
    for (let k = 0; k < K; k++) {
      const p = f * K + k;
      const s = P.school[p];
      if (s < 0 || P.startYear[p] === year) continue;
      P.age[p]++;
      const d = P.depth[p];
      const basis = P.basis[p];
      const oneYear = P.startYear[p] === year - 1;
      // Inside a group the group itself carries the tie when the personal contact leaves.
      const grouped = F.inGroup[f] === 1 && S.inGroup[s] === 1;
      if (basis === FRIENDSHIP && !grouped && rng.chance(b.contactTurnover)) {
        end(w, p, s, d, oneYear);
        recordReason(w, f, 'dissolved', s, d, 0, null, NaN, NaN, NaN, NaN);
        continue;
      }
      const tau = b.choiceNoise * stakes(w, f);
      const att = F.attitude[f];
      // Walking away from a group partnership costs standing in the group, more so when
      // the group evaluates and publishes its members' records.
      const vLeave = grouped ? -m.groupExitCost * (w.scenario.policy.evaluationInterval > 0 ? 1 : 0.5) : 0;
      // Options: leave (0), down (d−1), stay (d), up (d+1).
      firmItems(w, f, s, d, basis, itemsA);
      const vStay = discountedValue(w, f, d, itemsA);
      let vDown = -Infinity;
      if (d > 1) {
        firmItems(w, f, s, d - 1, basis, itemsB);
        vDown = discountedValue(w, f, d - 1, itemsB);
      }
      let vUp = -Infinity;
      const upBasis = d + 1 >= 2 ? CONTRACT : basis;
      if (d < 4) {
        firmItems(w, f, s, d + 1, upBasis, itemsB);
        vUp = discountedValue(w, f, d + 1, itemsB);
      }
      const uLeave = vLeave / tau;
      const uStay = vStay / tau + att;
      const uDown = vDown / tau + att;
      const uUp = vUp / tau + att;
      const top = Math.max(uLeave, uStay, uDown, uUp);
      const eLeave = exp(uLeave - top);
      const eDown = d > 1 ? exp(uDown - top) : 0;
      const eStay = exp(uStay - top);
      const eUp = d < 4 ? exp(uUp - top) : 0;
      const total = eLeave + eDown + eStay + eUp;
      P.firmWantsUp[p] = eUp / total;

      let schoolUp = 0;
      if (d < 4 && S.load[s] + 1 <= capacity) {
        const gain = schoolValue(w, f, d + 1) - schoolValue(w, f, d);
        schoolUp = 1 / (1 + exp(-gain / sc.choiceNoise));
      }
      P.schoolWantsUp[p] = d < 4 ? schoolUp : NaN;

      const u = rng.next() * total;
      if (u < eLeave) {
        end(w, p, s, d, oneYear);
        recordReason(w, f, 'leave', s, d, 0, itemsA, vLeave, vDown, vStay, vUp);
      } else if (u < eLeave + eDown) {
        P.depth[p] = d - 1;
        S.load[s] -= 1;
        firmItems(w, f, s, d - 1, basis, itemsB);
        recordReason(w, f, 'down', s, d, d - 1, itemsB, vLeave, vDown, vStay, vUp);
      } else if (u < eLeave + eDown + eStay) {
        recordReason(w, f, 'stay', s, d, d, itemsA, vLeave, vDown, vStay, vUp);
      } else {
        const trust = P.trust[p] + (upBasis === CONTRACT ? law * m.lawTrust : 0);
        const agreed = trust >= b.trustNeeded[d] && rng.chance(schoolUp);
        if (agreed) {
          P.depth[p] = d + 1;
          P.basis[p] = upBasis;
          S.load[s] += 1;
          recordReason(w, f, 'up', s, d, d + 1, itemsB, vLeave, vDown, vStay, vUp);
        } else {
          recordReason(w, f, 'stay', s, d, d, itemsA, vLeave, vDown, vStay, vUp);
        }
      }
    }
  }
}

function end(w: World, p: number, s: number, d: number, oneYear: boolean): void {
  const P = w.partnerships;
  P.school[p] = -1;
  P.depth[p] = 0;
  P.firmWantsUp[p] = NaN;
  P.schoolWantsUp[p] = NaN;
  w.schools.load[s] -= d;
  if (oneYear) w.counters.endedAfterOneYear++;
}
