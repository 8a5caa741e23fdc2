import type { GameFile } from './game-schema.ts';
import type { ScenarioGame } from './game-from-scenario.ts';

/** Time span of a derived game's reported trajectory (the game files' default). */
const TMAX = 10;

/**
 * The game file of a derived game, ready for `analyseGame`. Derived terms can lie outside
 * a hand-written game file's ranges (a law that raises firms' pay cost gives ge below 0),
 * so the file is built directly, not through the schema.
 */
export function gameFileOfScenarioGame(g: ScenarioGame): GameFile {
  const p = g.params;
  const file: GameFile = {
    name: `${g.scenario} (derived, year ${g.year})`,
    description: `the game derived from the scenario's payoff items (seed ${g.seed}, ${g.heterogeneity.pairs} firm–college pairs)`,
    V: p.V,
    alpha: p.alpha,
    Cs: p.Cs,
    Ce: p.Ce,
    gs: p.gs,
    ge: p.ge,
    q: p.q,
    x0: g.start.x0,
    y0: g.start.y0,
    tmax: TMAX,
  };
  if (p.government) file.government = { z0: g.start.z0 ?? 0.5, ...p.government };
  return file;
}
