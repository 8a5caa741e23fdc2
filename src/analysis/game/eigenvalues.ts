import { create, eigsDependencies, type MathJsInstance } from 'mathjs';

/**
 * The mathjs instance with `eigs`, built on first use: building it takes longer than a whole
 * two-population analysis, which never needs it (see {@link eigenvalues}).
 */
let math: MathJsInstance | undefined;

/** An eigenvalue: a plain number when real, `{ re, im }` when complex. */
export type Eigenvalue = number | { re: number; im: number };

/** The real part of an eigenvalue. */
export function realPart(e: Eigenvalue): number {
  return typeof e === 'number' ? e : e.re;
}

/** The imaginary part of an eigenvalue (0 for a real one). */
export function imagPart(e: Eigenvalue): number {
  return typeof e === 'number' ? 0 : e.im;
}

/**
 * Eigenvalues of a small real square matrix, as numbers when real and `{ re, im }` objects
 * when complex, ordered by real part, then imaginary part. Imaginary parts below 1e-12 of the
 * matrix scale count as zero, and `-0` is written as `0`.
 *
 * A triangular matrix (the replicator Jacobian at every pure corner is diagonal) gives its
 * diagonal, exactly; a 1 × 1 or 2 × 2 matrix the roots of its characteristic polynomial in
 * closed form. Larger ones use mathjs `eigs`. Its QR iteration does not converge on some
 * 3 × 3 matrices with a purely imaginary pair next to a real eigenvalue (centre-like faces of
 * the three-population game); those fall back to the roots of the characteristic polynomial.
 */
export function eigenvalues(matrix: number[][]): Eigenvalue[] {
  const scale = Math.max(1, ...matrix.flat().map(Math.abs));
  let pairs: [number, number][];
  if (isTriangular(matrix)) pairs = matrix.map((row, i) => [row[i], 0]);
  else if (matrix.length <= 2) pairs = characteristicRoots(matrix);
  else {
    try {
      math ??= create({ eigsDependencies });
      const raw = math.eigs(matrix, { eigenvectors: false }).values as unknown;
      const list = (Array.isArray(raw) ? raw : (raw as { toArray(): unknown[] }).toArray()) as unknown[];
      pairs = list.map((v) => (typeof v === 'number' ? [v, 0] : [(v as { re: number }).re, (v as { im: number }).im]));
    } catch (err) {
      if (matrix.length > 3) throw err;
      pairs = characteristicRoots(matrix);
    }
  }
  const out: Eigenvalue[] = pairs.map(([re, im]) => {
    const r = re === 0 ? 0 : re;
    return Math.abs(im) <= 1e-12 * scale ? r : { re: r, im };
  });
  return out.sort((p, q) => realPart(p) - realPart(q) || imagPart(p) - imagPart(q));
}

/** True when every entry above, or every entry below, the diagonal of a square matrix is 0. */
function isTriangular(m: number[][]): boolean {
  let upper = true;
  let lower = true;
  for (let i = 0; i < m.length; i++)
    for (let j = 0; j < m.length; j++) {
      if (j < i && m[i][j] !== 0) upper = false;
      if (j > i && m[i][j] !== 0) lower = false;
    }
  return upper || lower;
}

/** Roots (re, im) of λ² + B·λ + C. */
function quadratic(B: number, C: number): [number, number][] {
  const disc = B * B - 4 * C;
  if (disc >= 0) {
    const s = Math.sqrt(disc);
    // A zero trace (the interior saddle of the two-population game): an exactly symmetric pair.
    if (B === 0) return [[-s / 2, 0], [s / 2, 0]];
    // Numerically stable pair.
    const q = -0.5 * (B + (B >= 0 ? s : -s));
    return q === 0 ? [[0, 0], [0, 0]] : [[q, 0], [C / q, 0]];
  }
  const im = Math.sqrt(-disc) / 2;
  return [[-B / 2, im], [-B / 2, -im]];
}

/**
 * Eigenvalues of a 1 × 1, 2 × 2 or 3 × 3 real matrix from its characteristic polynomial: for
 * 3 × 3, λ³ − tr·λ² + m·λ − det (m the sum of the principal 2 × 2 minors) has a real root,
 * found by bisection and polished by Newton steps; dividing it out leaves a quadratic.
 */
export function characteristicRoots(M: number[][]): [number, number][] {
  const n = M.length;
  if (n === 1) return [[M[0][0], 0]];
  if (n === 2) return quadratic(-(M[0][0] + M[1][1]), M[0][0] * M[1][1] - M[0][1] * M[1][0]);
  if (n !== 3) throw new Error(`characteristicRoots: ${n} × ${n} matrices are not supported`);
  const tr = M[0][0] + M[1][1] + M[2][2];
  const minors =
    M[0][0] * M[1][1] - M[0][1] * M[1][0] + M[0][0] * M[2][2] - M[0][2] * M[2][0] + M[1][1] * M[2][2] - M[1][2] * M[2][1];
  const det =
    M[0][0] * (M[1][1] * M[2][2] - M[1][2] * M[2][1]) -
    M[0][1] * (M[1][0] * M[2][2] - M[1][2] * M[2][0]) +
    M[0][2] * (M[1][0] * M[2][1] - M[1][1] * M[2][0]);
  const A = -tr;
  const B = minors;
  const C = -det;
  const p = (x: number) => ((x + A) * x + B) * x + C;
  const dp = (x: number) => (3 * x + 2 * A) * x + B;
  const bound = 1 + Math.max(Math.abs(A), Math.abs(B), Math.abs(C));
  let lo = -bound;
  let hi = bound;
  for (let k = 0; k < 200 && hi - lo > 1e-15 * bound; k++) {
    const mid = (lo + hi) / 2;
    if (p(mid) > 0) hi = mid;
    else lo = mid;
  }
  let r = (lo + hi) / 2;
  for (let k = 0; k < 3; k++) {
    const d = dp(r);
    if (d === 0) break;
    const next = r - p(r) / d;
    if (!(Math.abs(p(next)) < Math.abs(p(r)))) break;
    r = next;
  }
  return [[r, 0], ...quadratic(A + r, B + r * (A + r))];
}
