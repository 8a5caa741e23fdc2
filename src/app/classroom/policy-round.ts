import { ITEMS, ITEM_COUNT, type Item } from '../../model/firm-payoff.ts';
import type { MetricName } from '../../model/metrics.ts';
import type { Snapshot } from '../../model/simulate.ts';
import { CHOICES } from '../../model/state.ts';
import type { LeverName, ScenarioInput } from '../../model/params/schema.ts';
import { teamSchedule, type TeamChoices } from './team-choices.ts';
import { metricSoFar, type RunValues } from '../../runner/run-metrics.ts';

/** Simulated years of one game: ten rounds, one year each. */
export const GAME_YEARS = 10;

/**
 * The class's budget: extra fiscal cost over the status quo, summed over the ten years.
 * Assumption: 150 M¥ is about 60% of what the full policy package costs over ten years
 * (about 25 M¥ a year more than the status quo), so a class cannot buy every lever for
 * every year; funding every college at 1 M¥ a year (60 M¥) spends it in under three years.
 */
export const GAME_BUDGET_M = 150;

/** Seeds per round: few enough for a round to answer in a second or two, enough for a median. */
export const GAME_SEEDS = 4;

/** The levers the class sets, in the order of the panel. */
export const GAME_LEVERS: readonly LeverName[] = ['taxRelief', 'law', 'groups', 'subsidyPerInternMonth', 'schoolFunding', 'dataPlatform', 'greenChannel'];

/** The levers of one year: lever → value. */
export type YearLevers = Partial<Record<LeverName, number>>;

/**
 * The scenario of the first `decided.length` years: the status quo with each lever as
 * steps from the year it was set (one step a year at most, merged where nothing changed).
 * A shorter run repeats a longer one's first years exactly, so each round only adds a year.
 * With roles, `teams` holds the college and firm teams' choices of each year; they become
 * the scenario's `yearly` steps (none while the teams keep the status quo).
 */
export function gameInput(base: ScenarioInput, decided: readonly YearLevers[], statusQuo: YearLevers, teams?: readonly TeamChoices[]): ScenarioInput {
  const policy: Record<string, unknown> = { ...((base as { policy?: Record<string, unknown> }).policy ?? {}) };
  for (const lever of GAME_LEVERS) {
    const steps: { from: number; value: number }[] = [];
    decided.forEach((levers, year) => {
      const value = levers[lever] ?? statusQuo[lever] ?? 0;
      if (steps.length === 0 || steps[steps.length - 1].value !== value) steps.push({ from: year, value });
    });
    if (steps.length === 1 && steps[0].value === (statusQuo[lever] ?? 0)) continue;
    if (steps.length) policy[lever] = steps.length === 1 ? steps[0].value : steps;
  }
  const yearly = teams ? teamSchedule(teams) : undefined;
  return { ...base, years: decided.length, policy, ...(yearly ? { yearly } : {}) } as ScenarioInput;
}

/** Mean over seeds of one metric in one year (NaN entries, and runs that stop before the year, skipped). */
export function meanAt(runs: readonly RunValues[], year: number, m: MetricName): number {
  let s = 0;
  let n = 0;
  for (const r of runs) {
    const v = metricSoFar(r, m, year);
    if (Number.isFinite(v)) (s += v), n++;
  }
  return n ? s / n : NaN;
}

/** What one round showed: the year's outcome against the status quo on the same seeds. */
export interface RoundResult {
  year: number;
  levers: YearLevers;
  deep: number;
  deepBaseline: number;
  /** Depth points at the end of the year (see {@link depthPointsAt}), and the status quo's. */
  points: number;
  pointsBaseline: number;
  /** Share of firms whose deepest partnership is at depth 3–4, and the status quo's. */
  deepShare: number;
  deepShareBaseline: number;
  cooperating: number;
  cooperatingBaseline: number;
  /** Extra fiscal cost of the year over the status quo, M¥ (mean over seeds). */
  extraCost: number;
  /** Colleges: willingness to deepen, share with no staff time left, training conditions; each with the status quo's. */
  schoolWillingness: number;
  schoolWillingnessBaseline: number;
  schoolsFull: number;
  schoolsFullBaseline: number;
  facilities: number;
  facilitiesBaseline: number;
  /** With roles: the college and firm teams' choices for the year. */
  teams?: TeamChoices;
}

/**
 * Depth points of `firms` firms in one year, mean over seeds: each firm scores by its
 * deepest partnership, 1 for an order class or co-developed curriculum (depth 2), 2 for a
 * joint training base or co-built major (3), 3 for integrated cooperation (4), 0 for
 * shallow or none. Why not count only depth 3–4: in ten years from the status quo few firms
 * get there (the seed's claim 1), so most mixes would tie at about zero; the points still
 * weigh depth 4 three times depth 2, and shallow entry earns nothing.
 */
export function depthPointsAt(runs: readonly RunValues[], year: number, firms: number): number {
  return firms * (meanAt(runs, year, 'depth_2_share') + 2 * meanAt(runs, year, 'depth_3_share') + 3 * meanAt(runs, year, 'depth_4_share'));
}

/** Share of firms at depth 3–4 in one year, mean over seeds. */
const deepShareAt = (runs: readonly RunValues[], year: number) => meanAt(runs, year, 'depth_3_share') + meanAt(runs, year, 'depth_4_share');

/** The round's numbers from the game's runs (each of at least `year + 1` years) and the status quo's, for a world of `firms` firms. */
export function roundResult(year: number, levers: YearLevers, current: readonly RunValues[], baseline: readonly RunValues[], firms: number): RoundResult {
  return {
    year,
    levers,
    deep: meanAt(current, year, 'deep_partnerships'),
    deepBaseline: meanAt(baseline, year, 'deep_partnerships'),
    points: depthPointsAt(current, year, firms),
    pointsBaseline: depthPointsAt(baseline, year, firms),
    deepShare: deepShareAt(current, year),
    deepShareBaseline: deepShareAt(baseline, year),
    cooperating: meanAt(current, year, 'firms_cooperating_share'),
    cooperatingBaseline: meanAt(baseline, year, 'firms_cooperating_share'),
    extraCost: meanAt(current, year, 'fiscal_cost') - meanAt(baseline, year, 'fiscal_cost'),
    schoolWillingness: meanAt(current, year, 'school_willingness'),
    schoolWillingnessBaseline: meanAt(baseline, year, 'school_willingness'),
    schoolsFull: meanAt(current, year, 'schools_full_share'),
    schoolsFullBaseline: meanAt(baseline, year, 'schools_full_share'),
    facilities: meanAt(current, year, 'school_facilities'),
    facilitiesBaseline: meanAt(baseline, year, 'school_facilities'),
  };
}

/** Extra fiscal cost of all rounds so far, M¥. */
export function spent(rounds: readonly RoundResult[]): number {
  return rounds.reduce((s, r) => s + r.extraCost, 0);
}

/** How firms reacted in a year: how many made each move, and the item that weighed most for the movers. */
export interface FirmReactions {
  joinedOrDeepened: number;
  leftOrCutBack: number;
  stayedOut: number;
  /** The item with the largest mean benefit among firms that joined or went deeper (k¥), if any moved. */
  pull: { item: Item; value: number } | null;
  /** The item with the largest mean cost among firms that left or went shallower (k¥), if any moved. */
  push: { item: Item; value: number } | null;
}

/** Reads the firms' decisions of `year` from a run's final state (its reasons record each firm's last decision). */
export function firmReactions(snap: Snapshot, year: number): FirmReactions {
  const r = snap.reasons;
  const up = new Float64Array(ITEM_COUNT);
  const down = new Float64Array(ITEM_COUNT);
  let nUp = 0;
  let nDown = 0;
  let out = 0;
  for (let f = 0; f < r.year.length; f++) {
    if (r.year[f] !== year) continue;
    const choice = CHOICES[r.choice[f]];
    const into = choice === 'enter' || choice === 'up' ? up : choice === 'leave' || choice === 'down' ? down : null;
    if (choice === 'stay out') out++;
    if (!into) continue;
    if (into === up) nUp++;
    else nDown++;
    for (let i = 0; i < ITEM_COUNT; i++) into[i] += r.items[f * ITEM_COUNT + i];
  }
  const top = (sums: Float64Array, n: number, sign: 1 | -1) => {
    if (n === 0) return null;
    let best = -1;
    for (let i = 0; i < ITEM_COUNT; i++) if (best < 0 || sign * sums[i] > sign * sums[best]) best = i;
    const value = sums[best] / n;
    return sign * value > 0 ? { item: ITEMS[best], value } : null;
  };
  return { joinedOrDeepened: nUp, leftOrCutBack: nDown, stayedOut: out, pull: top(up, nUp, 1), push: top(down, nDown, -1) };
}
