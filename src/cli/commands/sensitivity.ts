import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { analyzeSensitivity } from '../../experiment/sensitivity/analyze-sensitivity.ts';
import { formatSensitivityTable, sensitivityToCsv } from '../../experiment/sensitivity/format-sensitivity.ts';
import { readRunsCsv } from '../../experiment/sensitivity/read-runs-csv.ts';
import { lockFolder } from '../../experiment/sweep/folder-lock.ts';
import { ioErrorMessage } from '../../experiment/sweep/io-error-message.ts';
import { SWEEP_FILES } from '../../experiment/sweep/sweep-rows.ts';
import { EXIT } from '../exit-codes.ts';
import { loadExperiment } from '../load-experiment.ts';
import { intOption } from '../options.ts';
import { UserError } from '../user-error.ts';
import { sweepCommand, type SweepCliOptions } from './sweep.ts';

interface SensitivityCliOptions extends SweepCliOptions {
  bootstrap: number;
  confidence: number;
  output?: string[];
}

/** `coopsim sensitivity EXP --out DIR`: Morris or Sobol indices of an experiment's summary outputs. */
export function registerSensitivity(program: Command): void {
  program
    .command('sensitivity')
    .description(
      'run an experiment with a morris or sobol design (as sweep does, resumable) and compute Morris measures (μ, μ*, σ) ' +
        'or Sobol indices (first order and total, bootstrap intervals) of its summary outputs; writes sensitivity.csv and prints tables',
    )
    .argument('<experiment>', 'experiment JSON file with design morris or sobol and outputs.summary')
    .requiredOption('--out <dir>', 'output folder of the runs and sensitivity.csv (add --resume to reuse finished runs)')
    .option('--workers <n>', `worker threads (default: available cores, here ${availableParallelism()})`, intOption('--workers', 1, 1024))
    .option('--resume', 'continue or reuse the sweep in --out')
    .option('--bootstrap <n>', 'bootstrap resamples for the intervals', intOption('--bootstrap', 0, 1_000_000), 1000)
    .option('--confidence <level>', 'confidence level of the intervals', parseConfidence, 0.95)
    .option('--output <column>', 'summary column to analyse, e.g. mean_depth_last (repeatable; default: all); written to sensitivity-COLUMN.csv, leaving sensitivity.csv as it is', collect)
    .option('--no-progress', 'no progress display on stderr')
    .option('--allow-large', 'run worlds of more than 20,000,000 firm-years (firms × years) a run without asking')
    .action(async (file: string, opts: SensitivityCliOptions) => {
      const experiment = loadExperiment(file);
      if (experiment.design.type !== 'morris' && experiment.design.type !== 'sobol')
        throw new UserError(`${file}: design.type is ${experiment.design.type}; sensitivity needs "morris" or "sobol"`, EXIT.badInput);
      if (!experiment.outputs.summary) throw new UserError(`${file}: no outputs.summary; name the metrics and years to analyse`, EXIT.badInput);
      const manifest = await sweepCommand(file, { ...opts, shard: undefined }, 'sensitivity');
      const runs = readRunsCsv(readFileSync(join(opts.out, SWEEP_FILES.runs), 'utf8'));
      let report;
      try {
        report = analyzeSensitivity(experiment, runs, { bootstrap: opts.bootstrap, confidence: opts.confidence, outputs: opts.output });
      } catch (err) {
        throw new UserError((err as Error).message, EXIT.badInput);
      }
      // sensitivity.csv holds every output; a run for some outputs writes its own file beside it.
      const csvName = opts.output ? `sensitivity-${[...new Set(opts.output)].join('+')}.csv` : 'sensitivity.csv';
      writeLocked(opts.out, csvName, sensitivityToCsv(report));
      process.stdout.write(formatSensitivityTable(report));
      if (manifest.runs.failed > 0)
        process.stderr.write(`sensitivity: ${manifest.runs.failed} runs failed and were left out (see ${opts.out}/failures.csv)\n`);
    });
}

/** Writes a file into the output folder under its lock, so no other process writes it meanwhile. */
function writeLocked(dir: string, name: string, text: string): void {
  let lock;
  try {
    lock = lockFolder(dir, 'sensitivity');
  } catch (err) {
    throw new UserError((err as Error).message, EXIT.outputProblem);
  }
  const path = join(dir, name);
  try {
    writeFileSync(path, text);
  } catch (err) {
    throw new UserError(ioErrorMessage(err, 'write', path) + '; fix it, then run again with --resume', EXIT.outputProblem);
  } finally {
    lock.release();
  }
}

function parseConfidence(text: string): number {
  const v = Number(text);
  if (!(v > 0 && v < 1)) throw new InvalidArgumentError(`--confidence ${JSON.stringify(text)}: expected a number between 0 and 1, e.g. 0.95`);
  return v;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
