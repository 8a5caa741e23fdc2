import { writeFileSync } from 'node:fs';
import { EXIT } from './exit-codes.ts';
import { UserError } from './user-error.ts';

/** Writes a command's text output to `--out FILE`, or to stdout when there is none or it is `-`. */
export function writeOutput(out: string | undefined, text: string): void {
  if (out === undefined || out === '-') {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(out, text);
  } catch (err) {
    throw new UserError(`--out ${out}: cannot write (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, EXIT.outputProblem);
  }
}
