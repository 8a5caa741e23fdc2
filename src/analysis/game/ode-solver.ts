import { pow } from '../../model/portable-math.ts';

/** Right-hand side of an autonomous ODE: writes dy/dt at `y` into `out`. */
export type OdeRhs = (y: Float64Array, out: Float64Array) => void;

/** Error tolerances of {@link odeSolver}. */
export interface OdeTolerances {
  /** Relative tolerance per step (default 1e-10). */
  rtol?: number;
  /** Absolute tolerance per step (default 1e-12). */
  atol?: number;
  /** Step budget per `advance` call before giving up (default 1,000,000). */
  maxSteps?: number;
}

/** An adaptive ODE solver that keeps its step size between calls. */
export interface OdeSolver {
  /** Advances `y` in place from time `t0` to exactly `t1` (t1 ≥ t0). Returns the number of accepted steps. */
  advance(y: Float64Array, t0: number, t1: number): number;
}

// Dormand–Prince 5(4) tableau.
const A21 = 1 / 5;
const A31 = 3 / 40, A32 = 9 / 40;
const A41 = 44 / 45, A42 = -56 / 15, A43 = 32 / 9;
const A51 = 19372 / 6561, A52 = -25360 / 2187, A53 = 64448 / 6561, A54 = -212 / 729;
const A61 = 9017 / 3168, A62 = -355 / 33, A63 = 46732 / 5247, A64 = 49 / 176, A65 = -5103 / 18656;
const B1 = 35 / 384, B3 = 500 / 1113, B4 = 125 / 192, B5 = -2187 / 6784, B6 = 11 / 84;
const E1 = 71 / 57600, E3 = -71 / 16695, E4 = 71 / 1920, E5 = -17253 / 339200, E6 = 22 / 525, E7 = -1 / 40;

/**
 * The adaptive Runge–Kutta method of Dormand and Prince (RK45, order 5 with an embedded
 * order-4 error estimate, first-same-as-last), with the standard step-size control
 * (safety 0.9, step ratio between 0.2 and 5). With the default tolerances the global error
 * of the replicator systems here stays far below 1e-6 over hundreds of time units. Only
 * IEEE-exact arithmetic and the deterministic `pow`, so Node and browsers give the same bits.
 */
export function odeSolver(f: OdeRhs, dim: number, tolerances: OdeTolerances = {}): OdeSolver {
  const rtol = tolerances.rtol ?? 1e-10;
  const atol = tolerances.atol ?? 1e-12;
  const maxSteps = tolerances.maxSteps ?? 1_000_000;
  const k1 = new Float64Array(dim), k2 = new Float64Array(dim), k3 = new Float64Array(dim);
  const k4 = new Float64Array(dim), k5 = new Float64Array(dim), k6 = new Float64Array(dim);
  const k7 = new Float64Array(dim), tmp = new Float64Array(dim), yNew = new Float64Array(dim);
  let h = 1e-2;
  return {
    advance(y, t0, t1) {
      if (!(t1 >= t0)) throw new Error(`odeSolver: cannot advance from ${t0} to ${t1}`);
      let t = t0;
      let steps = 0;
      let tries = 0;
      f(y, k1);
      while (t < t1) {
        if (++tries > maxSteps) throw new Error(`odeSolver: more than ${maxSteps} steps between t=${t0} and t=${t1}`);
        const last = t + h >= t1;
        const step = last ? t1 - t : h;
        for (let i = 0; i < dim; i++) tmp[i] = y[i] + step * A21 * k1[i];
        f(tmp, k2);
        for (let i = 0; i < dim; i++) tmp[i] = y[i] + step * (A31 * k1[i] + A32 * k2[i]);
        f(tmp, k3);
        for (let i = 0; i < dim; i++) tmp[i] = y[i] + step * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
        f(tmp, k4);
        for (let i = 0; i < dim; i++) tmp[i] = y[i] + step * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
        f(tmp, k5);
        for (let i = 0; i < dim; i++)
          tmp[i] = y[i] + step * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
        f(tmp, k6);
        for (let i = 0; i < dim; i++)
          yNew[i] = y[i] + step * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
        f(yNew, k7);
        let sum = 0;
        for (let i = 0; i < dim; i++) {
          const e = step * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
          const sc = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(yNew[i]));
          sum += (e / sc) * (e / sc);
        }
        const err = Math.sqrt(sum / dim);
        const factor = err === 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * pow(err, -0.2)));
        if (err <= 1) {
          t = last ? t1 : t + step;
          y.set(yNew);
          k1.set(k7);
          steps++;
          // Do not let a short final step shrink the step size for the next call.
          if (!last || step >= h) h = step * factor;
        } else {
          h = step * Math.min(1, factor);
        }
        if (!(h > 0) || !Number.isFinite(err)) throw new Error(`odeSolver: step size collapsed at t=${t}`);
      }
      return steps;
    },
  };
}
