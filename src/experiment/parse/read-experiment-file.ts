import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { INPUT_LIMITS, stripBom } from '../../scenario/input-limits.ts';
import type { Result } from '../../scenario/parse.ts';
import { parseExperiment, type Experiment } from './parse-experiment.ts';

/** Reads a JSON file as a result: its data, or one problem saying why it cannot be read. */
export function readJsonResult(path: string): Result<unknown> {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > INPUT_LIMITS.fileBytes)
      return { ok: false, problems: [{ path: '', message: `${path}: a file of ${size} bytes; scenario and experiment files may have at most ${INPUT_LIMITS.fileBytes} bytes` }] };
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, problems: [{ path: '', message: code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? (err as Error).message})` }] };
  }
  try {
    return { ok: true, value: JSON.parse(stripBom(text)) };
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
