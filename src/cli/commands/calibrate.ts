import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { CalibrationAbortedError, type AbcProgress } from '../../calibration/abc-types.ts';
import { calibrate, calibrateShard } from '../../calibration/calibrate.ts';
import { CalibrationDirectoryError } from '../../calibration/calibration-directory.ts';
import { readCalibrationFile } from '../../calibration/parse-calibration.ts';
import { formatProblems } from '../../scenario/parse.ts';
import { WorkersUnavailableError } from '../../runner/workers-unavailable-error.ts';
import { intOption } from '../options.ts';
import { parseShard } from '../parse-shard.ts';
import type { Shard } from '../../experiment/plan/experiment-plan.ts';
import { formatDuration } from '../progress-reporter.ts';
import { EXIT } from '../exit-codes.ts';
import { UserError } from '../user-error.ts';

interface CalibrateCliOptions {
  out: string;
  workers?: number;
  resume?: boolean;
  shard?: Shard;
  step?: boolean;
  progress: boolean;
}

/** Plain progress lines at most this often when stderr is not a terminal. */
const PLAIN_INTERVAL_MS = 5000;

/** `coopsim calibrate FILE --out DIR`: ABC-SMC estimation of a scenario's uncertain parameters. */
export function registerCalibrate(program: Command): void {
  program
    .command('calibrate')
    .description(
      'estimate uncertain scenario parameters from observed targets by ABC-SMC on a pool of worker threads; writes posterior.csv, ' +
        'generations.csv, calibrated.json, summary.md and manifest.json to the output folder',
    )
    .argument('<calibration>', 'calibration JSON file (see scenarios/calibration/)')
    .requiredOption('--out <dir>', 'output folder (new or empty, or the folder to resume)')
    .option('--workers <n>', `worker threads (default: available cores, here ${availableParallelism()})`, intOption('--workers', 1, 1024))
    .option('--resume', 'continue an interrupted calibration in --out: finished generations are kept, the one in progress is redone')
    .option('--shard <i/n>', "simulate only candidates i, i+n, … of the next generation into --out/shards (a SLURM job array's task); then merge with --resume --step", parseShard)
    .option('--step', 'finish one generation and stop (the merge step after a generation\'s shards); continue with --resume')
    .option('--no-progress', 'no progress display on stderr')
    .action(async (file: string, opts: CalibrateCliOptions) => {
      const checked = readCalibrationFile(file);
      if (!checked.ok) throw new UserError(formatProblems(checked.problems).split('\n').map((l) => `${file}: ${l}`).join('\n'), EXIT.badInput);
      const workers = opts.workers ?? availableParallelism();
      const show = opts.progress ? progressLine(process.stderr) : null;
      const controller = new AbortController();
      const onSignal = () => controller.abort(new Error('interrupted'));
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const t0 = performance.now();
      try {
        if (opts.shard) {
          const o = await calibrateShard(file, { out: opts.out, shard: opts.shard, workers, signal: controller.signal });
          process.stderr.write(
            o
              ? `calibrate: shard ${opts.shard.index}/${opts.shard.count} of generation ${o.generation}: ${o.simulated} candidates in ${formatDuration(performance.now() - t0)} → ${o.file}\n` +
                  `  when every shard is done: coopsim calibrate ${file} --out ${opts.out} --resume --step\n`
              : `calibrate: the calibration in ${opts.out} has stopped; nothing to do\n`,
          );
          return;
        }
        const r = await calibrate(file, { out: opts.out, resume: opts.resume ?? false, step: opts.step ?? false, workers, signal: controller.signal, onProgress: show?.update });
        show?.stop();
        const s = r.summary;
        if (r.stopped === 'paused')
          process.stderr.write(`calibrate: generation ${s.generations - 1} done (--step); continue with --resume\n`);
        process.stderr.write(
          `calibrate: ${s.generations} generations, ${s.simulations} runs, final tolerance ${s.tolerance.toPrecision(3)} in ` +
            `${formatDuration(performance.now() - t0)} on ${workers} worker${workers === 1 ? '' : 's'} → ${opts.out}\n`,
        );
        for (const p of s.parameters)
          process.stderr.write(
            `  ${p.path}: median ${p.median.toPrecision(3)}, 90% ${p.interval[0].toPrecision(3)}–${p.interval[1].toPrecision(3)} (narrowed ${Math.round(p.narrowing * 100)}%)\n`,
          );
      } catch (err) {
        show?.stop();
        if (err instanceof CalibrationDirectoryError) throw new UserError(err.message, EXIT.outputProblem);
        if (err instanceof CalibrationAbortedError)
          throw new UserError(`interrupted after ${err.populations.length} finished generations; continue with --resume`, EXIT.interrupted);
        if (err instanceof WorkersUnavailableError) throw new UserError(`${err.message}; finished generations are kept, continue with --resume`, EXIT.runsFailed);
        throw err;
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}

/** One status line: rewritten in place on a terminal, printed every few seconds otherwise. */
function progressLine(stream: NodeJS.WriteStream) {
  let last = 0;
  let shown = false;
  const text = (p: AbcProgress) =>
    `calibrate: generation ${p.generation + 1}/${p.generations} | tolerance ${Number.isFinite(p.tolerance) ? p.tolerance.toPrecision(3) : '∞'} | ` +
    `accepted ${p.accepted}/${p.particles} (acceptance ${(p.acceptance * 100).toFixed(0)}%) | ${p.simulations} runs | ETA ${formatDuration(p.etaMs)}`;
  return {
    update(p: AbcProgress) {
      const now = performance.now();
      if (stream.isTTY) {
        if (now - last < 200) return;
        stream.write(`\r\x1b[2K${text(p)}`);
        shown = true;
      } else {
        if (now - last < PLAIN_INTERVAL_MS) return;
        stream.write(`${text(p)}\n`);
      }
      last = now;
    },
    stop() {
      if (shown) stream.write('\n');
    },
  };
}
