import { Command, CommanderError } from 'commander';
import { UserError } from './user-error.ts';
import { VERSION } from '../version.ts';
import { registerRun } from './commands/run.ts';
import { registerValidate } from './commands/validate.ts';
import { registerGame } from './commands/game.ts';
import { registerSweep } from './commands/sweep.ts';
import { registerMerge } from './commands/merge.ts';
import { registerSensitivity } from './commands/sensitivity.ts';
import { registerClaims } from './commands/claims.ts';
import { registerRobustness } from './commands/robustness.ts';

/** Builds the `coopsim` command with all its subcommands. */
export function buildProgram(): Command {
  const program = new Command('coopsim')
    .description('Simulate school–enterprise cooperation in vocational education')
    .version(VERSION)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  registerRun(program);
  registerValidate(program);
  registerGame(program);
  registerSweep(program);
  registerMerge(program);
  registerSensitivity(program);
  registerClaims(program);
  registerRobustness(program);
  return program;
}

/** Runs the CLI with `argv`, mapping user errors to a one-line message and exit status. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof UserError) {
      process.stderr.write(`coopsim: ${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  }
}

const code = await main(process.argv.slice(2));
process.exitCode = code;
