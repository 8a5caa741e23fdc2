import { compileExpression } from '../scenario/expression.ts';
import { EXPRESSION_VARIABLES } from '../model/metrics.ts';
import { LEVER_NAMES, type LeverName } from '../scenario/schema.ts';
import type { LeverValue } from '../scenario/lever.ts';
import { VERSION } from '../version.ts';
import {
  COMPARE_MODES,
  ENSEMBLE_SIZES,
  LANGS,
  TABS,
  defaultState,
  type AppState,
  type CompareMode,
  type Lang,
  type Tab,
} from './state/app-state.ts';
import {
  ABM_FIELDS,
  GAME_PARAM_NAMES,
  GAME_SLIDERS,
  defaultGameState,
  encodeStarts,
  parseAbmField,
  parseGameParam,
  parseStarts,
  sameStarts,
  type GameState,
} from './state/game-state.ts';
import { findPreset } from './state/presets.ts';
import { buildScenario, checkEdit, LEVER_PATHS, normalizeEdits } from './state/scenario-edits.ts';
import { ASSUMPTION_GROUPS, LEVER_SPECS } from './state/controls-catalog.ts';

/**
 * The range of each control by scenario path: a link's number outside it is clamped into
 * it, so no link asks for more than the app can run (a world of 10,000,000 firms for 500 years).
 */
const CONTROL_RANGE = new Map<string, { min: number; max: number }>(
  [...LEVER_SPECS, ...ASSUMPTION_GROUPS.flatMap((g) => g.controls)].map((c) => [c.path, { min: c.min, max: c.max }]),
);

/**
 * Why part of a link was not used. The app shows each as a message and falls back to the
 * default for that field; decoding never throws.
 */
export type UrlProblem =
  | { kind: 'unknown-param'; name: string }
  | { kind: 'bad-value'; name: string; value: string; detail: string }
  | { kind: 'unknown-preset'; value: string }
  | { kind: 'bad-lang'; value: string }
  | { kind: 'clamped'; name: string; value: string; to: number }
  | { kind: 'old-version'; version: string };

/** What a link decodes to: a complete, valid state and what had to be dropped. */
export interface DecodedUrl {
  state: AppState;
  problems: UrlProblem[];
}

/** Link parameters that are not scenario fields. */
const VIEW_PARAMS = ['v', 'lang', 'preset', 'n', 'cmp', 'tab', 'ey', 'y', 'sel'] as const;
/**
 * Link parameters of the game panel: `game.V`, `game.alpha`, … (sliders), `game.starts`
 * (`x:y` pairs), `game.abm=1` (agent-based runs shown) and their settings `game.agents`,
 * `game.runs`, `game.M`, `game.seed`.
 */
const GAME_LINK_PARAMS: readonly string[] = [
  ...GAME_PARAM_NAMES.map((n) => `game.${n}`),
  'game.starts',
  'game.abm',
  ...ABM_FIELDS.map((f) => `game.${f.name}`),
];
/** Scenario fields at the top level that a link may set by their bare name. */
const TOP_LEVEL_FIELDS = ['seed', 'years', 'name', 'description'] as const;
/** Sections of a scenario a dotted link parameter may address. */
const SECTIONS = ['world', 'schools', 'firms', 'labour', 'economics', 'behaviour', 'policy', 'mechanisms'];
/** Policy fields settable by their bare name (levers and the evaluation interval). */
const POLICY_SHORT: readonly string[] = [...LEVER_NAMES, 'evaluationInterval'];
/** Longest parameter value read (a guard against pasted junk). */
const MAX_VALUE_LENGTH = 5000;

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const STEPS = /^\d+:[-+]?[\d.]+([eE][-+]?\d+)?(,\d+:[-+]?[\d.]+([eE][-+]?\d+)?)*$/;

/** The scenario path a link parameter stands for, or undefined if it is not one. */
export function paramToPath(name: string): string | undefined {
  if ((POLICY_SHORT as readonly string[]).includes(name)) return `policy.${name}`;
  if ((TOP_LEVEL_FIELDS as readonly string[]).includes(name)) return name;
  const head = name.split('.')[0];
  if (name.includes('.') && SECTIONS.includes(head)) return name;
  return undefined;
}

/** The link parameter name of a scenario path (levers by their bare name). */
export function pathToParam(path: string): string {
  const [head, rest] = [path.slice(0, path.indexOf('.')), path.slice(path.indexOf('.') + 1)];
  if (head === 'policy' && POLICY_SHORT.includes(rest)) return rest;
  return path;
}

/** Encodes a lever value for a link: `0.3`, steps `3:0.1,4:0.2`, or the expression text. */
export function encodeLever(v: LeverValue): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  return v.map((s) => `${s.from}:${s.value}`).join(',');
}

/** Decodes a lever value from a link; expressions are checked by the sandbox first. */
export function decodeLever(text: string): { ok: true; value: LeverValue } | { ok: false; error: string } {
  const s = text.trim();
  if (NUMBER.test(s)) return { ok: true, value: Number(s) };
  if (STEPS.test(s)) {
    const steps = s.split(',').map((pair) => {
      const [from, value] = pair.split(':');
      return { from: Number(from), value: Number(value) };
    });
    return { ok: true, value: steps };
  }
  const r = compileExpression(s, EXPRESSION_VARIABLES);
  if (!r.ok) return { ok: false, error: r.error };
  return { ok: true, value: s };
}

/** Encodes any other scenario value: numbers and text as they are, lists as JSON. */
function encodeValue(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  return JSON.stringify(v);
}

function decodeValue(path: string, text: string): unknown {
  if (path === 'name' || path === 'description') return text;
  if (NUMBER.test(text.trim())) return Number(text.trim());
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function firstProblem(problems: readonly { path: string; message: string }[]): string {
  const p = problems[0];
  return p ? (p.path ? `${p.path}: ${p.message}` : p.message) : 'not valid';
}

/**
 * Reads the app state from a link's query string (with or without the leading `?`).
 * Anything unknown, malformed, out of range or refused by the expression sandbox is
 * dropped with a problem; the rest is used. Never throws.
 */
export function decodeUrl(search: string, fallbackLang: Lang = 'en'): DecodedUrl {
  const state = defaultState(fallbackLang);
  const problems: UrlProblem[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  } catch {
    return { state, problems: [{ kind: 'bad-value', name: 'link', value: search.slice(0, 80), detail: 'not a query string' }] };
  }
  const seen = new Set<string>();
  const get = (name: string): string | undefined => {
    const all = params.getAll(name);
    return all.length ? all[all.length - 1] : undefined;
  };
  const bad = (name: string, value: string, detail: string) =>
    problems.push({ kind: 'bad-value', name, value: value.slice(0, 200), detail });

  const version = get('v');
  if (version !== undefined && version !== VERSION) problems.push({ kind: 'old-version', version: version.slice(0, 40) });

  const lang = get('lang');
  if (lang !== undefined) {
    if ((LANGS as readonly string[]).includes(lang)) state.lang = lang as Lang;
    else problems.push({ kind: 'bad-lang', value: lang.slice(0, 40) });
  }

  const preset = get('preset');
  if (preset !== undefined) {
    if (findPreset(preset)) state.preset = preset;
    else problems.push({ kind: 'unknown-preset', value: preset.slice(0, 80) });
  }

  const n = get('n');
  if (n !== undefined) {
    const k = Number(n);
    if ((ENSEMBLE_SIZES as readonly number[]).includes(k)) state.ensemble = k;
    else bad('n', n, `expected one of ${ENSEMBLE_SIZES.join(', ')}`);
  }
  const cmp = get('cmp');
  if (cmp !== undefined) {
    if ((COMPARE_MODES as readonly string[]).includes(cmp)) state.compare = cmp as CompareMode;
    else bad('cmp', cmp, `expected ${COMPARE_MODES.join(' or ')}`);
  }
  const tab = get('tab');
  if (tab !== undefined) {
    if ((TABS as readonly string[]).includes(tab)) state.tab = tab as Tab;
    else bad('tab', tab, `expected ${TABS.join(', ')}`);
  }

  // Scenario edits, each checked on its own so one bad field does not spoil the rest.
  const edits: Record<string, unknown> = {};
  for (const name of new Set(params.keys())) {
    if ((VIEW_PARAMS as readonly string[]).includes(name) || GAME_LINK_PARAMS.includes(name)) continue;
    const raw = get(name) as string;
    const path = paramToPath(name);
    if (path === undefined) {
      problems.push({ kind: 'unknown-param', name: name.slice(0, 80) });
      continue;
    }
    if (seen.has(path)) continue;
    seen.add(path);
    if (raw.length > MAX_VALUE_LENGTH) {
      bad(name, raw, `longer than ${MAX_VALUE_LENGTH} characters`);
      continue;
    }
    let value: unknown;
    if (LEVER_PATHS.has(path)) {
      const lever = decodeLever(raw);
      if (!lever.ok) {
        bad(name, raw, lever.error);
        continue;
      }
      value = lever.value;
    } else value = decodeValue(path, raw);
    const range = CONTROL_RANGE.get(path);
    if (range && typeof value === 'number' && Number.isFinite(value) && (value < range.min || value > range.max)) {
      const to = value < range.min ? range.min : range.max;
      problems.push({ kind: 'clamped', name: name.slice(0, 80), value: raw.slice(0, 40), to });
      value = to;
    }
    const issues = checkEdit(state.preset, path, value);
    if (issues.length) {
      bad(name, raw, firstProblem(issues));
      continue;
    }
    edits[path] = value;
  }
  const whole = buildScenario(state.preset, edits);
  if (!whole.ok) {
    bad('scenario', '', firstProblem(whole.problems));
    state.edits = {};
  } else state.edits = normalizeEdits(state.preset, edits);
  const years = whole.ok ? whole.value.years : 20;

  const yearParam = (name: 'ey' | 'y', fallback: number): number => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const k = Number(raw);
    if (Number.isInteger(k) && k >= 0 && k < years) return k;
    bad(name, raw, `expected a year 0–${years - 1}`);
    return fallback;
  };
  state.effectYear = yearParam('ey', Math.min(state.effectYear, years - 1));
  state.year = yearParam('y', Math.min(state.year, years - 1));

  const sel = get('sel');
  if (sel !== undefined) {
    const m = /^([fs])(\d{1,9})$/.exec(sel);
    const count = whole.ok ? (m?.[1] === 'f' ? whole.value.world.firms : whole.value.world.schools) : 0;
    if (m && Number(m[2]) < count) state.selection = { kind: m[1] === 'f' ? 'firm' : 'school', index: Number(m[2]) };
    else bad('sel', sel, 'expected f<firm number> or s<college number> of this scenario');
  }
  state.game = decodeGame(get, bad);
  return { state, problems };
}

/** The game panel's part of a link; each bad field falls back to its default with a problem. */
function decodeGame(get: (name: string) => string | undefined, bad: (name: string, value: string, detail: string) => void): GameState {
  const game = defaultGameState();
  for (const name of GAME_PARAM_NAMES) {
    const raw = get(`game.${name}`);
    if (raw === undefined) continue;
    const r = parseGameParam(name, raw);
    if (r.ok) game.params[name] = r.value;
    else bad(`game.${name}`, raw, r.error);
  }
  const starts = get('game.starts');
  if (starts !== undefined) {
    const r = starts.length > MAX_VALUE_LENGTH ? { ok: false as const, error: `longer than ${MAX_VALUE_LENGTH} characters` } : parseStarts(starts);
    if (r.ok) game.starts = r.value;
    else bad('game.starts', starts, r.error);
  }
  const abm = get('game.abm');
  if (abm !== undefined) {
    if (abm === '1' || abm === '0') game.abm.show = abm === '1';
    else bad('game.abm', abm, 'expected 1 (agent-based runs shown) or 0');
  }
  for (const f of ABM_FIELDS) {
    const raw = get(`game.${f.name}`);
    if (raw === undefined) continue;
    const r = parseAbmField(f.name, raw);
    if (r.ok) game.abm[f.name] = r.value;
    else bad(`game.${f.name}`, raw, r.error);
  }
  return game;
}

/** Writes the game panel's fields that differ from a fresh visit. */
function encodeGame(game: GameState, p: URLSearchParams): void {
  const d = defaultGameState();
  for (const s of GAME_SLIDERS) if (game.params[s.name] !== d.params[s.name]) p.set(`game.${s.name}`, String(game.params[s.name]));
  if (!sameStarts(game.starts, d.starts)) p.set('game.starts', encodeStarts(game.starts));
  if (game.abm.show) p.set('game.abm', '1');
  for (const f of ABM_FIELDS) if (game.abm[f.name] !== d.abm[f.name]) p.set(`game.${f.name}`, String(game.abm[f.name]));
}

/** Writes the app state as a link's query string (without `?`): version, language, preset, edits, view, game. */
export function encodeUrl(state: AppState): string {
  const p = new URLSearchParams();
  p.set('v', VERSION);
  p.set('lang', state.lang);
  p.set('preset', state.preset);
  const edits = normalizeEdits(state.preset, state.edits);
  const order = (path: string) => {
    const lever = LEVER_NAMES.indexOf(path.replace(/^policy\./, '') as LeverName);
    return lever >= 0 && path.startsWith('policy.') ? `0${String(lever).padStart(2, '0')}` : `1${path}`;
  };
  for (const path of Object.keys(edits).sort((a, b) => (order(a) < order(b) ? -1 : 1))) {
    const v = edits[path];
    p.set(pathToParam(path), LEVER_PATHS.has(path) ? encodeLever(v as LeverValue) : encodeValue(v));
  }
  const d = defaultState(state.lang);
  if (state.ensemble !== d.ensemble) p.set('n', String(state.ensemble));
  if (state.compare !== d.compare) p.set('cmp', state.compare);
  if (state.tab !== d.tab) p.set('tab', state.tab);
  if (state.effectYear !== d.effectYear) p.set('ey', String(state.effectYear));
  if (state.year !== d.year) p.set('y', String(state.year));
  if (state.selection) p.set('sel', `${state.selection.kind === 'firm' ? 'f' : 's'}${state.selection.index}`);
  encodeGame(state.game, p);
  return p.toString();
}
