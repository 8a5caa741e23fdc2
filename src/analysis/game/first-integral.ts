import { ln } from '../../model/portable-math.ts';
import type { TwoPopulationCoefficients } from './two-population-game.ts';

/**
 * The first integral of the two-population replicator system
 * ẋ = x(1−x)(a·y − b), ẏ = y(1−y)(c·x − d).
 *
 * In log-odds u = ln(x/(1−x)), v = ln(y/(1−y)) the system reads u̇ = a·y − b, v̇ = c·x − d,
 * which is Hamiltonian: with F(v) = a·ln(1+eᵛ) − b·v and G(u) = c·ln(1+eᵘ) − d·u,
 * u̇ = F′(v) and v̇ = G′(u), so H = F(v) − G(u) has dH/dt = F′v̇ − G′u̇ = 0. Back in shares,
 *
 *   H(x, y) = d·ln x + (c − d)·ln(1 − x) − b·ln y − (a − b)·ln(1 − y),
 *
 * constant along every path inside the open unit square, whatever the signs of a, b, c, d.
 * When a·c < 0 the interior rest point is a centre and the level sets of H are the closed
 * orbits around it; when a·c > 0 it is a saddle and the level set through it holds the
 * separatrices.
 */
export function firstIntegral({ a, b, c, d }: TwoPopulationCoefficients): (x: number, y: number) => number {
  return (x, y) => d * ln(x) + (c - d) * ln(1 - x) - b * ln(y) - (a - b) * ln(1 - y);
}
