import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { checkClaims, CLAIM_SEEDS } from '../../studies/claims/check-claims.ts';
import { formatClaimsText } from '../../studies/claims/format-claims.ts';
import { readScenarioDir } from '../../studies/claims/shipped-scenarios.ts';
import { withRunner } from '../../studies/claims/with-runner.ts';
import { intOption } from '../options.ts';
import { UserError } from '../user-error.ts';

interface ClaimsCliOptions {
  seeds: number;
  json?: boolean;
  workers?: number;
  scenarios?: string;
}

/** `coopsim claims`: the model's own check of the seed paper's seven claims. */
export function registerClaims(program: Command): void {
  program
    .command('claims')
    .description(
      "check the seven claims (docs/ODD.md, Claims): the shipped scenarios each claim compares, run on the same seeds; " +
        'the paired effect with a 90% interval at years 5, 10 and the last year, and a verdict (holds, fails, holds by construction)',
    )
    .option('--seeds <n>', 'paired seeds 1…n', intOption('--seeds', 1, 100000), CLAIM_SEEDS)
    .option('--json', 'write the report as JSON (with the seeds used) instead of text')
    .option('--workers <n>', `worker threads; 0 runs in this thread (default: available cores, here ${availableParallelism()})`, intOption('--workers', 0, 1024))
    .option('--scenarios <dir>', 'folder of the scenario files (default: the shipped scenarios)')
    .action(async (opts: ClaimsCliOptions) => {
      let scenarios;
      try {
        scenarios = readScenarioDir(opts.scenarios);
      } catch (err) {
        throw new UserError(`--scenarios: ${(err as Error).message}`, 1);
      }
      const report = await withRunner(opts.workers, (runner) => checkClaims({ scenarios, runner, seeds: opts.seeds })).catch((err: Error) => {
        throw new UserError(err.message, 1);
      });
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatClaimsText(report));
    });
}
