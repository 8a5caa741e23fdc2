import { exp } from '../portable-math.ts';
import { discountedValue, firmItems, stakes } from '../firm-payoff.ts';
import { logitChoice } from '../logit-choice.ts';
import { schoolValue } from '../school-payoff.ts';
import { recordReason } from '../record-reason.ts';
import { CONTRACT, FRIENDSHIP, type World } from '../state.ts';

/** Indices of the options of a partner decision, in the order the logit choice sums them. */
const LEAVE = 0;
const DOWN = 1;
const STAY = 2;
const UP = 3;

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
  const { options: v, utilities: u } = w.scratch;
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
        recordReason(w, f, 'dissolved', s, d, 0, null, null);
        continue;
      }
      const tau = b.choiceNoise * stakes(w, f);
      const att = F.attitude[f];
      // Walking away from a group partnership costs standing in the group, more so when
      // the group evaluates and publishes its members' records.
      const vLeave = grouped ? -m.groupExitCost * (w.scenario.policy.evaluationInterval > 0 ? 1 : 0.5) : 0;
      // Options, in this order: leave, down (d−1), stay (d), up (d+1).
      v[LEAVE] = vLeave;
      firmItems(w, f, s, d, basis, itemsA);
      v[STAY] = discountedValue(w, f, d, itemsA);
      v[DOWN] = -Infinity;
      if (d > 1) {
        firmItems(w, f, s, d - 1, basis, itemsB);
        v[DOWN] = discountedValue(w, f, d - 1, itemsB);
      }
      v[UP] = -Infinity;
      const upBasis = d + 1 >= 2 ? CONTRACT : basis;
      if (d < 4) {
        firmItems(w, f, s, d + 1, upBasis, itemsB);
        v[UP] = discountedValue(w, f, d + 1, itemsB);
      }
      u[LEAVE] = v[LEAVE] / tau;
      u[DOWN] = v[DOWN] / tau + att;
      u[STAY] = v[STAY] / tau + att;
      u[UP] = v[UP] / tau + att;
      const choice = logitChoice(u, 4, rng);
      P.firmWantsUp[p] = u[UP] / (u[LEAVE] + u[DOWN] + u[STAY] + u[UP]);

      let schoolUp = 0;
      if (d < 4 && S.load[s] + 1 <= capacity) {
        const gain = schoolValue(w, f, d + 1) - schoolValue(w, f, d);
        schoolUp = 1 / (1 + exp(-gain / sc.choiceNoise));
      }
      P.schoolWantsUp[p] = d < 4 ? schoolUp : NaN;

      if (choice === LEAVE) {
        end(w, p, s, d, oneYear);
        recordReason(w, f, 'leave', s, d, 0, itemsA, v);
      } else if (choice === DOWN) {
        P.depth[p] = d - 1;
        S.load[s] -= 1;
        firmItems(w, f, s, d - 1, basis, itemsB);
        recordReason(w, f, 'down', s, d, d - 1, itemsB, v);
      } else if (choice === STAY) {
        recordReason(w, f, 'stay', s, d, d, itemsA, v);
      } else {
        const trust = P.trust[p] + (upBasis === CONTRACT ? law * m.lawTrust : 0);
        const agreed = trust >= b.trustNeeded[d] && rng.chance(schoolUp);
        if (agreed) {
          P.depth[p] = d + 1;
          P.basis[p] = upBasis;
          S.load[s] += 1;
          recordReason(w, f, 'up', s, d, d + 1, itemsB, v);
        } else {
          recordReason(w, f, 'stay', s, d, d, itemsA, v);
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
