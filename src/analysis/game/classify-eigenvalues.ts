import { imagPart, realPart, type Eigenvalue } from './eigenvalues.ts';

/** The kind of a rest point, from the eigenvalues of its Jacobian. */
export type EquilibriumKind =
  | 'stable node'
  | 'unstable node'
  | 'saddle'
  | 'stable focus'
  | 'unstable focus'
  | 'centre'
  | 'degenerate';

/**
 * Classifies a rest point by its eigenvalues (real parts within 1e-9 of the eigenvalue
 * scale count as zero):
 * - all real parts < 0: `stable node`, or `stable focus` when some are complex;
 * - all real parts > 0: `unstable node` / `unstable focus`;
 * - real parts of both signs: `saddle` (in 3-D this includes saddle-foci);
 * - all real parts zero with a complex pair: `centre`;
 * - otherwise (a zero real part next to non-zero ones, or all zero and real): `degenerate`,
 *   where linearisation cannot decide stability.
 *
 * `stable` means asymptotically stable in the linearisation: every real part < 0.
 */
export function classifyEigenvalues(values: readonly Eigenvalue[]): { kind: EquilibriumKind; stable: boolean } {
  const scale = Math.max(1, ...values.map((e) => Math.hypot(realPart(e), imagPart(e))));
  const eps = 1e-9 * scale;
  const re = values.map(realPart);
  const complex = values.some((e) => imagPart(e) !== 0);
  const neg = re.filter((r) => r < -eps).length;
  const pos = re.filter((r) => r > eps).length;
  const zero = re.length - neg - pos;
  if (zero === 0 && pos === 0) return { kind: complex ? 'stable focus' : 'stable node', stable: true };
  if (zero === 0 && neg === 0) return { kind: complex ? 'unstable focus' : 'unstable node', stable: false };
  if (zero === 0) return { kind: 'saddle', stable: false };
  if (zero === re.length && complex) return { kind: 'centre', stable: false };
  return { kind: 'degenerate', stable: false };
}
