import type { GameParams, GovernmentParams } from './game-params.ts';
import { twoPopulationCoefficients } from './two-population-game.ts';
import { inOpenUnit, pureCorners, type GainTerms, type ReplicatorGame } from './replicator-game.ts';

/**
 * The tripartite game: schools (share x deep), firms (share y deep) and governments
 * (share z active). An active government pays rewards to deep schools (Gs) and firms (Se)
 * and fines shallow ones (Fs, Fe), at its own cost Cg; a passive government bears the
 * blame L for skill shortages whenever a school–firm pair is not deep on both sides.
 *
 * - gain_s = αV·y − (Cs − gs) + (Gs + Fs)·z
 * - gain_e = q(1−α)V·x − (Ce − ge) + (Se + Fe)·z
 * - gain_g = L(1 − x·y) + Fs(1 − x) + Fe(1 − y) − Cg − Gs·x − Se·y
 *
 * and ẋ = x(1−x)·gain_s, ẏ = y(1−y)·gain_e, ż = z(1−z)·gain_g. With z ≡ 0 the first two
 * rows are the two-population game.
 */
export function threePopulationGame(params: GameParams & { government: GovernmentParams }): ReplicatorGame {
  const { a, b, c, d } = twoPopulationCoefficients(params);
  const { Cg, Gs, Se, Fs, Fe, L } = params.government;
  const ks = Gs + Fs;
  const ke = Se + Fe;
  const k0 = L + Fs + Fe - Cg;
  // gain_g = k0 − ks·x − ke·y − L·x·y
  const gainG = (x: number, y: number) => k0 - ks * x - ke * y - L * x * y;
  const join = (terms: string[]) => (terms.length === 0 ? '0' : terms.join(' + '));
  return {
    dim: 3,
    names: ['x', 'y', 'z'],
    populations: ['schools', 'firms', 'government'],
    gains(p, out) {
      out[0] = a * p[1] + ks * p[2] - b;
      out[1] = c * p[0] + ke * p[2] - d;
      out[2] = gainG(p[0], p[1]);
    },
    gainGradient(p) {
      return [
        [0, a, ks],
        [c, 0, ke],
        [-ks - L * p[1], -ke - L * p[0], 0],
      ];
    },
    restPoints() {
      const out = pureCorners(3);
      // x, y mixed on the faces z = 0 and z = 1.
      for (const z of [0, 1]) {
        if (a === 0 || c === 0) break;
        const x = (d - ke * z) / c;
        const y = (b - ks * z) / a;
        if (inOpenUnit(x) && inOpenUnit(y)) out.push([x, y, z]);
      }
      // x, z mixed on the faces y = 0 and y = 1.
      for (const y of [0, 1]) {
        const den = ks + L * y;
        if (ks === 0 || den === 0) continue;
        const z = (b - a * y) / ks;
        const x = (k0 - ke * y) / den;
        if (inOpenUnit(x) && inOpenUnit(z)) out.push([x, y, z]);
      }
      // y, z mixed on the faces x = 0 and x = 1.
      for (const x of [0, 1]) {
        const den = ke + L * x;
        if (ke === 0 || den === 0) continue;
        const z = (d - c * x) / ke;
        const y = (k0 - ks * x) / den;
        if (inOpenUnit(y) && inOpenUnit(z)) out.push([x, y, z]);
      }
      // All three mixed: x = x0 + x1·z, y = y0 + y1·z, and gain_g(x, y) = 0 is quadratic in z.
      if (a !== 0 && c !== 0) {
        const x0 = d / c;
        const x1 = -ke / c;
        const y0 = b / a;
        const y1 = -ks / a;
        const A = -L * x1 * y1;
        const B = -ks * x1 - ke * y1 - L * (x0 * y1 + x1 * y0);
        const C = gainG(x0, y0);
        for (const z of quadraticRoots(A, B, C)) {
          const x = x0 + x1 * z;
          const y = y0 + y1 * z;
          if (inOpenUnit(x) && inOpenUnit(y) && inOpenUnit(z)) out.push([x, y, z]);
        }
      }
      return out;
    },
    gainTerms(i, corner): GainTerms {
      const [x, y, z] = corner;
      if (i === 0) {
        const terms = [...(y === 1 ? ['αV'] : []), ...(z === 1 ? ['Gs + Fs'] : [])];
        return { benefit: join(terms), cost: 'Cs − gs', benefitValue: a * y + ks * z, costValue: b };
      }
      if (i === 1) {
        const terms = [...(x === 1 ? ['q(1−α)V'] : []), ...(z === 1 ? ['Se + Fe'] : [])];
        return { benefit: join(terms), cost: 'Ce − ge', benefitValue: c * x + ke * z, costValue: d };
      }
      const benefit = [...(x * y === 0 ? ['L'] : []), ...(x === 0 ? ['Fs'] : []), ...(y === 0 ? ['Fe'] : [])];
      const cost = ['Cg', ...(x === 1 ? ['Gs'] : []), ...(y === 1 ? ['Se'] : [])];
      return {
        benefit: join(benefit),
        cost: join(cost),
        benefitValue: L * (1 - x * y) + Fs * (1 - x) + Fe * (1 - y),
        costValue: Cg + Gs * x + Se * y,
      };
    },
  };
}

/** Real roots of A·z² + B·z + C = 0 (a linear equation when A is negligible). */
function quadraticRoots(A: number, B: number, C: number): number[] {
  const scale = Math.max(Math.abs(A), Math.abs(B), Math.abs(C));
  if (scale === 0) return [];
  if (Math.abs(A) <= 1e-14 * scale) return B === 0 ? [] : [-C / B];
  const disc = B * B - 4 * A * C;
  if (disc < 0) return [];
  if (disc === 0) return [-B / (2 * A)];
  // Numerically stable form.
  const q = -0.5 * (B + Math.sign(B || 1) * Math.sqrt(disc));
  return [q / A, C / q];
}
