/**
 * Parameters of the mean-field evolutionary game of school–enterprise cooperation
 * (docs/ODD.md (Mean-field companion)). Payoffs are per period, in the same money unit as `V`.
 */
export interface GameParams {
  /** Joint surplus of deep–deep cooperation. */
  V: number;
  /** The school's share of the joint surplus (0–1). */
  alpha: number;
  /** A school's extra cost of going deep. */
  Cs: number;
  /** A firm's extra cost of going deep. */
  Ce: number;
  /** Total policy support to a deep school (subsidy, evaluation credit, …). */
  gs: number;
  /** Total policy support to a deep firm (tax relief + subsidy + green channel + penalty avoided). */
  ge: number;
  /** School conditions (0–1): how much of the firm's share a firm can actually realise. */
  q: number;
  /** Optional third population: government (share z active). */
  government?: GovernmentParams;
}

/** The government population of the tripartite game (see `threePopulationGame`). */
export interface GovernmentParams {
  /** A government's cost of active regulation (monitoring, administration). */
  Cg: number;
  /** Reward an active government pays a deep school. */
  Gs: number;
  /** Reward an active government pays a deep firm. */
  Se: number;
  /** Penalty an active government levies on a shallow school. */
  Fs: number;
  /** Penalty an active government levies on a shallow firm. */
  Fe: number;
  /** Blame a passive government bears for skill shortages, times the share of pairs not both deep. */
  L: number;
}

/** The names of the numeric game parameters, in a fixed order (two-population ones first). */
export const TWO_POPULATION_PARAMS = ['V', 'alpha', 'Cs', 'Ce', 'gs', 'ge', 'q'] as const;
/** The names of the government parameters of the three-population game. */
export const GOVERNMENT_PARAMS = ['Cg', 'Gs', 'Se', 'Fs', 'Fe', 'L'] as const;

/** A parameter name that a tipping threshold can be searched over. */
export type GameParamName = (typeof TWO_POPULATION_PARAMS)[number] | (typeof GOVERNMENT_PARAMS)[number];

/** Returns the value of parameter `name` (government parameters need `params.government`). */
export function getGameParam(params: GameParams, name: GameParamName): number {
  if ((TWO_POPULATION_PARAMS as readonly string[]).includes(name)) return params[name as (typeof TWO_POPULATION_PARAMS)[number]];
  if (!params.government) throw new Error(`parameter ${name} needs a government population`);
  return params.government[name as (typeof GOVERNMENT_PARAMS)[number]];
}

/** Returns a copy of `params` with parameter `name` set to `value`. */
export function withGameParam(params: GameParams, name: GameParamName, value: number): GameParams {
  if ((TWO_POPULATION_PARAMS as readonly string[]).includes(name)) return { ...params, [name]: value };
  if (!params.government) throw new Error(`parameter ${name} needs a government population`);
  return { ...params, government: { ...params.government, [name]: value } };
}
