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
} from '../state/game-state.ts';
import { MAX_VALUE_LENGTH } from './link-values.ts';

/**
 * Link parameters of the game panel: `game.V`, `game.alpha`, … (sliders), `game.starts`
 * (`x:y` pairs), `game.abm=1` (agent-based runs shown) and their settings `game.agents`,
 * `game.runs`, `game.M`, `game.seed`.
 */
export const GAME_LINK_PARAMS: readonly string[] = [
  ...GAME_PARAM_NAMES.map((n) => `game.${n}`),
  'game.starts',
  'game.abm',
  ...ABM_FIELDS.map((f) => `game.${f.name}`),
];

/** The game panel's part of a link; each bad field falls back to its default with a problem. */
export function decodeGame(get: (name: string) => string | undefined, bad: (name: string, value: string, detail: string) => void): GameState {
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
export function encodeGame(game: GameState, p: URLSearchParams): void {
  const d = defaultGameState();
  for (const s of GAME_SLIDERS) if (game.params[s.name] !== d.params[s.name]) p.set(`game.${s.name}`, String(game.params[s.name]));
  if (!sameStarts(game.starts, d.starts)) p.set('game.starts', encodeStarts(game.starts));
  if (game.abm.show) p.set('game.abm', '1');
  for (const f of ABM_FIELDS) if (game.abm[f.name] !== d.abm[f.name]) p.set(`game.${f.name}`, String(game.abm[f.name]));
}
