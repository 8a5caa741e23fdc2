import type { AppContext } from '../app-context.ts';
import type { GameAbmOutput, GameAbmRequest } from '../../analysis/game/game-abm-runs.ts';
import { abmPaths, phasePortraitData, phasePortraitSvg, type PhasePortraitData } from '../charts/phase-portrait.ts';
import { h, replace } from '../dom.ts';
import { createLatestRequest } from '../../runner/latest-request.ts';
import type { RunService } from '../scheduling/run-service.ts';
import {
  ABM_FIELDS,
  GAME_SLIDERS,
  MAX_STARTS,
  defaultGameState,
  type GameAbmSettings,
  type GameState,
} from '../state/game-state.ts';
import { figureView, type Figure } from './figure-view.ts';
import { gameStartForm } from './game-start-form.ts';
import { gameAlt } from './game-alt.ts';
import { GAME_TMAX, abmDoneText, abmRequest, keyOf } from './game-abm-request.ts';
import { equilibriaItems } from './game-equilibria-list.ts';
import { abmFieldInput, gameSlider } from './game-inputs.ts';
import { phasePortraitLabels } from './game-labels.ts';
import { startPointOf } from './game-start-point.ts';
import { derivedPanel, linkSetsGame, type DerivedForApp } from './game-derived.ts';
import { linkPart } from '../url/url-codec.ts';

/** Wait after a slider move before agent-based runs start, so a drag starts one set of runs. */
const ABM_DELAY = 150;

/** The last agent-based runs drawn, kept across rebuilds of the view (language, resize). */
let lastAbm: { key: string; paths: Pick<PhasePortraitData, 'abmRuns' | 'abmMeans'> } | null = null;
/** Whether the panel fills the window (for a projector); kept across rebuilds. */
let presenting = false;
/** Whether the sliders follow the scenario's game: unless the link sets them, until one is moved. */
let follow: boolean | null = null;

/**
 * The mean-field game panel: sliders for V, α, Cs, Ce, gs, ge and q; the phase portrait
 * (vector field, nullclines, equilibria, trajectories, legend); a click in the square
 * starts a trajectory there; agent-based runs of the well-mixed imitation game from the
 * same start points, computed in the workers and drawn as thin lines with their mean
 * (the newest request wins: runs for slider values already left behind are never drawn);
 * a full-screen mode for projection. Everything shown lives in the app state (the link).
 */
export function gameView(ctx: AppContext, runs: RunService, available: number): HTMLElement & { dispose(): void } {
  const { t, fmt } = ctx;
  let game: GameState = ctx.state.game;
  const root = h('div', { class: 'game-view', 'data-abm': 'off' }) as unknown as HTMLElement & { dispose(): void };
  const labels = phasePortraitLabels(t);
  let fig: Figure | null = null;
  const equilibria = h('ul', { class: 'equilibria' });
  const abmStatus = h('p', { class: 'abm-status', 'aria-live': 'polite' });
  const abmNote = h('p', { class: 'abm-note' }, t('game.abm.note'));
  const runButton = h('button', { type: 'button', class: 'run-abm primary', onclick: () => runAbm() });
  const hideButton = h('button', { type: 'button', class: 'hide-abm', onclick: () => setGame({ ...game, abm: { ...game.abm, show: false } }) }, t('game.abm.hide'));
  const sliderInputs = new Map<string, { input: HTMLInputElement; out: HTMLOutputElement }>();
  const abmInputs = new Map<string, HTMLInputElement>();
  if (follow === null) follow = !linkSetsGame(linkPart(location.search, location.hash));
  const applyDerived = (d: DerivedForApp | null) => {
    if (d && GAME_SLIDERS.some((s) => game.params[s.name] !== d.params[s.name])) setGame({ ...game, params: { ...d.params } });
    syncInputs();
  };
  const derived = derivedPanel(ctx, (d) => follow && applyDerived(d));

  const setGame = (next: GameState, abmDelay = 0) => {
    game = next;
    ctx.update({ game });
    redraw();
    syncAbm(abmDelay);
  };

  /** The agent-based runs to draw: only those of the current state. */
  const currentAbm = () => (game.abm.show && lastAbm && lastAbm.key === keyOf(abmRequest(game)) ? lastAbm.paths : null);

  const chartSize = () => {
    if (presenting) return Math.max(320, Math.min(window.innerHeight - 104, window.innerWidth - 520));
    return Math.max(320, Math.min(560, available - 350, window.innerHeight - 190));
  };
  const render = (width: number, forExport: boolean) => {
    const data = phasePortraitData(game.params, game.starts, { tmax: GAME_TMAX });
    const abm = currentAbm();
    return phasePortraitSvg(abm ? { ...data, ...abm } : data, {
      width,
      labels,
      legend: true,
      fontSize: presenting ? 15 : 13,
      margin: presenting ? 58 : 54,
      title: forExport ? t('game.title') : undefined,
    });
  };

  const listEquilibria = () => equilibria.replaceChildren(...equilibriaItems(ctx, game.params));

  const redraw = () => {
    fig?.refresh();
    listEquilibria();
    abmNote.hidden = currentAbm() === null;
    const shown = game.abm.show && currentAbm() !== null;
    runButton.textContent = shown ? t('game.abm.again') : t('game.abm.run');
    hideButton.hidden = !game.abm.show;
  };

  const setStatus = (state: 'off' | 'running' | 'done' | 'error' | 'empty', text = '', warning = '') => {
    root.dataset.abm = state;
    replace(abmStatus, text, warning ? h('span', { class: 'warning' }, ` ${warning}`) : null);
  };

  const latest = createLatestRequest<GameAbmRequest, GameAbmOutput>({
    run: (req, signal) => runs.gameAbm(req, signal),
    onResult(req, out) {
      lastAbm = { key: keyOf(req), paths: abmPaths(out) };
      root.dataset.abmParams = JSON.stringify(req.params);
      root.dataset.abmResults = String(Number(root.dataset.abmResults ?? 0) + 1);
      setStatus('done', ...abmDoneText(ctx, game));
      redraw();
    },
    onError(_req, e) {
      setStatus('error', t('game.abm.error', { error: (e as Error)?.message ?? String(e) }));
    },
  });

  /** Asks for the agent-based runs of the current state, unless they are drawn already. */
  const syncAbm = (delay: number) => {
    if (!game.abm.show) {
      latest.cancel();
      setStatus('off');
      return;
    }
    if (game.starts.length === 0) {
      latest.cancel();
      setStatus('empty', t('game.abm.noStarts'));
      return;
    }
    const req = abmRequest(game);
    if (lastAbm?.key === keyOf(req)) {
      latest.cancel();
      root.dataset.abmParams = JSON.stringify(req.params);
      setStatus('done', ...abmDoneText(ctx, game));
      return;
    }
    setStatus('running', t('game.abm.running', { runs: game.abm.runs, starts: game.starts.length }));
    latest.request(req, delay);
  };

  const runAbm = () => {
    const abm: GameAbmSettings = { ...game.abm };
    readAbmInputs(abm);
    // Runs already on display: "run again" draws new ones from the next seed.
    if (currentAbm() && ABM_FIELDS.every((f) => abm[f.name] === game.abm[f.name])) abm.seed = (abm.seed + 1) % 4294967296;
    abm.show = true;
    setGame({ ...game, abm });
    syncInputs();
  };

  /** Reads the setting fields into `abm`, as whole numbers within their ranges. */
  const readAbmInputs = (abm: GameAbmSettings) => {
    for (const f of ABM_FIELDS) {
      const input = abmInputs.get(f.name);
      const v = Math.round(Number(input?.value));
      if (input && input.value.trim() !== '' && Number.isFinite(v)) abm[f.name] = Math.min(f.max, Math.max(f.min, v));
    }
  };

  /** Shows the state's values in the inputs (after a reset or a clamp). */
  const syncInputs = () => {
    for (const s of GAME_SLIDERS) {
      const el = sliderInputs.get(s.name);
      if (!el) continue;
      el.input.value = String(game.params[s.name]);
      el.out.textContent = fmt.number(game.params[s.name], 2);
    }
    for (const f of ABM_FIELDS) {
      const input = abmInputs.get(f.name);
      if (input) input.value = String(game.abm[f.name]);
    }
  };

  const onChartClick = (ev: MouseEvent) => {
    const start = startPointOf(root, ev);
    if (start) setGame({ ...game, starts: [...game.starts.slice(-(MAX_STARTS - 1)), start] });
  };

  const slider = (s: (typeof GAME_SLIDERS)[number]) => {
    const el = gameSlider(ctx, s, game.params[s.name], (v) => {
      follow = false;
      setGame({ ...game, params: { ...game.params, [s.name]: v } }, ABM_DELAY);
    });
    sliderInputs.set(s.name, el);
    return el.element;
  };

  const abmField = (f: (typeof ABM_FIELDS)[number]) => {
    const el = abmFieldInput(ctx, f, game.abm[f.name], () => {
      const abm = { ...game.abm };
      readAbmInputs(abm);
      setGame({ ...game, abm });
      syncInputs();
    });
    abmInputs.set(f.name, el.input);
    return el.element;
  };

  const togglePresenting = () => {
    presenting = !presenting;
    const doc = document.documentElement;
    if (presenting) void doc.requestFullscreen?.().catch(() => undefined);
    else if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
    build();
  };
  const onKey = (ev: KeyboardEvent) => {
    if (ev.key === 'Escape' && presenting) togglePresenting();
  };
  const onFullscreen = () => {
    if (!document.fullscreenElement && presenting) togglePresenting();
  };
  let resizeTimer: ReturnType<typeof setTimeout> | null = null;
  const onResize = () => {
    if (!presenting) return;
    if (resizeTimer) clearTimeout(resizeTimer);
    resizeTimer = setTimeout(build, 200);
  };
  document.addEventListener('keydown', onKey);
  document.addEventListener('fullscreenchange', onFullscreen);
  window.addEventListener('resize', onResize);

  function build() {
    root.classList.toggle('presenting', presenting);
    const size = chartSize();
    fig = figureView(ctx, 'phase-portrait', t('game.title'), size, render, '', gameAlt(ctx, () => game, GAME_TMAX));
    fig.classList.add('game-figure');
    fig.addEventListener('click', onChartClick);
    abmNote.style.maxWidth = presenting ? '' : `${size}px`;
    sliderInputs.clear();
    abmInputs.clear();
    replace(
      root,
      h(
        'div',
        { class: 'game-head' },
        h('p', { class: 'intro' }, t('game.help')),
        h(
          'button',
          { type: 'button', class: 'present', 'aria-pressed': String(presenting), title: t('game.presentTitle'), onclick: togglePresenting },
          presenting ? t('game.presentExit') : t('game.present'),
        ),
      ),
      h(
        'div',
        { class: 'game-body' },
        // The note on the runs sits under the chart, or beside it when the chart fills the height.
        h('div', { class: 'game-main' }, fig, presenting ? null : abmNote),
        h(
          'div',
          { class: 'game-side' },
          h(
            'section',
            { class: 'game-params' },
            h('h3', {}, t('game.params')),
            h('div', { class: 'game-sliders' }, ...GAME_SLIDERS.map(slider)),
            h(
              'div',
              { class: 'game-buttons' },
              h('button', { type: 'button', class: 'reset-game', onclick: () => ((follow = false), setGame({ ...game, params: defaultGameState().params }), syncInputs()) }, t('game.reset')),
              h('button', { type: 'button', class: 'reset-derived', onclick: () => ((follow = true), applyDerived(derived.current())) }, t('game.derived.reset')),
              h('button', { type: 'button', class: 'clear', onclick: () => setGame({ ...game, starts: [] }) }, t('game.clear')),
            ),
            gameStartForm(ctx, (start) => setGame({ ...game, starts: [...game.starts.slice(-(MAX_STARTS - 1)), start] })),
          ),
          h(
            'section',
            { class: 'game-abm' },
            h('h3', {}, t('game.abm.title')),
            h('p', { class: 'help' }, t('game.abm.help')),
            h('div', { class: 'abm-fields' }, ...ABM_FIELDS.map(abmField)),
            h('div', { class: 'game-buttons' }, runButton, hideButton),
            abmStatus,
            presenting ? abmNote : null,
          ),
          h('section', { class: 'game-equilibria' }, h('h3', {}, t('game.equilibria')), equilibria),
          derived.element,
        ),
      ),
    );
    redraw();
  }

  root.dispose = () => {
    derived.dispose();
    latest.cancel();
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('fullscreenchange', onFullscreen);
    window.removeEventListener('resize', onResize);
    if (resizeTimer) clearTimeout(resizeTimer);
  };
  build();
  syncAbm(0);
  return root;
}
