import { Option, type Command } from 'commander';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvToParquet } from '../../experiment/sweep/csv-to-parquet.ts';
import { SWEEP_FILES } from '../../experiment/sweep/sweep-rows.ts';
import { availableParallelism } from 'node:os';
import { SweepDirectoryError } from '../../experiment/sweep/sweep-directory.ts';
import type { SweepManifest } from '../../experiment/sweep/sweep-manifest.ts';
import { ExperimentAbortedError, runExperiment } from '../../experiment/run/run-experiment.ts';
import { WorkersUnavailableError } from '../../runner/workers-unavailable-error.ts';
import type { Shard } from '../../experiment/plan/experiment-plan.ts';
import { largestRunMessage } from '../../experiment/plan/largest-run.ts';
import { loadExperiment } from '../load-experiment.ts';
import { intOption } from '../options.ts';
import { parseShard } from '../parse-shard.ts';
import { createProgressReporter, formatDuration } from '../progress-reporter.ts';
import { EXIT } from '../exit-codes.ts';
import { UserError } from '../user-error.ts';

/** Options shared by `sweep` and `sensitivity`. */
export interface SweepCliOptions {
  out: string;
  workers?: number;
  resume?: boolean;
  shard?: Shard;
  progress: boolean;
  /** Run worlds of more than 20,000,000 firm-years without asking. */
  allowLarge?: boolean;
}

/** `coopsim sweep EXP --out DIR`: every run of an experiment on all cores, streamed to CSV files. */
export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description(
      'run every run of an experiment (design points × seeds) on a pool of worker threads; writes runs.csv, years.csv, ' +
        'failures.csv and manifest.json to the output folder as runs finish',
    )
    .argument('<experiment>', 'experiment JSON file (see scenarios/experiments/)')
    .requiredOption('--out <dir>', 'output folder (new or empty, or the folder to resume)')
    .option('--workers <n>', `worker threads (default: available cores, here ${availableParallelism()})`, intOption('--workers', 1, 1024))
    .option('--resume', 'continue an interrupted sweep in --out: run only the missing runs')
    .option('--shard <i/n>', 'run only runs with run_id % n == i (for SLURM job arrays; merge the folders with coopsim merge)', parseShard)
    .option('--no-progress', 'no progress display on stderr')
    .addOption(
      new Option('--format <format>', 'csv, or parquet: also write runs.parquet and years.parquet with typed columns when the sweep ends (the CSV files stay; resume and merge read them)')
        .choices(['csv', 'parquet'])
        .default('csv'),
    )
    .option('--allow-large', 'run worlds of more than 20,000,000 firm-years (firms × years) a run without asking')
    .action(async (file: string, opts: SweepCliOptions & { format: 'csv' | 'parquet' }) => {
      const manifest = await sweepCommand(file, opts, 'sweep');
      if (opts.format === 'parquet') writeParquetTables(opts.out);
      reportOutcome(manifest, opts.out);
    });
}

/** Runs the sweep of the CLI (shared with `sensitivity`); maps directory and abort errors to user errors. */
export async function sweepCommand(file: string, opts: SweepCliOptions, label: string): Promise<SweepManifest> {
  if (opts.out === '-') throw new UserError(`--out -: ${label} writes a folder of files, not to stdout; give a folder`, EXIT.badInput);
  const experiment = loadExperiment(file);
  const large = opts.allowLarge ? null : largestRunMessage(experiment);
  if (large) throw new UserError(`${file}: its largest run: ${large}`, EXIT.badInput);
  const workers = opts.workers ?? availableParallelism();
  const reporter = opts.progress ? createProgressReporter(label) : null;
  const controller = new AbortController();
  const onSignal = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const t0 = performance.now();
  try {
    const result = await runExperiment(experiment, {
      out: opts.out,
      resume: opts.resume ?? false,
      shard: opts.shard ?? null,
      workers,
      signal: controller.signal,
      onProgress: reporter ? (p) => reporter.update(p) : undefined,
      experimentFile: file,
      command: label,
      onNote: (note) => process.stderr.write(`${label}: ${note}\n`),
    });
    reporter?.stop();
    const m = result.manifest;
    const session = m.sessions[m.sessions.length - 1];
    process.stderr.write(
      `${label}: ${session.ran} runs in ${formatDuration(performance.now() - t0)} on ${workers} worker${workers === 1 ? '' : 's'}` +
        `${m.runs.planned - session.ran > 0 ? ` (${m.runs.planned - session.ran} done before)` : ''} → ${opts.out}\n`,
    );
    return m;
  } catch (err) {
    reporter?.stop();
    if (err instanceof SweepDirectoryError) throw new UserError(err.message, EXIT.outputProblem);
    if (err instanceof ExperimentAbortedError)
      throw new UserError(`interrupted after ${err.manifest.runs.done} of ${err.manifest.runs.planned} runs; continue with --resume`, EXIT.interrupted);
    if (err instanceof WorkersUnavailableError) throw new UserError(`${err.message}; the runs done so far are kept, continue with --resume`, EXIT.runsFailed);
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Exits non-zero with a one-line summary when runs failed. */
export function reportOutcome(m: SweepManifest, dir: string): void {
  if (m.runs.failed === 0) return;
  const first = m.failures[0];
  throw new UserError(
    `${m.runs.failed} of ${m.runs.planned} runs failed (see ${dir}/failures.csv)` +
      (first ? `; first: run ${first.run_id} (seed ${first.seed}): ${first.error}` : ''),
    EXIT.runsFailed,
  );
}

/** runs.parquet and years.parquet beside the CSV files of a finished sweep. */
function writeParquetTables(dir: string): void {
  for (const csvName of [SWEEP_FILES.runs, SWEEP_FILES.years]) {
    const csvPath = join(dir, csvName);
    if (!existsSync(csvPath)) continue;
    const target = join(dir, csvName.replace(/\.csv$/, '.parquet'));
    try {
      writeFileSync(target, csvToParquet(readFileSync(csvPath, 'utf8')));
    } catch (err) {
      throw new UserError(`${target}: cannot write (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, EXIT.outputProblem);
    }
  }
}
