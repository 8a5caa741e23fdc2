/**
 * Exact hypervolume (minimisation) of a set of points with 2 or 3 objectives against a
 * reference point: the measure of the region that some point dominates and that
 * dominates the reference. Points that do not dominate the reference add nothing.
 * Two objectives: a sweep; three: slices along the third objective, each a 2-D sweep.
 */
export function hypervolume(points: readonly (readonly number[])[], reference: readonly number[]): number {
  const d = reference.length;
  const inside = points.filter((p) => p.length === d && p.every((v, k) => v < reference[k]));
  if (d === 1) return inside.length === 0 ? 0 : reference[0] - Math.min(...inside.map((p) => p[0]));
  if (d === 2) return area2d(inside, reference[0], reference[1]);
  if (d === 3) {
    const sorted = inside.slice().sort((a, b) => a[2] - b[2]);
    let volume = 0;
    for (let i = 0; i < sorted.length; i++) {
      const top = i + 1 < sorted.length ? sorted[i + 1][2] : reference[2];
      if (top > sorted[i][2]) volume += area2d(sorted.slice(0, i + 1), reference[0], reference[1]) * (top - sorted[i][2]);
    }
    return volume;
  }
  throw new RangeError(`hypervolume is computed for 1 to 3 objectives, not ${d}`);
}

function area2d(points: readonly (readonly number[])[], r0: number, r1: number): number {
  const sorted = points.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let area = 0;
  let best = r1;
  for (const p of sorted) {
    if (p[1] >= best) continue;
    area += (r0 - p[0]) * (best - p[1]);
    best = p[1];
  }
  return area;
}
