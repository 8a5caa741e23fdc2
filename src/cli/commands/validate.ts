import type { Command } from 'commander';
import { dirname, resolve } from 'node:path';
import { parseScenario, formatProblems, type Problem } from '../../scenario/parse.ts';
import { parseExperimentData } from '../../experiment/parse/read-experiment-file.ts';
import { EXIT } from '../exit-codes.ts';
import { createSimulation } from '../../model/simulate.ts';
import { hasResultLevers, leverYearWarnings } from '../../scenario/lever-check.ts';
import type { Scenario } from '../../model/params/schema.ts';
import { readJsonFile } from '../read-json.ts';
import { UserError } from '../user-error.ts';

/** Keys only an experiment file has at its top level. */
const EXPERIMENT_KEYS = ['base', 'factors', 'design', 'replications', 'outputs'];

/** What a JSON file holds, judged by its `$schema` and its keys. */
function kindOf(file: string, data: unknown): 'json-schema' | 'experiment' | 'scenario' {
  const doc = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const schema = typeof doc.$schema === 'string' ? doc.$schema : '';
  if (file.endsWith('.schema.json') || /json-schema\.org/.test(schema)) return 'json-schema';
  if (schema.endsWith('experiment.schema.json') || EXPERIMENT_KEYS.some((k) => k in doc)) return 'experiment';
  return 'scenario';
}

/** `coopsim validate FILE…`: checks scenario and experiment files against their schemas. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description(
      'check scenario and experiment files (told apart by their $schema and keys; JSON Schema files are skipped); ' +
        'prints one line per problem (field path, bad value, what is allowed)',
    )
    .argument('<files...>', 'scenario or experiment JSON files')
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
        const kind = kindOf(file, data);
        if (kind === 'json-schema') {
          process.stdout.write(`${file}: skipped (a JSON Schema file)\n`);
          continue;
        }
        const r = kind === 'experiment' ? parseExperimentData(data, dirname(resolve(file))) : parseScenario(data);
        if (r.ok) {
          process.stdout.write(`${file}: ok${kind === 'experiment' ? ' (experiment)' : ''}\n`);
          if (kind !== 'experiment') for (const w of resultLeverWarnings(r.value as Scenario)) process.stderr.write(`${file}: warning: ${w.path}: ${w.message}\n`);
        } else {
          bad++;
          for (const line of formatProblems(r.problems as Problem[]).split('\n')) process.stderr.write(`${file}: ${line}\n`);
        }
      }
      if (bad > 0) throw new UserError(`${bad} of ${files.length} file(s) invalid`, EXIT.badInput);
    });
}

/** Dry-runs the levers that read last year's results over the years with the initial results. */
function resultLeverWarnings(scenario: Scenario): Problem[] {
  if (!hasResultLevers(scenario)) return [];
  const initial = { ...createSimulation(scenario).world.lastMetrics } as Record<string, number>;
  return leverYearWarnings(scenario, initial);
}
