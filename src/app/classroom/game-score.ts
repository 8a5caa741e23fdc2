import { spent, type RoundResult } from './policy-round.ts';

/**
 * Added to the class's spending before dividing, so a free or nearly free mix scores its
 * gain over this rather than over almost nothing (tax relief alone costs about 0.06 M¥ over
 * ten years: only certified firms claim it). Added rather than used as a floor, so two mixes
 * with the same gain and different cheap costs still differ. Assumption: 10 M¥ over ten
 * years, about one year of running the education groups at 80% coverage, is the least a
 * programme costs to run.
 */
export const PROGRAMME_COST_M = 10;

/** The score counts depth points per this many M¥: the game's 150 M¥ budget is of this order, so scores read as "what 100 M¥ buys". */
export const SCORE_PER_M = 100;

/** What a score is made of, so the class can check the division. */
export interface ScoreParts {
  /** Depth points in the last year played, the class's policy and the status quo on the same seeds. */
  points: number;
  pointsBaseline: number;
  /** points − pointsBaseline: may be negative (a mix can make firms shallower). */
  gain: number;
  /** Share of firms at depth 3–4 in the last year, gained against the status quo. */
  deepShareGain: number;
  /** Extra spending over all rounds, M¥ (negative if the mix saved money). */
  spent: number;
  /** The divisor: spending (a saving counts as none) plus {@link PROGRAMME_COST_M}. */
  counted: number;
  /** gain / counted × {@link SCORE_PER_M}: extra depth points per 100 M¥. */
  score: number;
}

/**
 * The game's score: extra depth points at the end of the last round played (against the
 * status quo on the same seeds) per 100 M¥ of extra spending over all rounds, with the
 * fixed programme cost added to the spending. Null before the first round.
 */
export function scoreParts(rounds: readonly RoundResult[]): ScoreParts | null {
  if (rounds.length === 0) return null;
  const last = rounds[rounds.length - 1];
  const money = spent(rounds);
  const counted = Math.max(0, money) + PROGRAMME_COST_M;
  const gain = last.points - last.pointsBaseline;
  return {
    points: last.points,
    pointsBaseline: last.pointsBaseline,
    gain,
    deepShareGain: last.deepShare - last.deepShareBaseline,
    spent: money,
    counted,
    score: (gain / counted) * SCORE_PER_M,
  };
}

/** The score alone; NaN before the first round. */
export function gameScore(rounds: readonly RoundResult[]): number {
  return scoreParts(rounds)?.score ?? NaN;
}

/**
 * Decimals a score is shown with: two under 10, one above. Measured over 22 policy mixes on
 * the game's seeds, scores run from about 0.2 to 180 and the two closest differ by 0.04,
 * so this shows every measured mix apart (test/unit/classroom-score.test.ts).
 */
export function scoreDecimals(score: number): number {
  return Math.abs(score) < 10 ? 2 : 1;
}
