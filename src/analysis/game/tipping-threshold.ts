import { gameFromParams } from './game-from-params.ts';
import { withGameParam, type GameParamName, type GameParams } from './game-params.ts';
import { settle } from './settle.ts';

/** Options of {@link tippingThreshold}. */
export interface ThresholdOptions {
  /** Number of equal subintervals scanned before bisecting (default 40). */
  scan?: number;
  /** Bisection stops when the bracket is at most this wide (default 1e-3). */
  tolerance?: number;
  /** Longest integration of one path (default 50,000): near the threshold convergence slows down. */
  tmax?: number;
}

/**
 * The tipping threshold of parameter `name`: the smallest value in [from, to] at which the
 * path from `start` ends at full deep cooperation (schools and firms all deep; with government,
 * whatever the government ends up doing), each path integrated to convergence (up to t = 50,000:
 * where (1,1) itself is about to lose stability the approach slows down like 1/distance). The range is scanned in `scan` equal steps to find the
 * first value that tips (so a non-monotone response does not mislead the bisection); the
 * bracket below it is then bisected until it is at most `tolerance` wide, and its upper end,
 * a value known to tip, is returned. Returns `from` when `from` already tips and null when
 * no scanned value does.
 */
export function tippingThreshold(
  params: GameParams,
  name: GameParamName,
  from: number,
  to: number,
  start: readonly number[],
  options: ThresholdOptions = {},
): number | null {
  const scan = options.scan ?? 40;
  const tolerance = options.tolerance ?? 1e-3;
  const tmax = options.tmax ?? 50_000;
  const tips = (v: number) => settle(gameFromParams(withGameParam(params, name, v)), start, { tmax }).endsDeep;
  if (tips(from)) return from;
  let lo = from;
  let hi = Number.NaN;
  for (let k = 1; k <= scan; k++) {
    const v = k === scan ? to : from + ((to - from) * k) / scan;
    if (tips(v)) {
      hi = v;
      break;
    }
    lo = v;
  }
  if (Number.isNaN(hi)) return null;
  while (hi - lo > tolerance) {
    const mid = (lo + hi) / 2;
    if (tips(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
