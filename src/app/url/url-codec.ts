import { LEVER_NAMES, type LeverName } from '../../model/params/schema.ts';
import type { LeverValue } from '../../model/params/lever-field.ts';
import { VERSION } from '../../version.ts';
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
} from '../state/app-state.ts';
import { findPreset } from '../state/presets.ts';
import { buildScenario, checkEdit, LEVER_PATHS, normalizeEdits } from '../state/scenario-edits.ts';
import { decodeGame, encodeGame, GAME_LINK_PARAMS } from './game-link.ts';
import { decodeGoal, encodeGoal, GOAL_LINK_PARAMS } from '../goal/goal-link.ts';
import { decodeWedges, encodeWedges, WEDGE_LINK_PARAMS } from '../wedges/wedge-link.ts';
import { paramToPath, pathToParam, VIEW_PARAMS } from './link-paths.ts';
import { decodeLever, decodeValue, encodeLever, encodeValue, MAX_VALUE_LENGTH } from './link-values.ts';
import { ASSUMPTION_GROUPS, LEVER_SPECS } from '../state/controls-catalog.ts';
import { findLesson, LESSONS } from '../lessons/lesson-catalog.ts';

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

function firstProblem(problems: readonly { path: string; message: string }[]): string {
  const p = problems[0];
  return p ? (p.path ? `${p.path}: ${p.message}` : p.message) : 'not valid';
}

/**
 * The part of an address that holds the app state: the fragment (`#v=…&preset=…`), where the
 * app writes it, or, for links made before it moved there, the query string.
 */
export function linkPart(search: string, hash: string): string {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  return fragment.includes('=') ? fragment : search;
}

/**
 * Reads the app state from a link's query string or fragment (with or without the leading `?`).
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
  const pu = get('pu');
  if (pu !== undefined) {
    if (pu === '1' || pu === '0') state.paramUncertainty = pu === '1';
    else bad('pu', pu, 'expected 1 (include parameter uncertainty) or 0');
  }
  const tab = get('tab');
  if (tab !== undefined) {
    if ((TABS as readonly string[]).includes(tab)) state.tab = tab as Tab;
    else bad('tab', tab, `expected ${TABS.join(', ')}`);
  }

  // Scenario edits, each checked on its own so one bad field does not spoil the rest.
  const edits: Record<string, unknown> = {};
  for (const name of new Set(params.keys())) {
    if ((VIEW_PARAMS as readonly string[]).includes(name) || GAME_LINK_PARAMS.includes(name) || GOAL_LINK_PARAMS.includes(name) || WEDGE_LINK_PARAMS.includes(name)) continue;
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
  state.goal = decodeGoal(get, bad);
  state.wedges = decodeWedges(get, bad, years);
  const lesson = get('lesson');
  if (lesson !== undefined) {
    if (findLesson(lesson)) {
      state.lesson = lesson;
      if (tab === undefined) state.tab = 'lessons';
    } else bad('lesson', lesson, `expected one of ${LESSONS.map((l) => l.id).join(', ')}`);
  }
  const present = get('present');
  if (present !== undefined) {
    if (present === '1' || present === '0') state.present = present === '1';
    else bad('present', present, 'expected 1 (present mode) or 0');
  }
  return { state, problems };
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
  if (state.paramUncertainty) p.set('pu', '1');
  if (state.tab !== d.tab) p.set('tab', state.tab);
  if (state.effectYear !== d.effectYear) p.set('ey', String(state.effectYear));
  if (state.year !== d.year) p.set('y', String(state.year));
  if (state.selection) p.set('sel', `${state.selection.kind === 'firm' ? 'f' : 's'}${state.selection.index}`);
  encodeGame(state.game, p);
  encodeGoal(state.goal, p);
  encodeWedges(state.wedges, p);
  if (state.lesson) p.set('lesson', state.lesson);
  if (state.present) p.set('present', '1');
  return p.toString();
}
