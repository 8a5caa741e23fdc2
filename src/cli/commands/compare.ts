import { InvalidArgumentError, Option, type Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import {
  compareScenarios,
  COMPARISON_METRICS,
  DEFAULT_COMPARISON_METRICS,
  type ComparisonMetric,
  type ScenarioComparison,
} from '../../analysis/compare-scenarios.ts';
import type { PairedEffect } from '../../analysis/paired-effect.ts';
import { parseScenario } from '../../scenario/parse.ts';
import { drawPosterior, readPosterior, type PosteriorDraw } from '../../calibration/read-posterior.ts';
import type { Scenario } from '../../model/params/schema.ts';
import { VERSION } from '../../version.ts';
import { EXIT } from '../exit-codes.ts';
import { loadScenario } from '../load-scenario.ts';
import { intOption } from '../options.ts';
import { UserError } from '../user-error.ts';
import { writeOutput } from '../write-output.ts';
import { compareWedges, wedgesCsv, wedgesJson } from './compare-wedges.ts';
import { wedgeTable } from './wedges.ts';

interface CompareCliOptions {
  against?: string;
  seeds: number;
  seed?: number;
  years: (number | 'last')[];
  metrics: ComparisonMetric[];
  json?: boolean;
  csv?: boolean;
  out?: string;
  wedges?: boolean;
  workers?: number;
  posterior?: string;
}

/** The parameter uncertainty a comparison includes: the posterior and the sets drawn from it. */
interface PosteriorUse {
  file: string;
  particles: number;
  drawSeed: number;
  draws: PosteriorDraw[];
}

/** `coopsim compare SCENARIO [--against BASELINE]`: the app's summary card from the command line. */
export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description(
      'run a scenario and a baseline over the same seeds and report, per metric and year, both medians and the paired effect ' +
        'with its 90% interval, the cumulative fiscal cost and the cost per extra deep partnership (the app\'s summary card)',
    )
    .argument('<scenario>', 'scenario JSON file')
    .option('--against <baseline>', 'baseline scenario file (default: the status quo with the scenario\'s world and years, as in the app)')
    .option('--seeds <n>', 'seed pairs', intOption('--seeds', 1, 100_000), 32)
    .option('--seed <s>', 'master seed; pair i runs with deriveSeed(s, i) (default: the scenario\'s seed)', intOption('--seed', 0, 4294967295))
    .option('--years <list>', 'years to report, comma-separated year numbers from 0 or "last", e.g. 5,10,last', parseYears, ['last'])
    .option('--metrics <list>', `comma-separated metrics (default: ${DEFAULT_COMPARISON_METRICS.join(',')})`, parseMetrics, [...DEFAULT_COMPARISON_METRICS])
    .addOption(new Option('--json', 'JSON with every number and the seeds').conflicts('csv'))
    .addOption(new Option('--csv', 'CSV, one row per metric and year').conflicts('json'))
    .option('--out <file>', 'write to this file instead of stdout (- for stdout)')
    .option(
      '--wedges',
      "also decompose the effect into the scenario's levers (policy fields that differ from the baseline): each lever left out and added alone, " +
        'and the interaction remainder, per metric and year with 90% intervals and cost per unit of effect (with --csv: only these rows)',
    )
    .option('--workers <n>', 'worker threads for --wedges (default: available cores)', intOption('--workers', 1, 1024))
    .option(
      '--posterior <file|dir>',
      'include parameter uncertainty: pair i runs both scenarios (with --wedges: every sub-scenario) with parameter set i drawn from this posterior by weight (seeded by the master seed), ' +
        'e.g. scenarios/calibration/status-quo.posterior.json or a coopsim calibrate output folder',
    )
    .action(async (file: string, opts: CompareCliOptions) => {
      const scenario = loadScenario(file);
      const baseline = opts.against ? loadScenario(opts.against) : statusQuo(scenario);
      let posterior: PosteriorUse | null = null;
      if (opts.posterior) {
        let p;
        try {
          p = readPosterior(opts.posterior);
        } catch (err) {
          throw new UserError(`--posterior: ${(err as Error).message}`, EXIT.badInput);
        }
        const drawSeed = opts.seed ?? scenario.seed;
        posterior = { file: opts.posterior, particles: p.theta.length, drawSeed, draws: drawPosterior(p, opts.seeds, drawSeed) };
      }
      let result: ScenarioComparison;
      try {
        result = compareScenarios(scenario, baseline, { seeds: opts.seeds, seed: opts.seed, years: opts.years, metrics: opts.metrics, draws: posterior?.draws });
      } catch (err) {
        if (err instanceof RangeError) throw new UserError(err.message, EXIT.badInput);
        throw err;
      }
      const against = opts.against ?? 'the status quo (same world and years)';
      if (opts.wedges) {
        const w = await compareWedges({
          scenario, baseline, file, against, seeds: opts.seeds, seed: result.seed, years: opts.years, metrics: opts.metrics, workers: opts.workers, draws: posterior?.draws,
        });
        const text = opts.json
          ? `${JSON.stringify({ ...JSON.parse(comparisonJson(result, file, against, posterior)), ...wedgesJson(w) }, null, 2)}\n`
          : opts.csv
            ? wedgesCsv(w, posterior !== null)
            : `${comparisonTable(result, file, against, posterior)}\n${wedgeHeading(posterior)}\n${wedgeTable(w.wedges, w.levers)}`;
        writeOutput(opts.out, text);
        return;
      }
      const text = opts.json ? comparisonJson(result, file, against, posterior) : opts.csv ? comparisonCsv(result) : comparisonTable(result, file, against, posterior);
      writeOutput(opts.out, text);
    });
}

/** The app's default baseline: every default (scenarios/baseline.json) with the scenario's world size and years. */
function statusQuo(scenario: Scenario): Scenario {
  const r = parseScenario({ world: scenario.world, years: scenario.years });
  if (!r.ok) throw new Error('the status quo with this world is not a valid scenario');
  return r.value;
}

function parseYears(text: string): (number | 'last')[] {
  return text.split(',').map((part) => {
    const p = part.trim();
    if (p === 'last') return 'last';
    if (!/^\d+$/.test(p)) throw new InvalidArgumentError(`--years ${JSON.stringify(text)}: ${JSON.stringify(p)} is not a year; expected year numbers from 0 or "last", e.g. 5,10,last`);
    return Number(p);
  });
}

function parseMetrics(text: string): ComparisonMetric[] {
  return text.split(',').map((part) => {
    const m = part.trim() as ComparisonMetric;
    if (!COMPARISON_METRICS.includes(m))
      throw new InvalidArgumentError(`--metrics: ${JSON.stringify(m)} is not a metric; allowed: ${COMPARISON_METRICS.join(', ')}`);
    return m;
  });
}

/** The heading of the lever contributions: which variation their intervals show. */
function wedgeHeading(posterior: PosteriorUse | null): string {
  return posterior
    ? `Lever contributions (pair i runs every sub-scenario with seed i and parameter set i; intervals include parameter uncertainty from ${posterior.file}):`
    : 'Lever contributions (same seeds; intervals show seed variation only):';
}

const num = (v: number) => (Number.isFinite(v) ? v : null);

function effectJson(e: PairedEffect) {
  return { n: e.n, baseline: num(e.baseline), scenario: num(e.current), effect: num(e.difference), meanEffect: num(e.meanDifference), lo: num(e.lo), hi: num(e.hi) };
}

function comparisonJson(r: ScenarioComparison, file: string, against: string, posterior: PosteriorUse | null): string {
  const doc = {
    coopsim: VERSION,
    scenario: file,
    baseline: against,
    seed: r.seed,
    seeds: r.seeds,
    parameterUncertainty: posterior,
    level: r.level,
    years: r.years,
    effects: r.effects.map((e) => ({ metric: e.metric, year: e.year, ...effectJson(e.effect) })),
    costs: r.costs.map((c) => ({
      year: c.year,
      fiscalCumulative: effectJson(c.fiscalCumulative),
      extraDeep: effectJson(c.extraDeep),
      costPerExtraDeep: num(c.costPerExtraDeep),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Tidy CSV: one row per metric and year, then the cumulative fiscal cost and the deep partnerships of each year. */
function comparisonCsv(r: ScenarioComparison): string {
  const cost = new Map(r.costs.map((c) => [c.year, c]));
  const row = (metric: string, year: number, e: PairedEffect) => [
    metric, year, e.n, e.baseline, e.current, e.difference, e.meanDifference, e.lo, e.hi, cost.get(year)?.costPerExtraDeep ?? NaN,
  ].map((v) => (typeof v === 'number' && !Number.isFinite(v) ? '' : v));
  const rows = [
    ...r.effects.map((e) => row(e.metric, e.year, e.effect)),
    ...r.costs.flatMap((c) => [row('fiscal_cost_cumulative', c.year, c.fiscalCumulative), row('deep_partnerships', c.year, c.extraDeep)]),
  ];
  const header = ['metric', 'year', 'n', 'baseline', 'scenario', 'effect', 'effect_mean', 'effect_lo', 'effect_hi', 'cost_per_extra_deep'];
  return stringify([header, ...rows]);
}

const fmt = (v: number, sign = false) => {
  if (!Number.isFinite(v)) return '–';
  const s = Math.abs(v) >= 1000 ? v.toFixed(0) : Number(v.toPrecision(3)).toString();
  return sign && v > 0 ? `+${s}` : s;
};

function comparisonTable(r: ScenarioComparison, file: string, against: string, posterior: PosteriorUse | null): string {
  const pct = Math.round(r.level * 100);
  const lines = [`${file} against ${against}: ${r.seeds.length} seed pairs (deriveSeed(${r.seed}, i)); effect = median of paired differences`];
  if (posterior)
    lines.push(
      `intervals include parameter uncertainty: pair i runs with parameter set i drawn from ${posterior.file} ` +
        `(${posterior.particles} particles, by weight, draw seed ${posterior.drawSeed}; a field a scenario sets itself keeps its value)`,
    );
  else lines.push('intervals show seed variation only (parameters at their defaults; add --posterior FILE to include parameter uncertainty)');
  lines.push('');
  const header = ['metric', 'year', 'baseline', 'scenario', 'effect', `${pct}% interval`];
  const body = r.effects.map((e) => [e.metric, String(e.year), fmt(e.effect.baseline), fmt(e.effect.current), fmt(e.effect.difference, true), `${fmt(e.effect.lo, true)} … ${fmt(e.effect.hi, true)}`]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  for (const cells of [header, ...body]) lines.push(cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
  for (const c of r.costs) {
    const f = c.fiscalCumulative;
    const d = c.extraDeep;
    lines.push(
      '',
      `year ${c.year}: fiscal cost over years 0–${c.year} ${fmt(f.baseline)} → ${fmt(f.current)} M¥ (extra ${fmt(f.difference, true)}, ${pct}% ${fmt(f.lo, true)} … ${fmt(f.hi, true)})`,
      `  deep partnerships ${fmt(d.baseline)} → ${fmt(d.current)} (extra ${fmt(d.difference, true)}, ${pct}% ${fmt(d.lo, true)} … ${fmt(d.hi, true)}); ` +
        `cost per extra deep partnership ${Number.isFinite(c.costPerExtraDeep) ? `${fmt(c.costPerExtraDeep)} M¥` : '– (no extra deep partnerships)'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
