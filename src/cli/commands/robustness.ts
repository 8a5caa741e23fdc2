import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { readScenarioDir } from '../../studies/claims/shipped-scenarios.ts';
import { withRunner } from '../../studies/claims/with-runner.ts';
import { formatRobustnessMarkdown, formatRobustnessText } from '../../studies/robustness/format-robustness.ts';
import { robustnessSweep } from '../../studies/robustness/robustness-sweep.ts';
import { assumedParameters } from '../../studies/robustness/assumed-parameters.ts';
import { EXIT } from '../exit-codes.ts';
import { intOption } from '../options.ts';
import { UserError } from '../user-error.ts';

interface RobustnessCliOptions {
  seeds: number;
  workers?: number;
  out?: string;
  only?: string[];
  factors: number[];
  refine: boolean;
  progress: boolean;
}

/** `coopsim robustness`: which assumed parameters change a claim's direction. */
export function registerRobustness(program: Command): void {
  program
    .command('robustness')
    .description(
      'one-at-a-time sweep over every parameter whose default is an assumption (factors of its value, default ±50%) on paired seeds: ' +
        "does any claim's direction at the last year flip? Writes robustness.json and robustness.md to --out",
    )
    .option('--seeds <n>', 'paired seeds 1…n', intOption('--seeds', 1, 100000), 20)
    .option('--workers <n>', `worker threads; 0 runs in this thread (default: available cores, here ${availableParallelism()})`, intOption('--workers', 0, 1024))
    .option('--out <dir>', 'folder for robustness.json (every parameter, every criterion) and robustness.md (the table)')
    .option('--only <path>', 'only this parameter, e.g. schools.capacity (repeatable)', collect)
    .option('--factors <list>', 'comma-separated factors of each value', parseFactors, [0.5, 1.5])
    .option('--no-refine', 'do not test halfway to the default where a factor flips a claim')
    .option('--no-progress', 'no progress lines on stderr')
    .action(async (opts: RobustnessCliOptions) => {
      // A misspelt --only is bad input, told before any run.
      const unknown = (opts.only ?? []).filter((p) => !assumedParameters().some((q) => q.path === p));
      if (unknown.length) throw new UserError(`--only: not an assumed parameter: ${unknown.join(', ')} (see the parameter tables of docs/ODD.md)`, EXIT.badInput);
      const scenarios = readScenarioDir();
      const report = await withRunner(opts.workers, (runner) =>
        robustnessSweep({
          scenarios,
          runner,
          seeds: opts.seeds,
          factors: opts.factors,
          only: opts.only,
          refine: opts.refine,
          onParameter: opts.progress ? (done, total, path) => process.stderr.write(`robustness: ${done}/${total} ${path}\n`) : undefined,
        }),
      ).catch((err: Error) => {
        throw new UserError(err.message, EXIT.runsFailed);
      });
      if (opts.out) {
        try {
          mkdirSync(opts.out, { recursive: true });
          writeFileSync(join(opts.out, 'robustness.json'), `${JSON.stringify(report, null, 2)}\n`);
          writeFileSync(join(opts.out, 'robustness.md'), formatRobustnessMarkdown(report));
        } catch (err) {
          throw new UserError(`--out ${opts.out}: cannot write (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
        }
      }
      process.stdout.write(formatRobustnessText(report));
    });
}

function parseFactors(text: string): number[] {
  const v = text.split(',').map(Number);
  if (!v.length || v.some((x) => !(x >= 0) || x === 1))
    throw new InvalidArgumentError(`--factors ${JSON.stringify(text)}: expected comma-separated factors ≥ 0 other than 1, e.g. 0.5,1.5`);
  return v;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
