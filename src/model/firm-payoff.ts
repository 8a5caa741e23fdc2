import { CONTRACT, type World } from './state.ts';
import { pow } from './portable-math.ts';
import { asDouble } from './number-hints.ts';

/** Benefit (+) and cost (−) items of one partnership for a firm, k¥ per year. */
export const ITEMS = [
  'internOutput',
  'internPay',
  'supervision',
  'curriculum',
  'investment',
  'recruitmentSavings',
  'techServices',
  'poachingLoss',
  'disputeRisk',
  'adminCost',
  'taxRelief',
  'subsidy',
  'greenChannel',
  'evaluation',
] as const;
export type Item = (typeof ITEMS)[number];
export const ITEM_COUNT = ITEMS.length;
export const I_OUTPUT = 0;
export const I_PAY = 1;
export const I_SUPERVISION = 2;
export const I_CURRICULUM = 3;
export const I_INVESTMENT = 4;
export const I_RECRUITMENT = 5;
export const I_TECH = 6;
export const I_POACHING = 7;
export const I_DISPUTE = 8;
export const I_ADMIN = 9;
export const I_TAX = 10;
export const I_SUBSIDY = 11;
export const I_GREEN = 12;
export const I_EVALUATION = 13;

/** Quantities of a partnership besides money, written by {@link firmItems}. */
export interface PartnershipFlows {
  interns: number;
  hires: number;
  retention: number;
}

const flowsScratch: PartnershipFlows = { interns: 0, hires: 0, retention: 0 };

/** A firm's stakes: the money scale of its decisions (k¥), 10% of a hire's wage times its size. */
export function stakes(w: World, f: number): number {
  return 0.1 * w.firms.wage[f] * w.firms.scale[f];
}

/**
 * The one eligibility rule of certification: a firm may apply for certification as an
 * industry–education integration enterprise through a contract partnership of depth 2
 * or more, unless the last evaluation flagged it. Whether it is certified is decided by
 * the yearly screening (see the evaluation phase).
 */
export function mayApply(w: World, f: number, depth: number, basis: number): boolean {
  return basis === CONTRACT && depth >= 2 && w.firms.flagged[f] === 0;
}

/** Whether firms apply at all: certification brings relief only through tax relief or the green channel. */
export function certificationRuns(w: World): boolean {
  return w.scenario.policy.certificationQuota > 0 && (w.lever.taxRelief > 0 || w.lever.greenChannel > 0);
}

/**
 * The chance a firm counts on of holding certification with a partnership of this depth
 * and basis: 1 if it is certified, last year's acceptance rate of the screening if it
 * could apply through this partnership, 0 otherwise.
 */
export function certificationChance(w: World, f: number, depth: number, basis: number): number {
  if (w.firms.certified[f] === 1) return 1;
  return certificationRuns(w) && mayApply(w, f, depth, basis) ? w.certification.acceptRate : 0;
}

/**
 * A firm's yearly education-surcharge liability (k¥), the ceiling of its tax-relief
 * credit: the surcharge rates on the VAT it pays, VAT taken in proportion to its wage bill.
 */
export function surchargeLiability(w: World, f: number): number {
  const e = w.scenario.economics;
  return e.educationSurchargeRate * e.vatPerWageBill * e.firmStaff * w.firms.scale[f] * w.firms.wage[f];
}

/**
 * Investment that qualifies for the credit (k¥, positive): equipment and training bases
 * (construction investment of training bases) and curriculum work (running costs of
 * co-run programmes). Intern pay and supervision are the firm's own operating costs and do
 * not qualify (Caishui [2019] No. 46, Art. 3).
 */
export function qualifyingInvestment(items: Float64Array): number {
  return -(items[I_CURRICULUM] + items[I_INVESTMENT]);
}

/**
 * Share of the regular wage an intern at this depth is paid: the customary share, plus
 * the part of the gap to the floor that firms close. The floor covers post internships
 * (depth 2 and more: working relatively independently on a post, 2021 rules Art. 18), not
 * short visits; compliance is partial without enforcement and complete at full law.
 */
export function internPayShare(w: World, depth: number): number {
  const e = w.scenario.economics;
  const gap = w.lever.internPayFloor - e.internPayShare;
  if (depth < 2 || gap <= 0) return e.internPayShare;
  const c0 = w.scenario.mechanisms.payFloorCompliance;
  return e.internPayShare + (c0 + (1 - c0) * w.lever.law) * gap;
}

/**
 * Writes the expected yearly benefit and cost items of firm `f` cooperating with college
 * `s` at `depth` (1–4) on `basis` into `out`, and returns the flows (interns, hires,
 * retention). Every lever enters here through its named mechanism, so a change in an
 * outcome can be traced to an item.
 */
export function firmItems(w: World, f: number, s: number, depth: number, basis: number, out: Float64Array): PartnershipFlows {
  const { economics: e, labour: lab, mechanisms: m, policy } = w.scenario;
  const F = w.firms;
  const S = w.schools;
  const L = w.lever;
  const di = depth - 1;
  const scale = F.scale[f];
  const sizeRoot = Math.sqrt(scale);
  const wage = F.wage[f];
  const high = F.tech[f] === 1;
  const sameSector = S.sector[s] === F.sector[f];
  const skill = S.skill[s] * (sameSector ? 1 : e.sectorMismatch);
  const bothInGroup = F.inGroup[f] === 1 && S.inGroup[s] === 1;

  const interns = e.interns[di] * scale;
  const manYears = (interns * e.internMonths[di]) / 12;
  const productivity = F.fit[f] * (e.internProductivity + e.internSkillEffect * skill);
  out[I_OUTPUT] = manYears * wage * productivity;
  out[I_PAY] = -manYears * wage * internPayShare(w, depth);
  out[I_SUPERVISION] = -manYears * wage * e.supervisionShare[di];
  out[I_CURRICULUM] = -e.curriculumCost[di] * sizeRoot;
  const sharedBase = bothInGroup ? m.groupSharedBase * L.groups : 0;
  out[I_INVESTMENT] = -e.investment[di] * sizeRoot * (1 - 0.5 * S.facilities[s]) * (1 - sharedBase);

  const hireCap = w.scenario.firms.skilledHires * scale;
  const wanted = interns * e.hireRate[di];
  const hires = wanted < hireCap ? wanted : hireCap;
  let retention = e.retentionBase + e.retentionPerDepth * di;
  if (basis === CONTRACT) retention += L.law * m.lawRetention;
  if (retention > 0.95) retention = 0.95;
  // Low-tech firms can fill the job with cheap labour instead, so a trained hire saves them little.
  const cheap = lab.substitution * w.labour.cheapLabour[F.region[f]];
  const altCost = high ? asDouble(lab.hiringCostHigh) : lab.hiringCostLow * (1 - cheap);
  const premium = high ? asDouble(lab.skillPremiumHigh) : lab.skillPremiumLow * (1 - cheap);
  const perRetained = altCost + premium * wage * 2 * skill;
  out[I_RECRUITMENT] = hires * retention * perRetained;
  // What a leaver takes away grows with the training invested in them (months as an intern).
  out[I_POACHING] = -hires * (1 - retention) * e.poachingCost * wage * (e.internMonths[di] / 6);
  out[I_TECH] = e.techServices[di] * S.teacherPractice[s] * sizeRoot;
  out[I_DISPUTE] = -e.disputeRate * (1 - L.law * m.lawDisputeCut) * interns * e.disputeCost;

  const cert = certificationChance(w, f, depth, basis);
  out[I_ADMIN] = -e.adminCost[di];
  out[I_GREEN] = cert * e.adminCost[di] * L.greenChannel;
  // The expected credit of this partnership alone, capped by the firm's surcharge liability.
  const credit = L.taxRelief * qualifyingInvestment(out);
  const liability = cert > 0 && credit > 0 ? surchargeLiability(w, f) : 0;
  out[I_TAX] = cert * (credit < liability ? credit : liability);
  // Paid per intern-month, so a six-month placement earns four times a 1.5-month visit.
  out[I_SUBSIDY] = basis === CONTRACT ? L.subsidyPerInternMonth * interns * e.internMonths[di] : 0;
  const k = policy.evaluationInterval;
  out[I_EVALUATION] =
    k > 0 && bothInGroup ? (depth >= 3 ? m.evaluationReward / k : depth <= 1 ? -m.evaluationPenalty / k : 0) : 0;

  flowsScratch.interns = interns;
  flowsScratch.hires = hires;
  flowsScratch.retention = retention;
  return flowsScratch;
}

/** Sum of all items: the expected yearly net benefit (k¥). */
export function netOf(items: Float64Array): number {
  // Written out in item order, the order of the loop it replaces (so the same sum to the
  // bit): every search and partner decision sums the items, and the loop was a tenth of
  // matching.
  return (
    0 +
    items[0] +
    items[1] +
    items[2] +
    items[3] +
    items[4] +
    items[5] +
    items[6] +
    items[7] +
    items[8] +
    items[9] +
    items[10] +
    items[11] +
    items[12] +
    items[13]
  );
}

/**
 * Discounted value of the items for a firm: benefits that arrive only once graduates are
 * trained (recruitment savings, services, poaching losses) are discounted by the firm's
 * planning horizon, so short-horizon firms see little of them.
 */
export function discountedValue(w: World, f: number, depth: number, items: Float64Array): number {
  const lag = w.scenario.economics.internLag[depth - 1];
  const base = 1 / (1 + w.firms.discount[f]);
  // pow(x, 1) is x and pow(x, 2) is x·x (its own special cases): no call for those lags.
  const delta = lag === 1 ? base : lag === 2 ? base * base : lag > 0 ? pow(base, lag) : 1;
  const delayed = items[I_RECRUITMENT] + items[I_TECH] + items[I_POACHING];
  return netOf(items) - delayed + delta * delayed;
}

/** Gross training cost of the items (pay, supervision, curriculum, investment), as a positive k¥. */
export function grossTrainingCost(items: Float64Array): number {
  return -(items[I_PAY] + items[I_SUPERVISION] + items[I_CURRICULUM] + items[I_INVESTMENT]);
}
