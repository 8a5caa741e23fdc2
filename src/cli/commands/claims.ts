import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { checkClaims, CLAIM_SEEDS } from '../../studies/claims/check-claims.ts';
import { formatClaimsText } from '../../studies/claims/format-claims.ts';
import { readScenarioDir } from '../../studies/claims/shipped-scenarios.ts';
import { withRunner } from '../../studies/claims/with-runner.ts';
import { checkClaimsUnderPosterior, POSTERIOR_DRAWS, POSTERIOR_SEEDS } from '../../studies/claims/claims-under-posterior.ts';
import { formatPosteriorClaimsText } from '../../studies/claims/format-posterior-claims.ts';
import { readPosterior } from '../../calibration/read-posterior.ts';
import { intOption } from '../options.ts';
import { EXIT } from '../exit-codes.ts';
import { UserError } from '../user-error.ts';

interface ClaimsCliOptions {
  seeds?: number;
  posterior?: string;
  draws?: number;
  drawSeed?: number;
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
    .option('--seeds <n>', `paired seeds 1…n (default ${CLAIM_SEEDS}); with --posterior, seeds per parameter set (default ${POSTERIOR_SEEDS})`, intOption('--seeds', 1, 100000))
    .option('--posterior <file|dir>', 'include parameter uncertainty: draw parameter sets from this posterior (a posterior.json, e.g. scenarios/calibration/status-quo.posterior.json, or a coopsim calibrate output folder) and report per claim the share of sets in which it holds')
    .option('--draws <n>', `with --posterior: parameter sets drawn (default ${POSTERIOR_DRAWS})`, intOption('--draws', 1, 10000))
    .option('--draw-seed <s>', 'with --posterior: seed of the draws (default 1); the same seed draws the same sets', intOption('--draw-seed', 0, 4294967295))
    .option('--json', 'write the report as JSON (with the seeds used) instead of text')
    .option('--workers <n>', `worker threads; 0 runs in this thread (default: available cores, here ${availableParallelism()})`, intOption('--workers', 0, 1024))
    .option('--scenarios <dir>', 'folder of the scenario files (default: the shipped scenarios)')
    .action(async (opts: ClaimsCliOptions) => {
      let scenarios;
      try {
        scenarios = readScenarioDir(opts.scenarios);
      } catch (err) {
        throw new UserError(`--scenarios: ${(err as Error).message}`, EXIT.badInput);
      }
      if (!opts.posterior) {
        if (opts.draws !== undefined || opts.drawSeed !== undefined) throw new UserError('--draws and --draw-seed need --posterior FILE (the posterior to draw parameter sets from)', EXIT.badInput);
        const report = await withRunner(opts.workers, (runner) => checkClaims({ scenarios, runner, seeds: opts.seeds ?? CLAIM_SEEDS })).catch((err: Error) => {
          throw new UserError(err.message, EXIT.runsFailed);
        });
        process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatClaimsText(report));
        return;
      }
      let posterior;
      try {
        posterior = readPosterior(opts.posterior);
      } catch (err) {
        throw new UserError(`--posterior: ${(err as Error).message}`, EXIT.badInput);
      }
      const label = opts.posterior;
      const report = await withRunner(opts.workers, (runner) =>
        checkClaimsUnderPosterior({ scenarios, runner, posterior, draws: opts.draws, seeds: opts.seeds, drawSeed: opts.drawSeed }),
      ).catch((err: Error) => {
        throw new UserError(err.message, EXIT.runsFailed);
      });
      process.stdout.write(opts.json ? `${JSON.stringify({ posterior: label, ...report }, null, 2)}\n` : formatPosteriorClaimsText(report, label));
    });
}
