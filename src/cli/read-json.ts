import { readFileSync, statSync } from 'node:fs';
import { INPUT_LIMITS, stripBom } from '../scenario/input-limits.ts';
import { UserError } from './user-error.ts';

/** Reads and parses a JSON file, turning a missing file or bad JSON into a one-line user error. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > INPUT_LIMITS.fileBytes)
      throw new UserError(`${path}: a file of ${size} bytes; scenario and experiment files may have at most ${INPUT_LIMITS.fileBytes} bytes`);
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? (err as Error).message})`);
  }
  try {
    return JSON.parse(stripBom(text));
  } catch (err) {
    throw new UserError(`${path}: not valid JSON: ${(err as Error).message}`);
  }
}
