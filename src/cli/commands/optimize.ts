import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { OptimizeAbortedError, OptimizeDirectoryError, optimizeGoal, type OptimizeProgress } from '../../optimize/optimize-goal.ts';
import { readGoalFile } from '../../optimize/read-goal-file.ts';
import { chosenPoint } from '../../optimize/summary-text.ts';
import { paretoSet } from '../../optimize/candidate-figures.ts';
import { formatProblems } from '../../scenario/parse.ts';
import { WorkersUnavailableError } from '../../runner/workers-unavailable-error.ts';
import { intOption } from '../options.ts';
import { parseShard } from '../parse-shard.ts';
import type { Shard } from '../../experiment/plan/experiment-plan.ts';
import { formatDuration } from '../progress-reporter.ts';
import { EXIT } from '../exit-codes.ts';
import { UserError } from '../user-error.ts';

interface OptimizeCliOptions {
  out: string;
  workers?: number;
  resume?: boolean;
  shard?: Shard;
  progress: boolean;
}

/** `coopsim optimize GOAL --out DIR`: NSGA-II over a goal's levers on a pool of worker threads. */
export function registerOptimize(program: Command): void {
  program
    .command('optimize')
    .description(
      'search the levers of a goal file for the mixes that best trade its objectives off under its constraints (NSGA-II, ' +
        'every candidate on the same seeds); writes pareto.csv, evaluations.csv, front.svg, summary.txt and manifest.json',
    )
    .argument('<goal>', 'goal JSON file (see scenarios/goals/)')
    .requiredOption('--out <dir>', 'output folder (new or empty, or the folder to resume)')
    .option('--workers <n>', `worker threads (default: available cores, here ${availableParallelism()})`, intOption('--workers', 1, 1024))
    .option('--resume', 'continue an interrupted search in --out from its last finished generation')
    .option(
      '--shard <i/n>',
      'evaluate every n-th candidate from the i-th on and exchange the rest with the other shards through --out, a folder they share ' +
        '(the tasks of a SLURM job array, all running at once); shard 0 writes the files',
      parseShard,
    )
    .option('--no-progress', 'no progress lines on stderr')
    .action(async (file: string, opts: OptimizeCliOptions) => {
      const r = readGoalFile(file);
      if (!r.ok) throw new UserError(formatProblems(r.problems).split('\n').map((l) => (l.startsWith(`${file}:`) ? l : `${file}: ${l}`)).join('\n'), EXIT.badInput);
      const goal = r.value;
      const workers = opts.workers ?? availableParallelism();
      const controller = new AbortController();
      const onSignal = () => controller.abort(new Error('interrupted'));
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const t0 = performance.now();
      try {
        const state = await optimizeGoal(goal, {
          out: opts.out,
          resume: opts.resume ?? false,
          workers,
          signal: controller.signal,
          goalFile: file,
          shard: opts.shard ?? null,
          onShardWait: opts.progress ? (b) => process.stderr.write(`optimize: ${b} evaluated by shard ${opts.shard?.index}/${opts.shard?.count}; waiting for the other shards\n`) : undefined,
          onGeneration: opts.progress ? (p) => process.stderr.write(`${progressLine(p)}\n`) : undefined,
        });
        if (opts.shard && opts.shard.index > 0) {
          process.stderr.write(`optimize: shard ${opts.shard.index}/${opts.shard.count} done in ${formatDuration(performance.now() - t0)}; shard 0 writes the files in ${opts.out}\n`);
          return;
        }
        const best = chosenPoint(goal, paretoSet(goal, state));
        process.stderr.write(
          `optimize: ${state.evaluations.length} candidates × ${goal.seeds} seeds in ${formatDuration(performance.now() - t0)} on ${workers} worker${workers === 1 ? '' : 's'}` +
            `${best ? (best.feasible ? `; candidate ${best.record.id} meets the goal` : '; no candidate meets every constraint') : ''} → ${opts.out}/summary.txt\n`,
        );
      } catch (err) {
        if (err instanceof OptimizeDirectoryError) throw new UserError(err.message, EXIT.outputProblem);
        if (err instanceof OptimizeAbortedError)
          throw new UserError(
            err.generation < 0 ? 'interrupted before the first generation was finished; start again' : `interrupted after generation ${err.generation}; continue with --resume`,
            EXIT.interrupted,
          );
        if (err instanceof WorkersUnavailableError) throw new UserError(`${err.message}; finished generations are kept, continue with --resume`, EXIT.runsFailed);
        throw err;
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}

/** One progress line: generation, candidates, feasible front size, hypervolume, time. */
export function progressLine(p: OptimizeProgress): string {
  return (
    `optimize: generation ${p.generation}/${p.generations} · ${p.evaluations} candidates · ` +
    `${p.feasibleOnFront} on the front meeting the constraints · hypervolume ${p.hypervolume.toFixed(4)} · ${formatDuration(p.elapsedMs)}`
  );
}
