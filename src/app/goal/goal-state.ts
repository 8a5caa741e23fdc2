import { LEVER_NAMES, type LeverName } from '../../model/params/schema.ts';

/** Outputs a goal can target, with the expression of the model's outputs that defines each. */
export const GOAL_OUTPUTS = {
  deep_share: 'depth_3_share + depth_4_share',
  firms_cooperating_share: 'firms_cooperating_share',
  mean_depth: 'mean_depth',
} as const;
export type GoalOutput = keyof typeof GOAL_OUTPUTS;

/** Search sizes offered in the app: NSGA-II population and generations (assumption: small enough that a browser search ends while the user waits, about 30–150 mixes). */
export const GOAL_SIZES = {
  small: { population: 8, generations: 3 },
  medium: { population: 12, generations: 5 },
  large: { population: 16, generations: 8 },
} as const;
export type GoalSize = keyof typeof GOAL_SIZES;

/** Levers the panel may search: every policy lever (each has a slider; the form lists them in the sliders' order). */
export const GOAL_LEVERS: readonly LeverName[] = LEVER_NAMES;

/** The Goal panel's settings; all of them live in the link. */
export interface GoalPanelState {
  output: GoalOutput;
  /** Year the target must be reached in (and the cost counted to). */
  year: number;
  /** The level the output must reach. */
  level: number;
  /** Share of runs that must reach it (the pessimistic quantile). */
  confidence: number;
  /** Most cumulative fiscal cost to the year, M¥; null: no cap. */
  budget: number | null;
  levers: LeverName[];
  size: GoalSize;
  /** Runs per candidate (the same seeds for every candidate). */
  seeds: number;
  /** Master seed of the search. */
  seed: number;
  /** Whether a search was started: a link with it runs the same search again (it is deterministic). */
  run: boolean;
}

/** Confidence levels offered. */
export const GOAL_CONFIDENCES = [0.5, 0.8, 0.9] as const;
/** Seeds per candidate offered. */
export const GOAL_SEEDS = [2, 4, 8] as const;

/**
 * A fresh Goal panel: one firm in ten in deep cooperation by year 10 in 80% of runs
 * (the question of issue 19 and of scenarios/goals/deep-share-10pct.json), searching
 * tax relief, the subsidy per intern-month and the law.
 */
export function defaultGoalState(): GoalPanelState {
  return {
    output: 'deep_share',
    year: 10,
    level: 0.1,
    confidence: 0.8,
    budget: null,
    levers: ['taxRelief', 'subsidyPerInternMonth', 'law'],
    size: 'small',
    seeds: 4,
    seed: 1,
    run: false,
  };
}

/** A stable key of everything that determines a search's result (not `run`). */
export function goalKey(g: GoalPanelState, scenarioKey: string): string {
  return JSON.stringify([g.output, g.year, g.level, g.confidence, g.budget, [...g.levers].sort(), g.size, g.seeds, g.seed, scenarioKey]);
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Reads one Goal field from a link's text, or says why not. */
export function parseGoalField(name: keyof GoalPanelState, text: string): Parsed<unknown> {
  const s = text.trim();
  const num = (lo: number, hi: number, whole = false): Parsed<number> => {
    const v = Number(s);
    if (!NUMBER.test(s) || !Number.isFinite(v) || v < lo || v > hi || (whole && !Number.isInteger(v)))
      return { ok: false, error: `expected ${whole ? 'a whole number' : 'a number'} from ${lo} to ${hi}` };
    return { ok: true, value: v };
  };
  const oneOf = <T extends string | number>(values: readonly T[], v: T): Parsed<T> =>
    values.includes(v) ? { ok: true, value: v } : { ok: false, error: `expected one of ${values.join(', ')}` };
  switch (name) {
    case 'output':
      return oneOf(Object.keys(GOAL_OUTPUTS), s);
    case 'year':
      return num(1, 60, true);
    case 'level':
      return num(0, 5);
    case 'confidence':
      return oneOf<number>(GOAL_CONFIDENCES, Number(s));
    case 'budget':
      return s === '' ? { ok: true, value: null } : num(0, 1e6);
    case 'levers': {
      const names = s.split(',').map((p) => p.trim()).filter((p) => p !== '');
      const unknown = names.filter((n) => !(GOAL_LEVERS as readonly string[]).includes(n));
      if (names.length === 0 || unknown.length > 0)
        return { ok: false, error: `expected policy levers separated by commas from ${GOAL_LEVERS.join(', ')}` };
      return { ok: true, value: [...new Set(names)] as LeverName[] };
    }
    case 'size':
      return oneOf(Object.keys(GOAL_SIZES), s);
    case 'seeds':
      return oneOf<number>(GOAL_SEEDS, Number(s));
    case 'seed':
      return num(0, 4294967295, true);
    case 'run':
      return s === '1' || s === '0' ? { ok: true, value: s === '1' } : { ok: false, error: 'expected 1 (search run) or 0' };
  }
}
