import { Command, CommanderError } from 'commander';
import { UserError } from './user-error.ts';
import { EXIT } from './exit-codes.ts';
import { VERSION } from '../version.ts';
type Register = (program: Command) => void;

/**
 * Every command, in the order `coopsim --help` lists them, with the module that defines it.
 * A run loads only the module of the command it runs: together they bring in the model,
 * the sweeps, the calibration, mathjs and parquet, which took most of a short command's time.
 */
const COMMANDS: readonly (readonly [string, () => Promise<Register>])[] = [
  ['run', async () => (await import('./commands/run.ts')).registerRun],
  ['validate', async () => (await import('./commands/validate.ts')).registerValidate],
  ['game', async () => (await import('./commands/game.ts')).registerGame],
  ['sweep', async () => (await import('./commands/sweep.ts')).registerSweep],
  ['merge', async () => (await import('./commands/merge.ts')).registerMerge],
  ['sensitivity', async () => (await import('./commands/sensitivity.ts')).registerSensitivity],
  ['calibrate', async () => (await import('./commands/calibrate.ts')).registerCalibrate],
  ['compare', async () => (await import('./commands/compare.ts')).registerCompare],
  ['optimize', async () => (await import('./commands/optimize.ts')).registerOptimize],
  ['wedges', async () => (await import('./commands/wedges.ts')).registerWedges],
  ['claims', async () => (await import('./commands/claims.ts')).registerClaims],
  ['robustness', async () => (await import('./commands/robustness.ts')).registerRobustness],
  ['discover', async () => (await import('./commands/discover.ts')).registerDiscover],
];

/** The exit statuses of every command, as `coopsim --help` lists them (the README has the same table). */
const EXIT_HELP = `
Exit status (every command):
  ${EXIT.ok}    ok: everything asked for was done
  ${EXIT.runsFailed}    some runs failed (their errors are recorded) or are missing; everything else was written
  ${EXIT.badInput}    bad input or usage: a file, a field, an option, a value
  ${EXIT.outputProblem}    the output folder or file cannot be used (locked, not empty, unwritable, not a folder)
  ${EXIT.interrupted}  interrupted (SIGINT/SIGTERM); what finished is kept, continue with --resume

--out - writes to stdout where a command writes one file.`;

/**
 * Builds the `coopsim` command. With `argv`, only the subcommand it names is defined (all of
 * them when it names none or an unknown one: for help, and for commander's suggestions).
 */
export async function buildProgram(argv?: readonly string[]): Promise<Command> {
  const program = new Command('coopsim')
    .description('Simulate school–enterprise cooperation in vocational education')
    .version(VERSION)
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', EXIT_HELP)
    .exitOverride();
  // The top-level options (--version, --help) take no value: the first other word is the command.
  const word = argv?.find((a) => !a.startsWith('-'));
  const one = COMMANDS.filter(([name]) => name === word);
  const registers = await Promise.all((one.length > 0 ? one : COMMANDS).map(([, load]) => load()));
  for (const register of registers) register(program);
  return program;
}

/** Runs the CLI with `argv`, mapping user errors to a one-line message and exit status. */
export async function main(argv: string[]): Promise<number> {
  try {
    await (await buildProgram(argv)).parseAsync(argv, { from: 'user' });
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
