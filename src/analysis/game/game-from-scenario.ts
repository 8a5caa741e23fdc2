import { createWorld } from '../../model/create-world.ts';
import { I_ADMIN, I_CURRICULUM, I_DISPUTE, I_EVALUATION, I_GREEN, I_INVESTMENT, I_OUTPUT, I_PAY, I_POACHING, I_RECRUITMENT, I_SUBSIDY, I_SUPERVISION, I_TAX, I_TECH, ITEMS } from '../../model/firm-payoff.ts';
import { METRIC_COUNT } from '../../model/metrics.ts';
import { policyPhase } from '../../model/phases/policy.ts';
import { recordPhase } from '../../model/phases/record.ts';
import type { LeverValues } from '../../model/params/compile-levers.ts';
import type { World } from '../../model/state.ts';
import type { LeverName, Scenario } from '../../model/params/schema.ts';
import type { GameParams } from './game-params.ts';
import { DEEP_DEPTH, firmStride, pairPayoffGaps, SHALLOW_DEPTH, type PairPayoffGaps } from './pair-payoff-gaps.ts';

/** One parameter of the derived game: its value, the formula and the payoff items it came from. */
export interface DerivedTerm {
  value: number;
  /** How the value is computed from the model's payoff items (means over pairs, k¥ a year). */
  formula: string;
  /** The payoff items (`firm.<item>` of the firm's items, `school.<part>` of the college's value, or a scenario field). */
  from: string[];
  /** What the term leaves out or assumes. */
  note?: string;
}

/** Options of {@link gameFromScenario}. */
export interface GameFromScenarioOptions {
  /** Year whose lever values are used (default 0; steps and expressions are evaluated for it). */
  year?: number;
  /** Derive the three-population game: discretionary support becomes an active government's reward. */
  government?: boolean;
  /**
   * Average over at most this many firm–college pairs, taking every k-th firm (default: all
   * pairs). The app sets it so that a national-scale world is reduced in a moment.
   */
  maxPairs?: number;
  /** Levers set to a value after the year's levers are evaluated (for sweeps of one lever). */
  levers?: Partial<Record<LeverName, number>>;
}

/** The game a scenario reduces to, with every term traced to the payoff items it came from. */
export interface ScenarioGame {
  scenario: string;
  seed: number;
  year: number;
  /** The lever values of that year the terms were derived at. */
  levers: LeverValues;
  params: GameParams;
  /** Start shares: the world's share of partnerships at depth 3 or more, at least START_FLOOR (both populations); z0 = 0.5 with government. */
  start: { x0: number; y0: number; z0?: number };
  terms: Record<string, DerivedTerm>;
  /** What the averaging hides: how many of the pairs each side gains from going deep. */
  heterogeneity: { pairs: number; firmDeepPays: number; schoolDeepPays: number; bothInGroup: number };
}

const FIRM_BENEFIT = [I_OUTPUT, I_RECRUITMENT, I_TECH];
const FIRM_COST = [I_PAY, I_SUPERVISION, I_CURRICULUM, I_INVESTMENT, I_POACHING, I_DISPUTE, I_ADMIN];
const FIRM_SUPPORT = [I_TAX, I_SUBSIDY, I_GREEN];
const NON_POLICY = [...FIRM_BENEFIT, ...FIRM_COST];

const sum = (a: Float64Array, idx: readonly number[]) => idx.reduce((t, i) => t + a[i], 0);
const firmNames = (idx: readonly number[]) => idx.map((i) => `firm.${ITEMS[i]}`);
const GAP = `mean over firm–college pairs of the item at depth ${DEEP_DEPTH} minus depth ${SHALLOW_DEPTH} (contract basis; delayed items discounted by the firm's horizon)`;

/**
 * Builds the world of `scenario` with its own seed and sets the levers of `year` (policy
 * phase: levers, group membership, running cost), as the run would in that year.
 * Returns the world and the government's yearly running cost of the levers per firm (k¥).
 */
export function scenarioWorld(scenario: Scenario, year: number): { world: World; runningCostPerFirm: number } {
  const w = createWorld(scenario, scenario.seed);
  // The metrics of the initial state are what year-0 lever expressions read.
  recordPhase(w, new Float64Array(METRIC_COUNT));
  w.year = year;
  policyPhase(w);
  return { world: w, runningCostPerFirm: w.firms.n > 0 ? w.ledger.adminCost / w.firms.n : 0 };
}

/**
 * Smallest start share: the replicator dynamics never leave a boundary (a population with
 * no deep member stays so), so a start at 0 could never tip. assumption: one pair in a
 * hundred is deep, a few pioneers any status quo has.
 */
export const START_FLOOR = 0.01;

/** Share of the world's active partnerships at depth 3 or more (0 when there are none). */
function deepShare(w: World): number {
  const P = w.partnerships;
  let active = 0;
  let deep = 0;
  for (let p = 0; p < P.school.length; p++) {
    if (P.school[p] < 0) continue;
    active++;
    if (P.depth[p] >= DEEP_DEPTH) deep++;
  }
  return active > 0 ? deep / active : 0;
}

/**
 * Derives the mean-field game's parameters from a scenario's own payoff code: every firm of
 * the scenario's world (built with its seed) is paired with every college of its region and
 * the payoff items of a deep (depth 3) and a shallow (depth 1) partnership are compared
 * (`firmItems`, `schoolValue`), as the firm and the college compare them when they decide.
 * The formulas are in docs/ODD.md (Mean-field companion, The scenario's own game). Pure: the
 * same scenario gives the same game.
 */
export function gameFromScenario(scenario: Scenario, options: GameFromScenarioOptions = {}): ScenarioGame {
  const year = options.year ?? 0;
  if (!Number.isInteger(year) || year < 0 || year >= scenario.years)
    throw new Error(`year: ${year} is not a year of this scenario; expected an integer in 0–${scenario.years - 1}`);
  const { world, runningCostPerFirm } = scenarioWorld(scenario, year);
  for (const [name, value] of Object.entries(options.levers ?? {})) world.lever[name as LeverName] = value;
  return gameFromWorld(world, runningCostPerFirm, scenario.name, year, options.government === true, firmStride(world, options.maxPairs));
}

/** {@link gameFromScenario} on a world already built (its levers as set). */
export function gameFromWorld(w: World, runningCostPerFirm: number, name: string, year: number, government: boolean, stride = 1): ScenarioGame {
  const g = pairPayoffGaps(w, stride);
  const m = w.scenario.mechanisms;
  const k = w.scenario.policy.evaluationInterval;
  const terms: Record<string, DerivedTerm> = {};
  const schoolSurplus = g.schoolBenefit;
  const firmSurplus = sum(g.firmIdealNoLaw, FIRM_BENEFIT);
  const firmRealised = sum(g.firmNoLaw, FIRM_BENEFIT);
  const V = schoolSurplus + firmSurplus;
  terms.V = {
    value: V,
    formula: `school.benefit + firm benefit with a college of perfect conditions (${GAP})`,
    from: ['school.placements', 'school.hires', 'school.equipment', 'school.teachers', ...firmNames(FIRM_BENEFIT)],
    note: 'the firm part is valued at law 0 (the law is in ge) and with graduate skill 1, teacher practice 1 and a matching sector (q carries the college\'s actual conditions)',
  };
  terms.alpha = {
    value: V > 0 ? schoolSurplus / V : 0,
    formula: 'school.benefit / V',
    from: ['school.placements', 'school.hires', 'school.equipment', 'school.teachers'],
  };
  terms.q = {
    value: firmSurplus > 0 ? Math.min(1, Math.max(0, firmRealised / firmSurplus)) : 0,
    formula: 'firm benefit with the actual colleges / firm benefit with colleges of perfect conditions (both at law 0)',
    from: firmNames(FIRM_BENEFIT),
    note: 'school conditions enter through graduate skill (intern output, recruitment savings) and teacher practice (technical services)',
  };
  terms.Cs = {
    value: g.schoolCost,
    formula: `schools.coordinationCost[${DEEP_DEPTH}] − schools.coordinationCost[${SHALLOW_DEPTH}]`,
    from: ['school.coordinationCost'],
    note: "a college also goes up only while its coordinating staff have time (capacity), which the game leaves out",
  };
  terms.gs = {
    value: 0,
    formula: '0',
    from: [],
    note: 'no lever enters a college\'s value of a partnership: school funding raises its conditions (q over the years), not its payoff of going deep',
  };
  terms.Ce = {
    value: -sum(g.firmNoLaw, FIRM_COST),
    formula: `−(sum of the firm's cost items at law 0; ${GAP})`,
    from: firmNames(FIRM_COST),
  };
  const lawEffect = sum(g.firm, NON_POLICY) - sum(g.firmNoLaw, NON_POLICY);
  const support = sum(g.firm, FIRM_SUPPORT);
  const reward = k > 0 ? (m.evaluationReward / k) * g.bothInGroup : 0;
  const penalty = k > 0 ? (m.evaluationPenalty / k) * g.bothInGroup : 0;
  const lawTerm: DerivedTerm = {
    value: lawEffect,
    formula: 'firm benefit − cost at the scenario\'s law minus the same at law 0',
    from: ['firm.internPay', 'firm.recruitmentSavings', 'firm.poachingLoss', 'firm.disputeRisk'],
    note: 'the law\'s effects on trust and on the share of contracts are not payoffs and are left out',
  };
  const supportFrom = [...firmNames(FIRM_SUPPORT), 'firm.evaluation'];
  const two: GameParams = {
    V,
    alpha: terms.alpha.value,
    Cs: g.schoolCost,
    Ce: terms.Ce.value,
    gs: 0,
    ge: lawEffect + support + reward + penalty,
    q: terms.q.value,
  };
  if (!government) {
    terms.ge = {
      value: two.ge,
      formula: 'tax relief + subsidy + green channel + evaluation (reward at depth 3, penalty avoided at depth 1) + law effect',
      from: [...supportFrom, ...lawTerm.from],
      note: 'certification is counted at last year\'s acceptance rate of the screening (1 before any screening), not at the quota\'s long-run rate',
    };
    terms.lawEffect = lawTerm;
  } else {
    terms.ge = { ...lawTerm, note: `${lawTerm.note}; the law binds whatever the government does, so it stays in ge` };
    two.ge = lawEffect;
    terms.Se = {
      value: support + reward,
      formula: 'tax relief + subsidy + green channel + evaluation reward at depth 3',
      from: supportFrom,
    };
    terms.Fe = { value: penalty, formula: 'evaluation penalty of a flagged shallow partnership ÷ evaluationInterval × share of pairs both in a group', from: ['firm.evaluation', 'mechanisms.evaluationPenalty'] };
    terms.Gs = { value: 0, formula: '0', from: [], note: terms.gs.note };
    terms.Fs = { value: 0, formula: '0', from: [], note: 'the model fines no college for a shallow partnership' };
    terms.Cg = {
      value: runningCostPerFirm + (k > 0 ? (m.evaluationCost / k) * g.bothInGroup : 0),
      formula: 'running cost of groups, data platform and law enforcement per firm + evaluation cost ÷ evaluationInterval × share of pairs both in a group',
      from: ['mechanisms.groupAdminCost', 'mechanisms.platformCost', 'mechanisms.lawEnforcementCost', 'mechanisms.evaluationCost'],
    };
    terms.L = {
      value: V,
      formula: 'V',
      from: terms.V.from,
      note: 'assumption: a passive government is blamed for the joint surplus forgone; the model\'s government is not an agent and has no payoff',
    };
    two.government = { Cg: terms.Cg.value, Gs: 0, Se: terms.Se.value, Fs: 0, Fe: penalty, L: V };
  }
  const x0 = Math.max(START_FLOOR, deepShare(w));
  return {
    scenario: name,
    seed: w.scenario.seed,
    year,
    levers: { ...w.lever },
    params: two,
    start: government ? { x0, y0: x0, z0: 0.5 } : { x0, y0: x0 },
    terms,
    heterogeneity: { pairs: g.pairs, firmDeepPays: g.firmDeepPays, schoolDeepPays: g.schoolDeepPays, bothInGroup: g.bothInGroup },
  };
}

export type { PairPayoffGaps };
