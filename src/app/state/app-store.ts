import type { Scenario } from '../../model/params/schema.ts';
import type { AppContext } from '../app-context.ts';
import { formatter } from '../i18n/format.ts';
import { translator } from '../i18n/messages.ts';
import { encodeUrl } from '../url/url-codec.ts';
import type { AppState } from './app-state.ts';
import { buildScenario, normalizeEdits } from './scenario-edits.ts';

/** How a state change is to be shown: `rerun` when the runs must be redone, `rebuild` to redraw the whole page. */
export interface ApplyOptions {
  rerun?: boolean;
  rebuild?: boolean;
}

/** A change of the app state, as the page and the run loop see it. */
export interface StateChange {
  prev: AppState;
  /** Whether the scenario, the ensemble or the comparison changed (the runs must be redone). */
  scenarioChanged: boolean;
  /** Whether to redraw the whole page (asked for, or the language changed). */
  rebuild: boolean;
  /** Whether to run the model again. */
  rerun: boolean;
}

/** The app's single state, its validated scenario, and the link that mirrors them. */
export interface AppStore {
  readonly state: AppState;
  /** The scenario of the current state (the baseline if the state's edits do not validate). */
  readonly scenario: Scenario;
  /** What views get: the state, strings, formats and ways to change things. */
  readonly ctx: AppContext;
  /** Replaces the state (years and selection kept inside the scenario), updates the link, reports the change. */
  apply(next: AppState, options?: ApplyOptions): void;
  /** Writes the state into the link soon (bursts of changes write once). */
  writeUrl(): void;
  /** The link of the current state, written into the address bar now (what Copy link copies). */
  link(): string;
}

/** Delay before the link is rewritten, so a slider drag rewrites it once. */
const URL_DELAY_MS = 120;

/** The scenario a state stands for, or the baseline when its edits do not validate. */
function scenarioOf(s: AppState): Scenario {
  const r = buildScenario(s.preset, s.edits);
  if (r.ok) return r.value;
  const fallback = buildScenario('baseline', {});
  if (!fallback.ok) throw new Error('the baseline scenario is invalid');
  return fallback.value;
}

/** Creates the store from the state a link decoded to; `onChange` hears every change after that. */
export function createAppStore(initial: AppState, onChange: (change: StateChange) => void): AppStore {
  let state = initial;
  let scenario = scenarioOf(state);
  let urlTimer: ReturnType<typeof setTimeout> | null = null;

  // The state lives in the fragment, which browsers never send to the server, so a long
  // description cannot make a link the server refuses (HTTP 431). An old link's query string
  // is read once and dropped here.
  function writeNow(): string {
    if (urlTimer) clearTimeout(urlTimer);
    urlTimer = null;
    const path = `${location.pathname}#${encodeUrl(state)}`;
    if (`${location.pathname}${location.search}${location.hash}` !== path) history.replaceState(null, '', path);
    return `${location.origin}${path}`;
  }

  function writeUrl(): void {
    if (urlTimer) clearTimeout(urlTimer);
    urlTimer = setTimeout(writeNow, URL_DELAY_MS);
  }

  function apply(next: AppState, options: ApplyOptions = {}): void {
    const prev = state;
    state = next;
    scenario = scenarioOf(state);
    const years = scenario.years;
    if (state.effectYear > years - 1) state = { ...state, effectYear: years - 1 };
    if (state.year > years - 1) state = { ...state, year: years - 1 };
    const sel = state.selection;
    if (sel && sel.index >= (sel.kind === 'firm' ? scenario.world.firms : scenario.world.schools)) state = { ...state, selection: null };
    writeUrl();
    const scenarioChanged =
      prev.preset !== state.preset || prev.edits !== state.edits || prev.ensemble !== state.ensemble || prev.compare !== state.compare;
    onChange({
      prev,
      scenarioChanged,
      rebuild: !!options.rebuild || prev.lang !== state.lang,
      rerun: !!options.rerun || scenarioChanged,
    });
  }

  const ctx: AppContext = {
    get state() {
      return state;
    },
    get scenario() {
      return scenario;
    },
    get t() {
      return translator(state.lang);
    },
    get fmt() {
      return formatter(state.lang);
    },
    setEdit(path, value) {
      const edits = normalizeEdits(state.preset, { ...state.edits, [path]: value });
      apply({ ...state, edits }, { rerun: true });
    },
    clearEdit(path) {
      const { [path]: _gone, ...rest } = state.edits;
      apply({ ...state, edits: rest }, { rerun: true });
    },
    update(patch, options = {}) {
      apply({ ...state, ...patch }, options);
    },
  };

  return {
    get state() {
      return state;
    },
    get scenario() {
      return scenario;
    },
    ctx,
    apply,
    writeUrl,
    link: writeNow,
  };
}
