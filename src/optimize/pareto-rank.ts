/**
 * What the search knows of one evaluated candidate: its objectives (all minimised) and
 * its total constraint violation (0 when it meets every constraint).
 */
export interface Fitness {
  readonly objectives: readonly number[];
  /** Sum of the amounts by which constraints are missed; 0 = feasible. */
  readonly violation: number;
}

/**
 * Constraint domination (Deb et al. 2002, §VI): a feasible candidate beats an infeasible
 * one, of two infeasible ones the smaller violation wins, and of two feasible ones the
 * usual Pareto dominance decides (no worse in every objective, better in one).
 */
export function constrainedDominates(a: Fitness, b: Fitness): boolean {
  if (a.violation > 0 || b.violation > 0) {
    if (a.violation === 0) return true;
    if (b.violation === 0) return false;
    return a.violation < b.violation;
  }
  return dominates(a.objectives, b.objectives);
}

/** Pareto dominance of objective vectors (minimisation). */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let better = false;
  for (let k = 0; k < a.length; k++) {
    if (a[k] > b[k]) return false;
    if (a[k] < b[k]) better = true;
  }
  return better;
}

/**
 * Fast non-dominated sorting (Deb et al. 2002, §III-A) under constraint domination: the
 * fronts as lists of indices, the first non-dominated; within a front indices ascend, so
 * the result depends only on the order of the input.
 */
export function nondominatedSort(pop: readonly Fitness[]): number[][] {
  const n = pop.length;
  const dominated: number[][] = Array.from({ length: n }, () => []);
  const count = new Int32Array(n);
  for (let p = 0; p < n; p++)
    for (let q = p + 1; q < n; q++) {
      if (constrainedDominates(pop[p], pop[q])) {
        dominated[p].push(q);
        count[q]++;
      } else if (constrainedDominates(pop[q], pop[p])) {
        dominated[q].push(p);
        count[p]++;
      }
    }
  const fronts: number[][] = [];
  let current: number[] = [];
  for (let p = 0; p < n; p++) if (count[p] === 0) current.push(p);
  while (current.length > 0) {
    fronts.push(current);
    const next: number[] = [];
    for (const p of current)
      for (const q of dominated[p]) {
        count[q]--;
        if (count[q] === 0) next.push(q);
      }
    next.sort((a, b) => a - b);
    current = next;
  }
  return fronts;
}

/**
 * Crowding distance of the members of one front (Deb et al. 2002, §III-B): per objective,
 * the normalised gap between each member's neighbours; the extremes get Infinity.
 * Returned in the order of `front`.
 */
export function crowdingDistance(pop: readonly Fitness[], front: readonly number[]): number[] {
  const m = front.length;
  const dist = new Array<number>(m).fill(0);
  if (m === 0) return dist;
  const objectives = pop[front[0]].objectives.length;
  const order = front.map((_, i) => i);
  for (let k = 0; k < objectives; k++) {
    const f = (i: number) => pop[front[i]].objectives[k];
    // Ties broken by position so the distances never depend on the sort's internals.
    order.sort((a, b) => f(a) - f(b) || a - b);
    const lo = f(order[0]);
    const hi = f(order[m - 1]);
    dist[order[0]] = Infinity;
    dist[order[m - 1]] = Infinity;
    if (hi === lo) continue;
    for (let j = 1; j < m - 1; j++) dist[order[j]] += (f(order[j + 1]) - f(order[j - 1])) / (hi - lo);
  }
  return dist;
}
