/** A direction an arrow key moves in, as a unit step on the screen (y grows downwards). */
export type Direction = readonly [number, number];

/** The arrow keys and where each moves. */
export const ARROWS: Readonly<Record<string, Direction>> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowDown: [0, 1],
  ArrowUp: [0, -1],
};

/**
 * The node an arrow key moves to from node `from`: among the nodes lying within 45° of the
 * direction, the one nearest, with distance off the axis counting double so the move
 * follows the arrow; null when no node lies that way. Nodes at the same place are ordered
 * by index, so a keyboard still reaches each of them.
 */
export function nodeInDirection(centres: readonly (readonly [number, number])[], from: number, dir: Direction): number | null {
  const [x0, y0] = centres[from];
  let best: number | null = null;
  let bestScore = Infinity;
  for (let j = 0; j < centres.length; j++) {
    if (j === from) continue;
    const dx = centres[j][0] - x0;
    const dy = centres[j][1] - y0;
    const along = dx * dir[0] + dy * dir[1];
    const across = Math.abs(dx * dir[1] - dy * dir[0]);
    // Same spot: the next index forward (right/down) or back (left/up).
    if (along === 0 && across === 0) {
      const forward = dir[0] + dir[1] > 0;
      if (forward ? j > from : j < from) {
        const score = Math.abs(j - from) * 1e-9;
        if (score < bestScore) (best = j), (bestScore = score);
      }
      continue;
    }
    if (along <= 0 || across > along) continue;
    const score = along + 2 * across;
    if (score < bestScore) (best = j), (bestScore = score);
  }
  return best;
}
