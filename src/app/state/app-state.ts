import { defaultGameState, type GameState } from './game-state.ts';
import { defaultGoalState, type GoalPanelState } from '../goal/goal-state.ts';
import { defaultWedgeState, type WedgePanelState } from '../wedges/wedge-link.ts';
import { DEFAULT_PRESET } from './presets.ts';

/** Languages of the user interface. */
export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * What the comparison runs against: the status-quo scenario (baseline.json, with the
 * current world size and years), or the current assumptions with status-quo policy.
 */
export const COMPARE_MODES = ['status-quo', 'no-policy'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

/** The views of the main area. */
export const TABS = ['overview', 'network', 'game', 'goal', 'lessons', 'classroom'] as const;
export type Tab = (typeof TABS)[number];

/** An agent picked in the network view, shown in the inspector. */
export interface Selection {
  kind: 'firm' | 'school';
  index: number;
}

/** Ensemble sizes offered (seeds per scenario). */
export const ENSEMBLE_SIZES = [1, 8, 16, 32] as const;

/**
 * Everything that defines what the app shows; all of it lives in the URL.
 * The scenario is a preset plus edits, so a link stays short and readable.
 */
export interface AppState {
  lang: Lang;
  /** Id of the preset the scenario starts from (a file in scenarios/). */
  preset: string;
  /**
   * Changes to the preset: dotted scenario path → value, e.g. `policy.taxRelief` → 0.3,
   * `schools.facilities` → 0.6, `seed` → 7. Policy levers hold a lever value (a number,
   * a list of steps or an expression).
   */
  edits: Record<string, unknown>;
  /** Seeds per scenario in the ensemble (1 = no band). */
  ensemble: number;
  compare: CompareMode;
  /** Each run of the ensemble draws its parameters from the shipped status-quo posterior. */
  paramUncertainty: boolean;
  tab: Tab;
  /** Year the summary card reports effects for. */
  effectYear: number;
  /** Year shown in the network view. */
  year: number;
  selection: Selection | null;
  /** The game panel: sliders, start points, agent-based runs. */
  game: GameState;
  /** The Goal panel: target, budget, levers and search settings. */
  goal: GoalPanelState;
  /** The lever-contributions panel of the overview: output, year, and whether the split was asked for. */
  wedges: WedgePanelState;
  /** Id of the lesson open in the Lessons tab (a file of scenarios/lessons/), or null for the lesson picker. */
  lesson: string | null;
  /** Present mode: large text and high contrast for a projector. */
  present: boolean;
}

/** The state of a fresh visit. */
export function defaultState(lang: Lang = 'en'): AppState {
  return {
    lang,
    preset: DEFAULT_PRESET,
    edits: {},
    ensemble: 32,
    compare: 'status-quo',
    paramUncertainty: false,
    tab: 'overview',
    effectYear: 10,
    year: 0,
    selection: null,
    game: defaultGameState(),
    goal: defaultGoalState(),
    wedges: defaultWedgeState(),
    lesson: null,
    present: false,
  };
}

/**
 * The preset a visit without a link opens on: the paper's full package against the status
 * quo, so the first screen shows what policy changes (the status quo against itself shows
 * only zeros). A link without `preset=` still means the status quo, as it always did.
 */
export const FIRST_SCREEN_PRESET = 'full-package';

/** The state of a visit without a link. */
export function firstScreenState(lang: Lang = 'en'): AppState {
  return { ...defaultState(lang), preset: FIRST_SCREEN_PRESET };
}

/** The language a first visit should use, from the browser's preferences. */
export function preferredLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    if (/^zh\b/i.test(l)) return 'zh-CN';
    if (/^en\b/i.test(l)) return 'en';
  }
  return 'en';
}
