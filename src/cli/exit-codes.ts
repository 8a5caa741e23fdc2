/** Exit status of every coopsim command, documented once in the README and in `coopsim --help`. */
export const EXIT = {
  /** Everything asked for was done. */
  ok: 0,
  /** Some runs failed (their errors are recorded); everything else was written. */
  runsFailed: 1,
  /** Bad input or usage: a file, a field, an option, a value. */
  badInput: 2,
  /** The output folder or file cannot be used: locked by another process, unwritable, disk full, not a folder. */
  outputProblem: 3,
  /** Interrupted (SIGINT/SIGTERM); what finished is kept and `--resume` continues. */
  interrupted: 130,
} as const;

/** One of the exit statuses in {@link EXIT}. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
