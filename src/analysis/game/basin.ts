import { findEquilibria } from './equilibria.ts';
import type { ReplicatorGame } from './replicator-game.ts';
import { settle } from './settle.ts';

/** The basin of full deep cooperation on a grid of start shares. */
export interface BasinGrid {
  /** Grid size n: starts at the cell centres (i + 0.5)/n. */
  n: number;
  /** Start shares of schools (x), one per column. */
  xs: number[];
  /** Start shares of firms (y), one per row. */
  ys: number[];
  /** `deep[row][col]` is true when the start (xs[col], ys[row]) ends at full deep cooperation. */
  deep: boolean[][];
  /** Share of grid starts that end at full deep cooperation: the area of the basin. */
  share: number;
}

/**
 * The basin of (1,1) — schools and firms all deep; with government, `z0` being the
 * government's start share, whatever it ends up doing — on an n × n grid of starts at the
 * cell centres, each integrated to convergence.
 */
export function basinOfDeep(game: ReplicatorGame, n: number, z0 = 0.5): BasinGrid {
  const equilibria = findEquilibria(game);
  const xs = Array.from({ length: n }, (_, i) => (i + 0.5) / n);
  const ys = xs.slice();
  let count = 0;
  const deep = ys.map((y) =>
    xs.map((x) => {
      const start = game.dim === 3 ? [x, y, z0] : [x, y];
      const ends = settle(game, start, { equilibria }).endsDeep;
      if (ends) count++;
      return ends;
    }),
  );
  return { n, xs, ys, deep, share: count / (n * n) };
}
