import type { GameParams } from './game-params.ts';
import { inOpenUnit, pureCorners, type GainTerms, type ReplicatorGame } from './replicator-game.ts';

/**
 * The coefficients of the two-population game: ẋ = x(1−x)(a·y − b), ẏ = y(1−y)(c·x − d).
 * For the school–firm game a = αV, b = Cs − gs, c = q(1−α)V, d = Ce − ge.
 */
export interface TwoPopulationCoefficients {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** The coefficients a, b, c, d of the school–firm game (docs/ODD.md (Mean-field companion)). */
export function twoPopulationCoefficients(p: GameParams): TwoPopulationCoefficients {
  return { a: p.alpha * p.V, b: p.Cs - p.gs, c: p.q * (1 - p.alpha) * p.V, d: p.Ce - p.ge };
}

/**
 * The two-population game of docs/ODD.md (Mean-field companion). Schools (share x deep) and firms (share y deep):
 *
 * - deep school `R_s − C_s + αV·y + g_s`, shallow school `R_s`, so gain_s = αV·y − (C_s − g_s);
 * - deep firm `R_e − C_e + q(1−α)V·x + g_e`, shallow firm `R_e`, so gain_e = q(1−α)V·x − (C_e − g_e);
 *
 * and ẋ = x(1−x)·gain_s, ẏ = y(1−y)·gain_e. Pass plain coefficients (for example a > 0 > c,
 * which the school–firm parameters cannot give) to study the general system.
 */
export function twoPopulationGame(params: GameParams | TwoPopulationCoefficients): ReplicatorGame {
  const named = 'V' in params;
  const { a, b, c, d } = named ? twoPopulationCoefficients(params) : params;
  const words = named
    ? { a: 'αV', b: 'Cs − gs', c: 'q(1−α)V', d: 'Ce − ge' }
    : { a: 'a', b: 'b', c: 'c', d: 'd' };
  return {
    dim: 2,
    names: ['x', 'y'],
    populations: ['schools', 'firms'],
    interiorFormula: `x* = (${words.d})/(${words.c}), y* = (${words.b})/(${words.a})`,
    gains(p, out) {
      out[0] = a * p[1] - b;
      out[1] = c * p[0] - d;
    },
    gainGradient() {
      return [
        [0, a],
        [c, 0],
      ];
    },
    restPoints() {
      const out = pureCorners(2);
      if (a !== 0 && c !== 0) {
        const xs = d / c;
        const ys = b / a;
        if (inOpenUnit(xs) && inOpenUnit(ys)) out.push([xs, ys]);
      }
      return out;
    },
    gainTerms(i, corner): GainTerms {
      const other = corner[1 - i];
      if (i === 0) return { benefit: other === 1 ? words.a : '0', cost: words.b, benefitValue: a * other, costValue: b };
      return { benefit: other === 1 ? words.c : '0', cost: words.d, benefitValue: c * other, costValue: d };
    },
  };
}
