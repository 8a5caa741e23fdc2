import { phasePortraitData } from '../charts/phase-portrait.ts';
import type { AppContext } from '../app-context.ts';
import { h } from '../dom.ts';
import type { GameState } from '../state/game-state.ts';
import { KIND_KEYS } from './game-labels.ts';

/** The list items of the game's equilibria: a mark for stable or not, the point, its kind. */
export function equilibriaItems(ctx: AppContext, params: GameState['params']): HTMLElement[] {
  const { t, fmt } = ctx;
  const data = phasePortraitData(params, [], { grid: 1 });
  return data.equilibria.map((e) => {
    // A saddle, centre or degenerate point: say that it is unstable too.
    const kind = !e.stable && !/unstable/.test(e.kind) ? t('game.kindUnstable', { kind: t(KIND_KEYS[e.kind]) }) : t(KIND_KEYS[e.kind]);
    return h(
      'li',
      { class: e.stable ? 'stable' : 'unstable' },
      h('span', { class: 'mark', 'aria-hidden': 'true' }, e.stable ? '●' : '○'),
      ` (${fmt.number(e.x, 2)}, ${fmt.number(e.y, 2)}) `,
      kind,
    );
  });
}
