import { classifyEigenvalues, type EquilibriumKind } from './classify-eigenvalues.ts';
import { eigenvalues, type Eigenvalue } from './eigenvalues.ts';
import { replicatorJacobian, type ReplicatorGame } from './replicator-game.ts';

/** One inequality of a stability condition, with both sides evaluated. */
export interface StabilityCheck {
  /** The inequality in words, e.g. `αV > Cs − gs`. */
  text: string;
  lhs: number;
  rhs: number;
  /** Whether the strict inequality holds for the given parameters. */
  holds: boolean;
}

/** A rest point of a replicator game with its linear stability. */
export interface Equilibrium {
  /** Shares of deep (active) players, one per population. */
  point: number[];
  /** Short label, e.g. `(1,1)` or `(0.25, 0.75)`. */
  label: string;
  /** True for a pure corner, false for a mixed rest point. */
  pure: boolean;
  /** The Jacobian of the replicator velocity at the point. */
  jacobian: number[][];
  /** Its eigenvalues: numbers when real, `{ re, im }` when complex. */
  eigenvalues: Eigenvalue[];
  /** Classification from the eigenvalues. */
  kind: EquilibriumKind;
  /** Asymptotically stable in the linearisation (every eigenvalue has a negative real part). */
  stable: boolean;
  /** The stability condition in words. */
  condition: string;
  /** For a pure corner, the inequalities of `condition` evaluated (all hold ⇔ stable). */
  checks: StabilityCheck[];
}

/** Formats a share for labels: integers as is, others with 4 significant digits. */
export function formatShare(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}

/**
 * Every pure and isolated mixed rest point of `game`, with Jacobian, eigenvalues,
 * classification and the stability condition in words.
 *
 * At a pure corner the Jacobian is diagonal with entries (1 − 2p_i)·gain_i, so the corner is
 * stable exactly when every deep population there gains by staying deep (benefit > cost)
 * and every shallow population loses by going deep (benefit < cost). A mixed rest point is
 * never asymptotically stable: its Jacobian vanishes on the diagonal of the mixed shares,
 * so their eigenvalues sum to zero.
 */
export function findEquilibria(game: ReplicatorGame): Equilibrium[] {
  return game.restPoints().map((point) => {
    const jacobian = replicatorJacobian(game, point);
    const values = eigenvalues(jacobian);
    const { kind, stable } = classifyEigenvalues(values);
    const pure = point.every((v) => v === 0 || v === 1);
    const label = pure ? `(${point.join(',')})` : `(${point.map(formatShare).join(', ')})`;
    if (pure) {
      const checks = point.map((v, i) => cornerCheck(game, i, point, v === 1));
      const condition = `${label} is stable when ${checks.map((c) => c.text).join(' and ')}`;
      return { point, label, pure, jacobian, eigenvalues: values, kind, stable, condition, checks };
    }
    const where = game.interiorFormula && point.every((v) => v > 0 && v < 1) ? ` at ${game.interiorFormula}` : '';
    const condition =
      `${label} is a mixed rest point${where}; never asymptotically stable ` +
      `(the eigenvalues of its mixed shares sum to zero); here: ${kind}`;
    return { point, label, pure, jacobian, eigenvalues: values, kind, stable, condition, checks: [] };
  });
}

function cornerCheck(game: ReplicatorGame, i: number, corner: readonly number[], deep: boolean): StabilityCheck {
  const t = game.gainTerms(i, corner);
  if (t.benefit === '0') {
    // gain = −cost: deep is kept when cost < 0, shallow when cost > 0.
    const text = deep ? `${t.cost} < 0` : `${t.cost} > 0`;
    const holds = deep ? t.costValue < 0 : t.costValue > 0;
    return { text, lhs: t.costValue, rhs: 0, holds };
  }
  const text = deep ? `${t.benefit} > ${t.cost}` : `${t.benefit} < ${t.cost}`;
  const holds = deep ? t.benefitValue > t.costValue : t.benefitValue < t.costValue;
  return { text, lhs: t.benefitValue, rhs: t.costValue, holds };
}
