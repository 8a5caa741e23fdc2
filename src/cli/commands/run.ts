import { Option, type Command } from 'commander';
import { simulate } from '../../model/simulate.ts';
import { metricsToCsv, metricsToJson } from '../../runner/metrics-table.ts';
import { largeRunMessage } from '../../scenario/work-size.ts';
import { loadScenario } from '../load-scenario.ts';
import { writeOutput } from '../write-output.ts';
import { LeverError } from '../../model/params/compile-levers.ts';
import { EXIT } from '../exit-codes.ts';
import { UserError } from '../user-error.ts';
import { intOption } from '../options.ts';

/** `coopsim run FILE`: one simulation, one row per year, CSV or JSON. */
export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run one simulation of a scenario and write one row per simulated year')
    .argument('<scenario>', 'scenario JSON file')
    .option('--seed <n>', 'random seed (default: the scenario\'s seed)', intOption('--seed', 0))
    .option('--years <n>', 'number of years (default: the scenario\'s years)', intOption('--years', 1))
    .option('--set <path=value>', 'override a scenario field, e.g. policy.taxRelief=0.3 (repeatable)', collect, [])
    .option('--out <file>', 'write to this file instead of stdout (- for stdout)')
    .option('--allow-large', 'run a world of more than 20,000,000 firm-years (firms × years) without asking')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
    .action((file: string, opts: { seed?: number; years?: number; set: string[]; out?: string; format: 'csv' | 'json'; allowLarge?: boolean }) => {
      const sets = [...opts.set];
      if (opts.years !== undefined) sets.push(`years=${opts.years}`);
      const scenario = loadScenario(file, sets);
      const large = opts.allowLarge ? null : largeRunMessage(scenario);
      if (large) throw new UserError(large, EXIT.badInput);
      let result;
      try {
        result = simulate(scenario, { seed: opts.seed });
      } catch (err) {
        if (err instanceof LeverError) throw new UserError(err.message, EXIT.runsFailed);
        throw err;
      }
      const text =
        opts.format === 'json'
          ? metricsToJson({ scenario: scenario.name, seed: result.seed }, result.year, result.metrics)
          : metricsToCsv(result.year, result.metrics);
      writeOutput(opts.out, text);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
