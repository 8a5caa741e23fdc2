import { formatProblems } from '../scenario/parse.ts';
import type { Experiment } from '../experiment/parse/parse-experiment.ts';
import { readExperimentFile } from '../experiment/parse/read-experiment-file.ts';
import { EXIT } from './exit-codes.ts';
import { UserError } from './user-error.ts';

/** Reads and validates an experiment file; problems become a user error naming the file and field. */
export function loadExperiment(file: string): Experiment {
  const r = readExperimentFile(file);
  if (!r.ok) {
    const lines = formatProblems(r.problems)
      .split('\n')
      .map((l) => (l.startsWith(`${file}:`) ? l : `${file}: ${l}`));
    throw new UserError(lines.join('\n'), EXIT.badInput);
  }
  return r.value;
}
