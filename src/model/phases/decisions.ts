import { exp } from '../portable-math.ts';
import { discountedValue, firmItems, stakes } from '../firm-payoff.ts';
import { logitChoice } from '../logit-choice.ts';
import { schoolCapacity, schoolValue, staffTime } from '../school-payoff.ts';
import { REASON, recordReason } from '../record-reason.ts';
import { CONTRACT, FRIENDSHIP, type World } from '../state.ts';

/** Indices of the options of a partner decision, in the order the logit choice sums them. */
const LEAVE = 0;
const DOWN = 1;
const STAY = 2;
const UP = 3;

/**
 * Phase 4: every partnership older than this year is reconsidered. A friendship tie first
 * risks losing its personal contact. Then both sides decide, each by a logit choice among
 * the same options — leave, down (d−1), stay (d), up (d+1): the firm on discounted net
 * benefit (tilted by its attitude, noise in units of its stakes), the college on its own
 * yearly value of the partnership (`schools.choiceNoise`), with going up open to it only
 * while its coordinating staff have the time. The partnership goes to the lower of the two
 * chosen depths (either side can go down or leave alone); going up needs both and enough
 * trust, which an enforceable contract partly substitutes for. Each side's probability of
 * choosing up is its willingness to deepen.
 */
export function decisionsPhase(w: World): void {
  const { behaviour: b, mechanisms: m, schools: sc } = w.scenario;
  const F = w.firms;
  const S = w.schools;
  const P = w.partnerships;
  const K = P.perFirm;
  const rng = w.streams.decisions;
  const schoolRng = w.streams.schoolDecisions;
  const law = w.lever.law;
  const capacity = schoolCapacity(w);
  const su = w.scratch.schoolUtilities;
  const itemsA = w.scratch.items;
  const itemsB = w.scratch.items2;
  const { options: v, utilities: u } = w.scratch;
  const counters = w.counters;
  const year = w.year;

  // Last year's new partnerships still active, counted in the loop below (a separate pass
  // over every slot cost a tenth of this phase).
  let newLastYear = 0;
  for (let f = 0; f < F.n; f++) {
    for (let k = 0; k < K; k++) {
      const p = f * K + k;
      const s = P.school[p];
      if (s < 0 || P.startYear[p] === year) continue;
      P.age[p]++;
      const d = P.depth[p];
      const basis = P.basis[p];
      const oneYear = P.startYear[p] === year - 1;
      if (oneYear) newLastYear++;
      // Inside a group the group itself carries the tie when the personal contact leaves.
      const grouped = F.inGroup[f] === 1 && S.inGroup[s] === 1;
      if (basis === FRIENDSHIP && !grouped && rng.chance(b.contactTurnover)) {
        end(w, p, s, d, oneYear);
        recordReason(w, f, REASON.dissolved, s, d, 0, null, null);
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
      // After the draw u holds the logit weights: u[UP] / Σ u is the probability of up.
      P.firmWantsUp[p] = d < 4 ? u[UP] / (u[LEAVE] + u[DOWN] + u[STAY] + u[UP]) : NaN;

      // The college's own choice among the same options, from its own stream.
      const vsStay = schoolValue(w, f, s, d);
      su[LEAVE] = 0;
      su[DOWN] = d > 1 ? schoolValue(w, f, s, d - 1) / sc.choiceNoise : -Infinity;
      su[STAY] = vsStay / sc.choiceNoise;
      const staffFree = d < 4 && S.load[s] - staffTime(w, d) + staffTime(w, d + 1) <= capacity;
      su[UP] = staffFree ? schoolValue(w, f, s, d + 1) / sc.choiceNoise : -Infinity;
      const schoolChoice = logitChoice(su, 4, schoolRng);
      P.schoolWantsUp[p] = d < 4 ? su[UP] / (su[LEAVE] + su[DOWN] + su[STAY] + su[UP]) : NaN;

      const firmTo = choice === LEAVE ? 0 : choice === DOWN ? d - 1 : choice === STAY ? d : d + 1;
      const schoolTo = schoolChoice === LEAVE ? 0 : schoolChoice === DOWN ? d - 1 : schoolChoice === STAY ? d : d + 1;
      const byCollege = schoolTo < firmTo;
      const to = byCollege ? schoolTo : firmTo;

      if (to === 0) {
        end(w, p, s, d, oneYear);
        recordReason(w, f, byCollege ? REASON.collegeLeft : REASON.leave, s, d, 0, itemsA, v);
      } else if (to < d) {
        setDepth(w, p, s, d, to);
        firmItems(w, f, s, to, basis, itemsB);
        recordReason(w, f, byCollege ? REASON.collegeDown : REASON.down, s, d, to, itemsB, v);
      } else if (to === d) {
        // A firm that wanted up but was refused by the college stays.
        recordReason(w, f, REASON.stay, s, d, d, itemsA, v);
      } else {
        const trust = P.trust[p] + (upBasis === CONTRACT ? law * m.lawTrust : 0);
        if (trust >= b.trustNeeded[d]) {
          setDepth(w, p, s, d, d + 1);
          P.basis[p] = upBasis;
          recordReason(w, f, REASON.up, s, d, d + 1, itemsB, v);
        } else {
          recordReason(w, f, REASON.stay, s, d, d, itemsA, v);
        }
      }
    }
  }
  // Last year's new partnerships whose firm closed this year ended after one year too.
  counters.newLastYear = newLastYear + counters.closedAfterOneYear;
  counters.endedAfterOneYear += counters.closedAfterOneYear;
}

function setDepth(w: World, p: number, s: number, from: number, to: number): void {
  w.partnerships.depth[p] = to;
  w.schools.load[s] += staffTime(w, to) - staffTime(w, from);
}

function end(w: World, p: number, s: number, d: number, oneYear: boolean): void {
  const P = w.partnerships;
  P.school[p] = -1;
  P.depth[p] = 0;
  P.firmWantsUp[p] = NaN;
  P.schoolWantsUp[p] = NaN;
  w.schools.load[s] -= staffTime(w, d);
  if (oneYear) w.counters.endedAfterOneYear++;
}
