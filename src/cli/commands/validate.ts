import type { Command } from 'commander';
import { parseScenario, formatProblems } from '../../scenario/parse.ts';
import { createSimulation } from '../../model/simulate.ts';
import { hasResultLevers, leverYearWarnings } from '../../scenario/lever-check.ts';
import type { Problem } from '../../scenario/parse.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { readJsonFile } from '../read-json.ts';
import { UserError } from '../user-error.ts';

/** `coopsim validate FILE…`: checks scenario files against the schema. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check scenario files; prints one line per problem (field path, bad value, what is allowed)')
    .argument('<files...>', 'scenario JSON files')
    .action((files: string[]) => {
      let bad = 0;
      for (const file of files) {
        let data: unknown;
        try {
          data = readJsonFile(file);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          bad++;
          process.stderr.write(`${err.message}\n`);
          continue;
        }
        const r = parseScenario(data);
        if (r.ok) {
          process.stdout.write(`${file}: ok\n`);
          for (const w of resultLeverWarnings(r.value)) process.stderr.write(`${file}: warning: ${w.path}: ${w.message}\n`);
        } else {
          bad++;
          for (const line of formatProblems(r.problems).split('\n')) process.stderr.write(`${file}: ${line}\n`);
        }
      }
      if (bad > 0) throw new UserError(`${bad} of ${files.length} file(s) invalid`, 1);
    });
}

/** Dry-runs the levers that read last year's results over the years with the initial results. */
function resultLeverWarnings(scenario: Scenario): Problem[] {
  if (!hasResultLevers(scenario)) return [];
  const initial = { ...createSimulation(scenario).world.lastMetrics } as Record<string, number>;
  return leverYearWarnings(scenario, initial);
}
