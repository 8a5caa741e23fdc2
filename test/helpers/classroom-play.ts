import { readFileSync } from 'node:fs';
import { GAME_BUDGET_M, GAME_SEEDS, GAME_YEARS, gameInput, roundResult, spent, type RoundResult, type YearLevers } from '../../src/app/classroom/policy-round.ts';
import { ensembleSeeds } from '../../src/app/state/comparison.ts';
import type { ScenarioInput } from '../../src/model/params/schema.ts';
import { executeRun } from '../../src/runner/execute-run.ts';
import type { RunOutput } from '../../src/runner/run-request.ts';

const { $schema: _editorOnly, ...statusQuoScenario } = JSON.parse(readFileSync('scenarios/baseline.json', 'utf8')) as ScenarioInput & { $schema?: string };
/** The status quo scenario the game starts from (scenarios/baseline.json). */
export const base: ScenarioInput = statusQuoScenario;
/** Firms of the default world (scenario.schema.json: world.firms). */
export const FIRMS = 3000;
/** The status quo's lever values, as the game's panel starts. */
export const statusQuo: YearLevers = { taxRelief: 0, law: 0, groups: 0.1, subsidyPerInternMonth: 0, schoolFunding: 0, dataPlatform: 0, greenChannel: 0 };

const every = (levers: YearLevers, years = GAME_YEARS): YearLevers[] => Array.from({ length: years }, () => ({ ...statusQuo, ...levers }));
const full: YearLevers = { law: 1, taxRelief: 0.3, greenChannel: 1, groups: 0.8, subsidyPerInternMonth: 0.4, schoolFunding: 1, dataPlatform: 1 };

/**
 * Policy mixes a class might plausibly play, each a plan of ten years' levers: every lever
 * alone at its named levels, the seed paper's pairs and the full package (with and without
 * school funding), a generous everything, and plans that change in mid-game.
 */
export const MIXES: Record<string, YearLevers[]> = {
  statusQuo: every({}),
  tax30: every({ taxRelief: 0.3 }),
  tax60: every({ taxRelief: 0.6 }),
  law05: every({ law: 0.5 }),
  law1: every({ law: 1 }),
  green1: every({ greenChannel: 1 }),
  groups05: every({ groups: 0.5 }),
  groups08: every({ groups: 0.8 }),
  sub04: every({ subsidyPerInternMonth: 0.4 }),
  sub15: every({ subsidyPerInternMonth: 1.5 }),
  fund1: every({ schoolFunding: 1 }),
  fund3: every({ schoolFunding: 3 }),
  data1: every({ dataPlatform: 1 }),
  lawTax: every({ law: 1, taxRelief: 0.3 }),
  lawTaxGreen: every({ law: 1, taxRelief: 0.3, greenChannel: 1 }),
  full: every(full),
  fullNoFunding: every({ ...full, schoolFunding: 0 }),
  generousAll: every({ ...full, taxRelief: 0.6, subsidyPerInternMonth: 1.5, schoolFunding: 3 }),
  subsidyThenLaw: [...every({ subsidyPerInternMonth: 0.4 }, 5), ...every({ law: 1 }, 5)],
  lawLate: [...every({}, 5), ...every({ law: 1 }, 5)],
  groupsData: every({ groups: 0.8, dataPlatform: 1 }),
  subsidyLawData: every({ subsidyPerInternMonth: 1.5, law: 1, dataPlatform: 1 }),
};

/**
 * Plays a plan through the game's rules on the game's seeds: a year whose levers are set
 * when the budget is already spent runs with status-quo levers. Instead of one run per
 * round (what the page does) it runs all ten years and corrects from the first year that broke
 * the rule, which gives the same rounds: a year's numbers depend only on the years before it.
 */
export function playPlan(plan: readonly YearLevers[], seed = 1): { rounds: RoundResult[]; runs: RunOutput[]; baseline: RunOutput[] } {
  const seeds = ensembleSeeds(seed, GAME_SEEDS);
  const baseline = seeds.map((s) => executeRun({ scenario: { ...base, years: GAME_YEARS } as ScenarioInput, seed: s }));
  let decided = plan.map((l) => ({ ...l }));
  for (;;) {
    const runs = seeds.map((s) => executeRun({ scenario: gameInput(base, decided, statusQuo), seed: s }));
    const rounds = decided.map((l, y) => roundResult(y, l, runs, baseline, FIRMS));
    const should = (y: number) => (GAME_BUDGET_M - spent(rounds.slice(0, y)) > 0 ? plan[y] : statusQuo);
    const wrong = decided.findIndex((l, y) => JSON.stringify(l) !== JSON.stringify({ ...should(y) }));
    if (wrong < 0) return { rounds, runs, baseline };
    // Once the budget is gone it usually stays gone: guess so for the later years too (the next pass checks).
    const cut = should(wrong) === statusQuo;
    decided = decided.map((l, y) => (y < wrong ? l : y === wrong || cut ? { ...should(wrong) } : { ...plan[y] }));
  }
}
