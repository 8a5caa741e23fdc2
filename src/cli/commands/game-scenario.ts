import type { GameReport } from '../../analysis/game/analyse-game.ts';
import type { ScenarioGame } from '../../analysis/game/game-from-scenario.ts';
import type { LeverThreshold } from '../../analysis/game/lever-thresholds.ts';
import { show } from '../../model/params/fields.ts';
import { loadScenario } from '../load-scenario.ts';
import { UserError } from '../user-error.ts';

/** The options of `coopsim game --scenario FILE`. */
export interface ScenarioGameOptions {
  scenario: string;
  year?: string;
  government?: boolean;
  threshold?: string;
  from?: string;
  to?: string;
  json?: boolean;
}

const g4 = (v: number) => String(Number(v.toPrecision(4)));

function bound(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) throw new UserError(`${flag}: ${show(text)} is not a number`);
  return v;
}

/**
 * `coopsim game --scenario FILE`: derives the game from the scenario's payoff items, prints
 * the terms with the items they came from, then the usual analysis of the derived game
 * (formatted by `formatReport`, the command's own report, passed in so the two files do not import each other).
 */
export async function runScenarioGame(file: string | undefined, opts: ScenarioGameOptions, formatReport: (r: GameReport) => string): Promise<string> {
  if (file !== undefined) throw new UserError(`give either a game file (${show(file)}) or --scenario FILE, not both`);
  const scenario = loadScenario(opts.scenario);
  const year = opts.year === undefined ? 0 : Number(opts.year);
  if (!Number.isInteger(year) || year < 0 || year >= scenario.years)
    throw new UserError(`--year: ${show(opts.year)} is not a year of ${opts.scenario}; expected an integer in 0–${scenario.years - 1}`);
  const { THRESHOLD_LEVERS, leverThreshold } = await import('../../analysis/game/lever-thresholds.ts');
  if (opts.threshold !== undefined && !(THRESHOLD_LEVERS as readonly string[]).includes(opts.threshold))
    throw new UserError(`--threshold: ${show(opts.threshold)} is not a lever the scenario's game has a threshold for; allowed with --scenario: ${THRESHOLD_LEVERS.join(', ')}`);
  if (opts.threshold === undefined && (opts.from !== undefined || opts.to !== undefined)) throw new UserError('--from and --to need --threshold LEVER');
  const government = opts.government === true;
  const { gameFromScenario } = await import('../../analysis/game/game-from-scenario.ts');
  const { gameFileOfScenarioGame } = await import('../../analysis/game/scenario-game-file.ts');
  const { analyseGame } = await import('../../analysis/game/analyse-game.ts');
  const derived = gameFromScenario(scenario, { year, government });
  const report = analyseGame(gameFileOfScenarioGame(derived));
  let threshold: LeverThreshold | undefined;
  if (opts.threshold !== undefined) {
    const lever = opts.threshold as (typeof THRESHOLD_LEVERS)[number];
    const from = bound('--from', opts.from);
    const to = bound('--to', opts.to);
    if (from !== undefined && to !== undefined && !(to > from)) throw new UserError(`--to: ${to} must be larger than --from ${from}`);
    threshold = leverThreshold(scenario, lever, { year, government, from, to });
  }
  if (opts.json) {
    const t = threshold && { lever: threshold.lever, from: threshold.from, to: threshold.to, threshold: threshold.threshold, supportNeeded: threshold.supportNeeded, supportAt: threshold.supportAt };
    return `${JSON.stringify({ derived, report, ...(t ? { threshold: t } : {}) })}\n`;
  }
  return formatDerived(derived, threshold) + formatReport(report);
}

/** The readable list of derived terms (and the lever's threshold). */
export function formatDerived(d: ScenarioGame, t?: LeverThreshold): string {
  const lines = [`Game derived from scenario "${d.scenario}" (seed ${d.seed}, year ${d.year}, ${d.heterogeneity.pairs} firm–college pairs; k¥ a year)`];
  for (const [name, term] of Object.entries(d.terms)) {
    lines.push(`  ${name.padEnd(9)} = ${g4(term.value).padStart(10)}   ${term.formula}`);
    if (term.from.length > 0) lines.push(`              from ${term.from.join(', ')}`);
    if (term.note) lines.push(`              (${term.note})`);
  }
  const h = d.heterogeneity;
  lines.push(
    `  Start x0 = y0 = ${g4(d.start.x0)} (share of partnerships at depth 3 or more, at least 0.01)`,
    `  Pairs in which going deep pays: firms ${(100 * h.firmDeepPays).toFixed(1)}%, colleges ${(100 * h.schoolDeepPays).toFixed(1)}% (the mean hides this spread)`,
  );
  if (t) {
    lines.push(
      t.threshold === null
        ? `  Tipping threshold of ${t.lever} in [${t.from}, ${t.to}]: none (support ${g4(t.supportAt[0])}–${g4(t.supportAt[1])}${t.supportNeeded === null ? '' : `, needs ${g4(t.supportNeeded)}`})`
        : `  Tipping threshold of ${t.lever} in [${t.from}, ${t.to}]: ${g4(t.threshold)} (support needed ${g4(t.supportNeeded ?? Number.NaN)})`,
    );
  }
  return `${lines.join('\n')}\n\n`;
}
