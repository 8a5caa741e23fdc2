import { create, eigsDependencies } from 'mathjs';

const math = create({ eigsDependencies });

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
 * Eigenvalues of a small real square matrix (mathjs `eigs`), as numbers when real and
 * `{ re, im }` objects when complex, ordered by real part, then imaginary part. Imaginary
 * parts below 1e-12 of the matrix scale count as zero, and `-0` is written as `0`.
 */
export function eigenvalues(matrix: number[][]): Eigenvalue[] {
  const scale = Math.max(1, ...matrix.flat().map(Math.abs));
  const raw = math.eigs(matrix, { eigenvectors: false }).values as unknown;
  const list = (Array.isArray(raw) ? raw : (raw as { toArray(): unknown[] }).toArray()) as unknown[];
  const out: Eigenvalue[] = list.map((v) => {
    const re = typeof v === 'number' ? v : (v as { re: number }).re;
    const im = typeof v === 'number' ? 0 : (v as { im: number }).im;
    const r = re === 0 ? 0 : re;
    return Math.abs(im) <= 1e-12 * scale ? r : { re: r, im };
  });
  return out.sort((p, q) => realPart(p) - realPart(q) || imagPart(p) - imagPart(q));
}
