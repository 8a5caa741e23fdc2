/**
 * The quantile PRIM peels and pastes at, as in the EMA Workbench (after RAND's
 * sdtoolkit): the midpoint between two order statistics around (n − 1)·q, widened
 * until they differ, so that a peel always falls between two distinct values and
 * removes whole groups of tied values rather than splitting them.
 */
export function primQuantile(values: readonly number[], q: number): number {
  const data = [...values].sort((a, b) => a - b);
  if (data.length === 0) return NaN;
  const i = (data.length - 1) * q;
  let lo = Math.floor(i);
  let hi = Math.ceil(i);
  if (q > 0.5) {
    while (data[lo] === data[hi] && lo > 0) lo--;
  } else {
    while (data[lo] === data[hi] && hi < data.length - 1) hi++;
  }
  return (data[lo] + data[hi]) / 2;
}
