import type { ScenarioGame } from '../../analysis/game/game-from-scenario.ts';
import type { LeverThreshold, ThresholdLever } from '../../analysis/game/lever-thresholds.ts';
import type { Scenario } from '../../model/params/schema.ts';
import type { AppContext } from '../app-context.ts';
import { h, replace } from '../dom.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { GAME_PARAM_NAMES, GAME_SLIDERS, type GameState } from '../state/game-state.ts';

/** The scenario's own game as the panel shows it: slider values in a payoff unit, the terms, the lever's tipping point. */
export interface DerivedForApp {
  game: ScenarioGame;
  /** k¥ a year per slider unit: the derived payoffs divided by it fit the sliders (the unit rescales time, not the portrait). */
  unit: number;
  params: GameState['params'];
  /** Parameters outside the sliders' ranges, shown at the edge. */
  clipped: string[];
  lever: ThresholdLever;
  threshold: LeverThreshold;
}

/** The lever whose tipping point the panel shows: the last of tax relief and the subsidy edited on the Overview (the subsidy by default). */
export function movedLever(edits: Readonly<Record<string, unknown>>): ThresholdLever {
  let lever: ThresholdLever = 'subsidyPerInternMonth';
  for (const key of Object.keys(edits)) {
    if (key === 'policy.taxRelief') lever = 'taxRelief';
    if (key === 'policy.subsidyPerInternMonth') lever = 'subsidyPerInternMonth';
  }
  return lever;
}

/** Slider values of a derived game: payoffs in a unit that brings the largest to its slider's top. */
export function scaledParams(g: ScenarioGame): Pick<DerivedForApp, 'unit' | 'params' | 'clipped'> {
  const p = g.params;
  const top = (name: string) => GAME_SLIDERS.find((s) => s.name === name)!.max;
  const money = ['V', 'Cs', 'Ce', 'gs', 'ge'] as const;
  const largest = Math.max(...money.map((n) => Math.abs(p[n]) / top(n)));
  const unit = largest > 0 ? largest : 1;
  const params = {} as GameState['params'];
  const clipped: string[] = [];
  for (const name of GAME_PARAM_NAMES) {
    const s = GAME_SLIDERS.find((x) => x.name === name)!;
    const raw = (money as readonly string[]).includes(name) ? p[name] / unit : p[name];
    const v = Math.min(s.max, Math.max(s.min, raw));
    if (Math.abs(v - raw) > 1e-9) clipped.push(name);
    params[name] = Math.round(v * 1000) / 1000;
  }
  return { unit, params, clipped };
}

/**
 * Pairs the panel averages over at most: the default world's 45,000 pairs in full, a
 * national-scale world (5 million) by every k-th firm, so the derivation stays within about a second.
 */
const APP_MAX_PAIRS = 60_000;

let cached: { key: string; value: Promise<DerivedForApp> } | null = null;

/**
 * Derives the scenario's game and the moved lever's tipping point (the newest scenario is
 * kept, so returning to the tab costs nothing). The derivation code is loaded on first use
 * and runs after the panel has been drawn.
 */
export function deriveForApp(scenario: Scenario, lever: ThresholdLever): Promise<DerivedForApp> {
  const key = `${lever} ${JSON.stringify(scenario)}`;
  if (cached?.key === key) return cached.value;
  const value = (async () => {
    const [{ gameFromScenario }, { leverThreshold }] = await Promise.all([
      import('../../analysis/game/game-from-scenario.ts'),
      import('../../analysis/game/lever-thresholds.ts'),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const game = gameFromScenario(scenario, { maxPairs: APP_MAX_PAIRS });
    return { game, ...scaledParams(game), lever, threshold: leverThreshold(scenario, lever, { maxPairs: APP_MAX_PAIRS }) };
  })();
  cached = { key, value };
  return value;
}

/** The "derived from the scenario" note: the terms in k¥ with the items they came from, the spread, the lever's tipping point. */
export function derivedNote(ctx: AppContext, d: DerivedForApp): HTMLElement[] {
  const { t, fmt } = ctx;
  const g = d.game;
  const terms = GAME_PARAM_NAMES.map((name) => {
    const term = g.terms[name];
    const money = name !== 'alpha' && name !== 'q';
    const value = money ? `${fmt.number(term.value, 1)} k¥` : fmt.number(term.value, 3);
    return h(
      'li',
      { 'data-term': name, title: term.from.join(', ') },
      h('b', {}, `${name} = ${value}`),
      ` — ${t(`game.derived.term.${name}` as MessageKey)}`,
    );
  });
  const th = d.threshold;
  const leverName = t(`lever.${d.lever}` as MessageKey);
  const now = ctx.scenario.policy[d.lever];
  const tipping =
    th.threshold === null
      ? t('game.derived.noTipping', { lever: leverName, from: fmt.number(th.from, 2), to: fmt.number(th.to, 2), support: fmt.number(th.supportAt[1], 1) })
      : t('game.derived.tipping', {
          lever: leverName,
          value: fmt.number(th.threshold, 2),
          stable: th.deepStableFrom === null ? '—' : fmt.number(th.deepStableFrom, 2),
          now: typeof now === 'number' ? fmt.number(now, 2) : t('game.derived.scheduled'),
        });
  return [
    h('h4', {}, t('game.derived.title')),
    h('p', { class: 'help' }, t('game.derived.help', { pairs: fmt.number(g.heterogeneity.pairs, 0), unit: fmt.number(d.unit, 2) })),
    h('ul', { class: 'derived-terms' }, ...terms),
    h(
      'p',
      { class: 'derived-spread' },
      t('game.derived.pays', { firms: fmt.number(100 * g.heterogeneity.firmDeepPays, 1), schools: fmt.number(100 * g.heterogeneity.schoolDeepPays, 1) }),
    ),
    d.clipped.length > 0 ? h('p', { class: 'warning' }, t('game.derived.clipped', { names: d.clipped.join(', ') })) : h('span'),
    h('p', { class: 'derived-tipping', 'data-lever': d.lever, 'data-threshold': th.threshold === null ? '' : String(th.threshold) }, tipping),
  ];
}

/** Whether the page's link sets any game slider (then the panel shows the link's game, not the scenario's). */
export function linkSetsGame(search: string): boolean {
  const q = new URLSearchParams(search);
  return GAME_PARAM_NAMES.some((n) => q.has(`game.${n}`));
}

/**
 * The panel's "derived from the scenario" section: filled once the current scenario's game
 * is derived, when `onDerived` gets it too; `current()` is the last derived game (or null).
 */
export function derivedPanel(ctx: AppContext, onDerived: (d: DerivedForApp) => void): { element: HTMLElement; current(): DerivedForApp | null; dispose(): void } {
  let derived: DerivedForApp | null = null;
  let disposed = false;
  const element = h('section', { class: 'game-derived', 'data-ready': '0' }, h('p', { class: 'help' }, ctx.t('game.derived.computing')));
  deriveForApp(ctx.scenario, movedLever(ctx.state.edits)).then(
    (d) => {
      if (disposed) return;
      derived = d;
      replace(element, ...derivedNote(ctx, d));
      element.dataset.ready = '1';
      onDerived(d);
    },
    (e: unknown) => {
      if (!disposed) replace(element, h('p', { class: 'warning' }, (e as Error)?.message ?? String(e)));
    },
  );
  return { element, current: () => derived, dispose: () => void (disposed = true) };
}
