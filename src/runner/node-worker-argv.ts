/**
 * Options a worker thread takes from its parent's: those that shape how modules load and
 * what is reported (`--import tsx`, `--conditions`, `--enable-source-maps`, …). Options
 * of the whole process — V8 flags, `--cpu-prof`, `--perf-basic-prof` — make Node refuse
 * to start the worker, and so does `--input-type`, which `node --input-type=module -e …`
 * scripts carry.
 */
const FOR_WORKERS = /^(--import|--require|-r|--loader|--experimental-loader|--conditions|-C|--experimental-[\w-]+|--no-experimental-[\w-]+|--enable-source-maps|--no-warnings|--no-deprecation|--trace-warnings|--trace-deprecation|--disable-warning|--env-file|--preserve-symlinks)$/;
/** Of those, the ones whose value may come as the next argument. */
const TAKES_VALUE = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader', '--conditions', '-C', '--disable-warning', '--env-file']);

/** The parent's Node options a worker thread accepts (see {@link FOR_WORKERS}). */
export function workerExecArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const eq = argv[i].indexOf('=');
    const name = eq > 0 ? argv[i].slice(0, eq) : argv[i];
    const joined = eq > 0 || !TAKES_VALUE.has(name) || i + 1 >= argv.length;
    if (FOR_WORKERS.test(name)) out.push(...(joined ? [argv[i]] : [argv[i], argv[i + 1]]));
    if (!joined) i++;
  }
  return out;
}
