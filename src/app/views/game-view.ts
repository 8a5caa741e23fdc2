import type { GameParams } from '../../analysis/game/game-params.ts';
import type { AppContext } from '../app-context.ts';
import { phasePortraitData, phasePortraitSvg } from '../charts/phase-portrait.ts';
import { h } from '../dom.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { figureView } from './figure-view.ts';

type ParamName = 'V' | 'alpha' | 'Cs' | 'Ce' | 'gs' | 'ge' | 'q';

/** Sliders of the game, with ranges; defaults are scenarios/games/bistable.json. */
const PARAMS: readonly { name: ParamName; min: number; max: number; step: number }[] = [
  { name: 'V', min: 0, max: 20, step: 0.5 },
  { name: 'alpha', min: 0, max: 1, step: 0.05 },
  { name: 'Cs', min: 0, max: 10, step: 0.25 },
  { name: 'Ce', min: 0, max: 10, step: 0.25 },
  { name: 'gs', min: 0, max: 10, step: 0.25 },
  { name: 'ge', min: 0, max: 10, step: 0.25 },
  { name: 'q', min: 0, max: 1, step: 0.05 },
];

const params: GameParams = { V: 10, alpha: 0.4, Cs: 3, Ce: 5, gs: 0, ge: 3.5, q: 1 };
let starts: [number, number][] = [
  [0.5, 0.5],
  [0.2, 0.8],
  [0.8, 0.2],
];

/**
 * The mean-field game panel: sliders for V, α, Cs, Ce, gs, ge and q; the phase portrait
 * (vector field, nullclines, equilibria, trajectories); a click in the square starts a
 * trajectory there.
 */
export function gameView(ctx: AppContext, available: number): HTMLElement {
  const { t, fmt } = ctx;
  const size = Math.max(320, Math.min(560, available - 340));
  const fig = figureView(ctx, 'phase-portrait', t('game.title'), size, (width) =>
    phasePortraitSvg(phasePortraitData(params, starts), { width, height: width }),
  );
  fig.classList.add('game-figure');
  const equilibria = h('ul', { class: 'equilibria' });
  const listEquilibria = () => {
    const data = phasePortraitData(params, []);
    equilibria.replaceChildren(
      ...data.equilibria.map((e) =>
        h('li', { class: e.stable ? 'stable' : 'unstable' }, `(${fmt.number(e.x, 2)}, ${fmt.number(e.y, 2)}) — ${e.stable ? t('game.stable') : t('game.unstable')} (${e.kind})`),
      ),
    );
  };
  const redraw = () => {
    fig.refresh();
    listEquilibria();
  };
  fig.addEventListener('click', (ev) => {
    const frame = fig.querySelector<SVGRectElement>('rect.frame');
    const svg = fig.querySelector<SVGSVGElement>('svg');
    if (!frame || !svg || !(ev.target as Element).closest('svg')) return;
    const box = svg.getBoundingClientRect();
    const scale = box.width / Number(svg.getAttribute('width'));
    const fx = Number(frame.getAttribute('x'));
    const fy = Number(frame.getAttribute('y'));
    const fw = Number(frame.getAttribute('width'));
    const fh = Number(frame.getAttribute('height'));
    const x = ((ev.clientX - box.left) / scale - fx) / fw;
    const y = 1 - ((ev.clientY - box.top) / scale - fy) / fh;
    if (x <= 0 || x >= 1 || y <= 0 || y >= 1) return;
    starts = [...starts.slice(-11), [x, y]];
    redraw();
  });
  const sliders = PARAMS.map((p) => {
    const out = h('output', { class: 'value' }, fmt.number(params[p.name], 2));
    const input = h('input', {
      type: 'range',
      min: p.min,
      max: p.max,
      step: p.step,
      value: String(params[p.name]),
      'aria-label': t(`game.param.${p.name}` as MessageKey),
      'data-param': p.name,
      oninput: () => {
        params[p.name] = Number(input.value);
        out.textContent = fmt.number(params[p.name], 2);
        redraw();
      },
    });
    return h('div', { class: 'control' }, h('div', { class: 'control-head' }, h('label', { class: 'control-label' }, t(`game.param.${p.name}` as MessageKey)), out), input);
  });
  listEquilibria();
  return h(
    'div',
    { class: 'game-view' },
    h('p', { class: 'intro' }, t('game.help')),
    h(
      'div',
      { class: 'game-body' },
      fig,
      h(
        'div',
        { class: 'game-side' },
        ...sliders,
        h('button', { type: 'button', class: 'clear', onclick: () => ((starts = []), redraw()) }, t('game.clear')),
        h('h4', {}, t('game.equilibria')),
        equilibria,
      ),
    ),
  );
}
