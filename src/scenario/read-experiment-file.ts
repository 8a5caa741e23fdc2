import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Result } from './parse.ts';
import { parseExperiment, type Experiment } from './parse-experiment.ts';

/** Reads a JSON file as a result: its data, or one problem saying why it cannot be read. */
export function readJsonResult(path: string): Result<unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, problems: [{ path: '', message: code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? (err as Error).message})` }] };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, problems: [{ path: '', message: `${path}: not valid JSON: ${(err as Error).message}` }] };
  }
}

/** Validates experiment data whose base scenario path is relative to `baseDir`. */
export function parseExperimentData(data: unknown, baseDir: string): Result<Experiment> {
  return parseExperiment(data, { loadBase: (p) => readJsonResult(resolve(baseDir, p)) });
}

/** Reads and validates an experiment file; a base scenario path is relative to the file. */
export function readExperimentFile(file: string): Result<Experiment> {
  const data = readJsonResult(file);
  if (!data.ok) return data;
  return parseExperimentData(data.value, dirname(resolve(file)));
}
