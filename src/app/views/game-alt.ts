import type { AppContext } from '../app-context.ts';
import { phasePortraitData } from '../charts/phase-portrait.ts';
import type { GameState } from '../state/game-state.ts';
import type { ChartAlt } from './chart-table.ts';
import { KIND_KEYS } from './game-labels.ts';

/** The words of the phase portrait: its equilibria and where each trajectory starts and ends; both as a table. */
export function gameAlt(ctx: AppContext, game: () => GameState, tmax: number): ChartAlt {
  const { t, fmt } = ctx;
  const data = () => phasePortraitData(game().params, game().starts, { tmax, grid: 1 });
  const point = (x: number, y: number) => `(${fmt.number(x, 2)}, ${fmt.number(y, 2)})`;
  return {
    summary: () => {
      const d = data();
      const stable = d.equilibria.filter((e) => e.stable).map((e) => point(e.x, e.y));
      const ends = d.trajectories.map((tr) => `${point(...tr.start)} → ${point(tr.points.at(-1)?.x ?? NaN, tr.points.at(-1)?.y ?? NaN)}`);
      return t('game.alt', { stable: stable.join(', ') || '–', n: d.equilibria.length, paths: ends.join('; ') || '–' });
    },
    table: () => {
      const d = data();
      return {
        caption: t('game.title'),
        head: [t('game.alt.what'), t('game.axis.x'), t('game.axis.y'), t('game.alt.kind')],
        rows: [
          ...d.equilibria.map((e) => [t('game.alt.equilibrium'), fmt.number(e.x, 2), fmt.number(e.y, 2), t(KIND_KEYS[e.kind])]),
          ...d.trajectories.map((tr) => {
            const end = tr.points.at(-1);
            return [t('game.alt.path', { start: point(...tr.start) }), fmt.number(end?.x ?? NaN, 2), fmt.number(end?.y ?? NaN, 2), t('game.alt.end')];
          }),
        ],
      };
    },
  };
}
