import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { METRIC_NAMES, type MetricName } from '../../model/metrics.ts';
import { differingLevers, leverWedges, type Wedge } from '../../optimize/lever-wedges.ts';
import { createNodeWorkerPool } from '../../runner/node-pool.ts';
import { drawPosterior, readPosterior } from '../../calibration/read-posterior.ts';
import { loadScenario } from '../load-scenario.ts';
import { intOption } from '../options.ts';
import { EXIT } from '../exit-codes.ts';
import { UserError } from '../user-error.ts';

/** Outputs shown when none are named. */
const DEFAULT_METRICS: MetricName[] = ['deep_partnerships', 'mean_depth', 'firms_cooperating_share', 'one_year_share', 'fiscal_cost'];

interface WedgesCliOptions {
  against: string;
  seeds: number;
  seed: number;
  year?: number;
  metric: string[];
  workers?: number;
  json?: boolean;
  posterior?: string;
}

/** `coopsim wedges PACKAGE [--against BASELINE]`: which lever of a package does the work. */
export function registerWedges(program: Command): void {
  program
    .command('wedges')
    .description(
      "decompose a policy package's effect against a baseline into its levers: the effect of leaving each lever out and of " +
        'adding it alone, and the interaction remainder, as paired differences over common seeds with 90% intervals and cost per unit of effect',
    )
    .argument('<scenario>', 'the package: a scenario JSON file')
    .option('--against <baseline>', 'baseline scenario file', 'scenarios/baseline.json')
    .option('--seeds <n>', 'seeds per scenario (the same for every scenario)', intOption('--seeds', 1, 10000), 8)
    .option('--seed <n>', 'master seed: run i uses deriveSeed(seed, i)', intOption('--seed', 0), 1)
    .option('--year <n>', "year to report (default: the package's last year)", intOption('--year', 0))
    .option('--metric <name>', `output to decompose (repeatable; default ${DEFAULT_METRICS.join(', ')})`, (v: string, acc: string[]) => [...acc, v], [])
    .option('--workers <n>', `worker threads (default: available cores, here ${availableParallelism()})`, intOption('--workers', 1, 1024))
    .option('--json', 'print JSON instead of a table')
    .option(
      '--posterior <file|dir>',
      'include parameter uncertainty: pair i runs every sub-scenario with seed i and parameter set i drawn from this posterior by weight (seeded by --seed), ' +
        'as coopsim compare --wedges --posterior does; e.g. scenarios/calibration/status-quo.posterior.json or a coopsim calibrate output folder',
    )
    .action(async (file: string, opts: WedgesCliOptions) => {
      const pkg = loadScenario(file);
      const baseline = loadScenario(opts.against);
      const unknown = opts.metric.filter((m) => !(METRIC_NAMES as readonly string[]).includes(m));
      if (unknown.length > 0) throw new UserError(`--metric ${unknown.join(', ')}: not an output; expected one of ${METRIC_NAMES.join(', ')}`);
      const metrics = (opts.metric.length > 0 ? opts.metric : DEFAULT_METRICS) as MetricName[];
      const year = opts.year ?? pkg.years - 1;
      if (year >= pkg.years) throw new UserError(`--year ${year}: the package runs years 0–${pkg.years - 1}`);
      if (differingLevers(pkg, baseline).length === 0)
        throw new UserError(`${file} sets the same levers as ${opts.against}; there is nothing to decompose`, EXIT.badInput);
      let posterior: { file: string; particles: number; drawSeed: number } | null = null;
      let draws;
      if (opts.posterior) {
        let p;
        try {
          p = readPosterior(opts.posterior);
        } catch (err) {
          throw new UserError(`--posterior: ${(err as Error).message}`, EXIT.badInput);
        }
        posterior = { file: opts.posterior, particles: p.theta.length, drawSeed: opts.seed };
        draws = drawPosterior(p, opts.seeds, opts.seed);
      }
      const runner = createNodeWorkerPool({ workers: opts.workers ?? availableParallelism() });
      try {
        const r = await leverWedges(pkg, baseline, { runner, seeds: opts.seeds, seed: opts.seed, metrics, years: [year], draws });
        process.stdout.write(
          opts.json
            ? `${JSON.stringify({ package: file, baseline: opts.against, parameterUncertainty: posterior, ...r }, jsonNumber, 2)}\n`
            : `${posterior ? `Intervals include parameter uncertainty: pair i runs every sub-scenario with seed i and parameter set i from ${posterior.file}.\n\n` : ''}${wedgeTable(r.wedges, r.levers)}`,
        );
      } finally {
        await runner.close();
      }
    });
}

const jsonNumber = (_k: string, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v);

const fmt = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : '–');

/** The wedges as a readable table, one block per output and year. */
export function wedgeTable(wedges: readonly Wedge[], levers: readonly string[]): string {
  const width = Math.max(20, ...levers.map((l) => l.length + 12));
  const lines: string[] = [];
  for (const key of [...new Set(wedges.map((w) => `${w.metric} ${w.year}`))]) {
    const rows = wedges.filter((w) => `${w.metric} ${w.year}` === key);
    lines.push(`${rows[0].metric}, year ${rows[0].year}: effect (median over seeds) [90% interval]   cost per unit`);
    for (const w of rows) {
      const label = w.kind === 'total' ? 'whole package' : w.kind === 'remainder' ? 'interaction remainder' : `${w.kind === 'leave_out' ? 'without' : 'only'} ${w.lever}`;
      lines.push(`  ${label.padEnd(width)} ${fmt(w.effect.difference).padStart(9)} [${fmt(w.effect.lo)}, ${fmt(w.effect.hi)}]`.padEnd(width + 36) + fmt(w.costPerUnit));
    }
    lines.push('');
  }
  lines.push('"without L": the package minus the package without lever L (what L adds given the others); "only L": the baseline with L alone minus the baseline.');
  return `${lines.join('\n')}\n`;
}
