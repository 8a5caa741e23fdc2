import { describe, folderLockHolder } from '../../experiment/sweep/folder-lock.ts';
import type { Command } from 'commander';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { IncompleteMergeError, MergeInputError, mergeSweeps } from '../../experiment/merge/merge-sweeps.ts';
import { SweepDirectoryError } from '../../experiment/sweep/sweep-directory.ts';
import { EXIT } from '../exit-codes.ts';
import { UserError } from '../user-error.ts';
import { reportOutcome } from './sweep.ts';

/** `coopsim merge DIR... --out DIR`: joins the shard folders of a sweep. */
export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('merge the output folders of a sharded sweep (e.g. a SLURM job array) into one, identical to an unsharded run')
    .argument('<dirs...>', 'sweep output folders of the same experiment')
    .requiredOption('--out <dir>', 'new or empty folder for the merged files')
    .action((dirs: string[], opts: { out: string }) => {
      if (opts.out === '-') throw new UserError('--out -: merge writes a folder of files, not to stdout; give a folder', EXIT.badInput);
      // A folder another process holds is named with its holder, before it is found not empty.
      const holder = existsSync(opts.out) && statSync(opts.out).isDirectory() ? folderLockHolder(opts.out) : null;
      if (holder)
        throw new UserError(`${opts.out} is in use by ${holder === 'unknown' ? 'another coopsim process' : describe(holder)}; wait for it or merge into another folder`, EXIT.outputProblem);
      if (existsSync(opts.out) && (!statSync(opts.out).isDirectory() || readdirSync(opts.out).length > 0))
        throw new UserError(`${opts.out} is not an empty folder; merge into a new or empty folder`, EXIT.outputProblem);
      let result;
      try {
        result = mergeSweeps(dirs, opts.out);
      } catch (err) {
        if (err instanceof IncompleteMergeError) throw new UserError(err.message, EXIT.runsFailed);
        if (err instanceof MergeInputError) throw new UserError(err.message, EXIT.badInput);
        if (err instanceof SweepDirectoryError) throw new UserError(err.message, EXIT.outputProblem);
        throw err;
      }
      process.stderr.write(`merge: ${result.runs} runs from ${dirs.length} folder${dirs.length === 1 ? '' : 's'} → ${opts.out}\n`);
      reportOutcome(result.manifest, opts.out);
    });
}
