/**
 * The state of the game panel (docs/ODD.md (Mean-field companion)): slider values, start points of the
 * trajectories and the settings of the agent-based runs. All of it lives in the link.
 */

/** The game parameters the panel has sliders for. */
export const GAME_PARAM_NAMES = ['V', 'alpha', 'Cs', 'Ce', 'gs', 'ge', 'q'] as const;
export type GameParamKey = (typeof GAME_PARAM_NAMES)[number];

/** A slider of the game panel: its range and step. */
export interface GameSliderSpec {
  name: GameParamKey;
  min: number;
  max: number;
  step: number;
}

/** Sliders of the game, with ranges (a link may set any value in range, off the step too). */
export const GAME_SLIDERS: readonly GameSliderSpec[] = [
  { name: 'V', min: 0, max: 20, step: 0.5 },
  { name: 'alpha', min: 0, max: 1, step: 0.05 },
  { name: 'Cs', min: 0, max: 10, step: 0.25 },
  { name: 'Ce', min: 0, max: 10, step: 0.25 },
  { name: 'gs', min: 0, max: 10, step: 0.25 },
  { name: 'ge', min: 0, max: 10, step: 0.25 },
  { name: 'q', min: 0, max: 1, step: 0.05 },
];

/** Settings of the agent-based runs drawn over the trajectories. */
export interface GameAbmSettings {
  /** Whether the runs are drawn (they are recomputed whenever the game changes). */
  show: boolean;
  /** Agents per population. */
  agents: number;
  /** Runs from each start point. */
  runs: number;
  /** Sweeps per unit of time (imitation probability = Δpayoff / M). */
  M: number;
  /** Master seed; run r from start s uses deriveSeed(seed, s·runs + r). */
  seed: number;
}

/** A start point (x, y) of a trajectory: shares of deep colleges and firms. */
export type StartPoint = [number, number];

/** Everything the game panel shows. */
export interface GameState {
  params: Record<GameParamKey, number>;
  starts: StartPoint[];
  abm: GameAbmSettings;
}

/** Integer settings of the agent-based runs, with their ranges. */
export const ABM_FIELDS: readonly { name: Exclude<keyof GameAbmSettings, 'show'>; min: number; max: number }[] = [
  { name: 'agents', min: 10, max: 5000 },
  { name: 'runs', min: 1, max: 50 },
  { name: 'M', min: 1, max: 50 },
  { name: 'seed', min: 0, max: 4294967295 },
];

/** Most start points kept; a new click drops the oldest. */
export const MAX_STARTS = 12;

/** The game of a fresh visit: scenarios/games/bistable.json with three starts, no agent-based runs. */
export function defaultGameState(): GameState {
  return {
    params: { V: 10, alpha: 0.4, Cs: 3, Ce: 5, gs: 0, ge: 3.5, q: 1 },
    starts: [
      [0.5, 0.5],
      [0.2, 0.8],
      [0.8, 0.2],
    ],
    abm: { show: false, agents: 500, runs: 10, M: 10, seed: 1 },
  };
}

/** Rounds a start share to 0.001 (what a click can meaningfully choose; keeps links short). */
export function roundShare(v: number): number {
  return Math.round(v * 1000) / 1000;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Reads a slider value from a link: a number within the slider's range, or why not. */
export function parseGameParam(name: GameParamKey, text: string): { ok: true; value: number } | { ok: false; error: string } {
  const spec = GAME_SLIDERS.find((s) => s.name === name) as GameSliderSpec;
  const s = text.trim();
  const v = Number(s);
  if (!NUMBER.test(s) || !Number.isFinite(v)) return { ok: false, error: `expected a number from ${spec.min} to ${spec.max}` };
  if (v < spec.min || v > spec.max) return { ok: false, error: `${v} is outside ${spec.min}–${spec.max}` };
  return { ok: true, value: v };
}

/** Reads a setting of the agent-based runs from a link: a whole number within its range, or why not. */
export function parseAbmField(name: Exclude<keyof GameAbmSettings, 'show'>, text: string): { ok: true; value: number } | { ok: false; error: string } {
  const spec = ABM_FIELDS.find((f) => f.name === name) as (typeof ABM_FIELDS)[number];
  const s = text.trim();
  const v = Number(s);
  if (!/^\d+$/.test(s) || !Number.isSafeInteger(v) || v < spec.min || v > spec.max)
    return { ok: false, error: `expected a whole number from ${spec.min} to ${spec.max}` };
  return { ok: true, value: v };
}

/** Writes start points for a link: `x:y` pairs separated by commas (empty: no trajectories). */
export function encodeStarts(starts: readonly StartPoint[]): string {
  return starts.map(([x, y]) => `${x}:${y}`).join(',');
}

/** Reads start points from a link: up to {@link MAX_STARTS} `x:y` pairs with shares in 0–1, or why not. */
export function parseStarts(text: string): { ok: true; value: StartPoint[] } | { ok: false; error: string } {
  const s = text.trim();
  if (s === '') return { ok: true, value: [] };
  const pairs = s.split(',');
  if (pairs.length > MAX_STARTS) return { ok: false, error: `at most ${MAX_STARTS} start points` };
  const out: StartPoint[] = [];
  for (const pair of pairs) {
    const parts = pair.split(':');
    const xy = parts.map((p) => p.trim());
    if (xy.length !== 2 || !xy.every((p) => NUMBER.test(p)))
      return { ok: false, error: `expected x:y pairs separated by commas, e.g. 0.5:0.5,0.2:0.8` };
    const [x, y] = xy.map(Number);
    if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) return { ok: false, error: `start shares must lie in 0–1, not ${x}:${y}` };
    out.push([x, y]);
  }
  return { ok: true, value: out };
}

/** Whether two lists of start points are the same. */
export function sameStarts(a: readonly StartPoint[], b: readonly StartPoint[]): boolean {
  return a.length === b.length && a.every((p, i) => p[0] === b[i][0] && p[1] === b[i][1]);
}
