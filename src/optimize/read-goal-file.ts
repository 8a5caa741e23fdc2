import { dirname, resolve } from 'node:path';
import type { Result } from '../scenario/parse.ts';
import { readJsonResult } from '../experiment/parse/read-experiment-file.ts';
import { readPosterior } from '../calibration/read-posterior.ts';
import { parseGoal, type Goal } from './parse-goal.ts';

/** Reads and validates a goal file; a base scenario path and a posterior path are relative to the file. */
export function readGoalFile(file: string): Result<Goal> {
  const data = readJsonResult(file);
  if (!data.ok) return data;
  const dir = dirname(resolve(file));
  return parseGoal(
    data.value,
    (p) => readJsonResult(resolve(dir, p)),
    (p) => {
      try {
        return { ok: true, value: readPosterior(resolve(dir, p)) };
      } catch (err) {
        return { ok: false, problems: [{ path: '', message: (err as Error).message }] };
      }
    },
  );
}
