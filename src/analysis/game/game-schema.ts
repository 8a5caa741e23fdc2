import { z } from 'zod';
import { num, show } from '../../model/params/fields.ts';
import type { Result } from '../../scenario/problem.ts';
import { issuesToProblems } from '../../scenario/zod-issues.ts';

const A = 'assumption:';
const BIG = 1e6;

/** The government population of the tripartite game; its presence turns the third population on. */
const government = z
  .strictObject({
    z0: num(0.5, 0, 1, `${A} start share of active governments; half of the local governments are active`),
    Cg: num(2, 0, BIG, `${A} cost of active regulation per period (monitoring, administration)`),
    Gs: num(1, 0, BIG, `${A} reward an active government pays a deep school`),
    Se: num(1, 0, BIG, `${A} reward an active government pays a deep firm`),
    Fs: num(1, 0, BIG, `${A} penalty an active government levies on a shallow school`),
    Fe: num(1, 0, BIG, `${A} penalty an active government levies on a shallow firm`),
    L: num(4, 0, BIG, `${A} blame a passive government bears for skill shortages when cooperation is not deep on both sides`),
  })
  .describe('optional third population: governments (share z active) rewarding deep and penalising shallow behaviour');

/**
 * The schema of a game file (`coopsim game FILE.json`): the parameters of docs/ODD.md (Mean-field companion), the
 * start shares and the time span. Unknown keys are errors; missing keys take the defaults
 * below (payoffs are in the units of V).
 */
export const gameSchema = z.strictObject({
  name: z.string().max(200).default('game').describe('short name'),
  description: z.string().max(5000).default('').describe('what the game shows'),
  V: num(10, 0, BIG, `${A} joint surplus of deep–deep cooperation per period, the payoff unit`),
  alpha: num(0.4, 0, 1, `${A} school's share α of the joint surplus; firms keep the larger part`),
  Cs: num(3, 0, BIG, `${A} a school's extra cost of going deep`),
  Ce: num(5, 0, BIG, `${A} a firm's extra cost of going deep, above the school's`),
  gs: num(0, 0, BIG, `${A} total policy support to a deep school; none by default`),
  ge: num(0, 0, BIG, `${A} total policy support to a deep firm: tax relief + subsidy + green channel + penalty avoided; none by default`),
  q: num(1, 0, 1, `${A} school conditions q (0–1), the part of the firm's share it can realise; 1 = full`),
  x0: num(0.5, 0, 1, `${A} start share of deep schools`),
  y0: num(0.5, 0, 1, `${A} start share of deep firms`),
  tmax: num(10, 0.1, 1000, `${A} time span of the reported trajectory (one unit = one imitation round of M sweeps)`),
  government: government.optional(),
});

/** A validated game file with defaults filled in. */
export type GameFile = z.output<typeof gameSchema>;

/**
 * Validates a parsed JSON value as a game file. Never throws on bad input: every problem
 * comes back with its field path, the bad value and what is allowed.
 */
export function parseGameFile(input: unknown): Result<GameFile> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, problems: [{ path: '', message: `a game file must be a JSON object, not ${show(input)}` }] };
  const r = gameSchema.safeParse(input, { reportInput: true });
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, problems: issuesToProblems(gameSchema, r.error.issues) };
}
