import { Command, CommanderError } from 'commander';
import { UserError } from './user-error.ts';
import { EXIT } from './exit-codes.ts';
import { VERSION } from '../version.ts';
import { registerRun } from './commands/run.ts';
import { registerValidate } from './commands/validate.ts';
import { registerGame } from './commands/game.ts';
import { registerSweep } from './commands/sweep.ts';
import { registerMerge } from './commands/merge.ts';
import { registerSensitivity } from './commands/sensitivity.ts';
import { registerCalibrate } from './commands/calibrate.ts';
import { registerOptimize } from './commands/optimize.ts';
import { registerWedges } from './commands/wedges.ts';
import { registerClaims } from './commands/claims.ts';
import { registerRobustness } from './commands/robustness.ts';
import { registerCompare } from './commands/compare.ts';
import { registerDiscover } from './commands/discover.ts';

/** The exit statuses of every command, as `coopsim --help` lists them (the README has the same table). */
const EXIT_HELP = `
Exit status (every command):
  ${EXIT.ok}    ok: everything asked for was done
  ${EXIT.runsFailed}    some runs failed (their errors are recorded) or are missing; everything else was written
  ${EXIT.badInput}    bad input or usage: a file, a field, an option, a value
  ${EXIT.outputProblem}    the output folder or file cannot be used (locked, not empty, unwritable, not a folder)
  ${EXIT.interrupted}  interrupted (SIGINT/SIGTERM); what finished is kept, continue with --resume

--out - writes to stdout where a command writes one file.`;

/** Builds the `coopsim` command with all its subcommands. */
export function buildProgram(): Command {
  const program = new Command('coopsim')
    .description('Simulate school–enterprise cooperation in vocational education')
    .version(VERSION)
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', EXIT_HELP)
    .exitOverride();
  registerRun(program);
  registerValidate(program);
  registerGame(program);
  registerSweep(program);
  registerMerge(program);
  registerSensitivity(program);
  registerCalibrate(program);
  registerCompare(program);
  registerOptimize(program);
  registerWedges(program);
  registerClaims(program);
  registerRobustness(program);
  registerDiscover(program);
  return program;
}

/** Runs the CLI with `argv`, mapping user errors to a one-line message and exit status. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? EXIT.ok : Number(process.exitCode);
  } catch (err) {
    // Help and --version end with status 0; every other commander error is a usage error.
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    if (err instanceof UserError) {
      process.stderr.write(`coopsim: ${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  }
}

const code = await main(process.argv.slice(2));
process.exitCode = code;
