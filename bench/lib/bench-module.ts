/** What every benchmark module gets. */
export interface BenchContext {
  /** `--quick`: fewer repetitions, smaller sizes. */
  readonly quick: boolean;
  /** A scratch directory for this bench run (removed at the end). */
  readonly tmp: string;
  /** Prints a progress line (to stderr, so stdout keeps only the table). */
  log(message: string): void;
}

/** Measured values by key, plus anything worth keeping in results.json. */
export interface BenchOutcome {
  values: Record<string, number>;
  details?: Record<string, unknown>;
}

/** One small benchmark: measures its keys on this machine. */
export interface BenchModule {
  /** Short name, also the name of its child mode. */
  readonly name: string;
  /** Keys it reports. */
  readonly keys: readonly string[];
  /** Whether `--quick` runs it. */
  readonly quick: boolean;
  run(ctx: BenchContext): Promise<BenchOutcome>;
  /** Work done in a fresh child process (see {@link runChild}); returns plain JSON data. */
  child?(args: unknown): Promise<unknown>;
}
