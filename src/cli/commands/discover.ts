import { InvalidArgumentError, type Command } from 'commander';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiscoveryInputError, discoveryData } from '../../experiment/discovery/discovery-data.ts';
import { boxesCsv, discoveryTable, trajectoryCsv } from '../../experiment/discovery/format-discovery.ts';
import { prim, PRIM_DEFAULTS } from '../../analysis/discovery/prim.ts';
import { lockFolder } from '../../experiment/sweep/folder-lock.ts';
import { ioErrorMessage } from '../../experiment/sweep/io-error-message.ts';
import { SWEEP_FILES } from '../../experiment/sweep/sweep-rows.ts';
import { EXIT } from '../exit-codes.ts';
import { intOption } from '../options.ts';
import { UserError } from '../user-error.ts';

interface DiscoverCliOptions {
  where: string;
  peelAlpha: number;
  pasteAlpha: number;
  massMin: number;
  maxBoxes: number;
  minDensity?: number;
  out?: string;
}

/** `coopsim discover DIR --where EXPR`: which factor ranges of a sweep lead to runs meeting a condition (PRIM). */
export function registerDiscover(program: Command): void {
  program
    .command('discover')
    .description(
      "scenario discovery: find boxes of a sweep's factors in which runs meet a condition, with PRIM (Friedman & Fisher 1999, " +
        'as in the EMA Workbench: peeling, pasting, covering); prints the boxes with their limits and quasi-p-values and writes ' +
        'prim-boxes.csv and prim-trajectory.csv (coverage, density and runs of every peeling step)',
    )
    .argument('<dir>', 'a sweep folder (coopsim sweep --out) with runs.csv')
    .requiredOption('--where <expression>', 'the condition over runs.csv output columns, e.g. "deep_share_y9 >= 0.1 and fiscal_cost_cum_y9 <= 200"')
    .option('--peel-alpha <share>', 'share of the box each peel removes', shareOption('--peel-alpha', 0.5), PRIM_DEFAULTS.peelAlpha)
    .option('--paste-alpha <share>', 'share of the candidates each paste adds back', shareOption('--paste-alpha', 0.5), PRIM_DEFAULTS.pasteAlpha)
    .option('--mass-min <share>', 'smallest share of all runs a box may hold', shareOption('--mass-min', 1), PRIM_DEFAULTS.massMin)
    .option('--max-boxes <n>', 'most boxes to find by covering', intOption('--max-boxes', 1, 100), PRIM_DEFAULTS.maxBoxes)
    .option(
      '--min-density <share>',
      'pick, from each peeling trajectory, the step covering most hits with at least this density (default: the step with the best balance of coverage and density)',
      shareOption('--min-density', 1, true),
    )
    .option('--out <dir>', 'folder for the two CSV files (default: the sweep folder)')
    .action((dir: string, opts: DiscoverCliOptions) => {
      const file = join(dir, SWEEP_FILES.runs);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        throw new UserError(`${ioErrorMessage(err, 'read', file)}; give the folder of a sweep (coopsim sweep EXP --out DIR)`, EXIT.badInput);
      }
      let data;
      try {
        data = discoveryData(text, opts.where, file);
      } catch (err) {
        if (err instanceof DiscoveryInputError) throw new UserError(err.message, EXIT.badInput);
        throw err;
      }
      const options = { peelAlpha: opts.peelAlpha, pasteAlpha: opts.pasteAlpha, massMin: opts.massMin, maxBoxes: opts.maxBoxes, minDensity: opts.minDensity ?? null };
      const result = prim(data, options);
      writeFiles(opts.out ?? dir, { 'prim-boxes.csv': boxesCsv(result, data), 'prim-trajectory.csv': trajectoryCsv(result, data) });
      process.stdout.write(discoveryTable(result, data, file, options));
    });
}

/** A share option: above 0 and below `limit` (or up to it, when `inclusive`). */
function shareOption(name: string, limit: number, inclusive = false) {
  return (text: string): number => {
    const v = text.trim() === '' ? NaN : Number(text);
    if (!(v > 0 && (inclusive ? v <= limit : v < limit)))
      throw new InvalidArgumentError(`${name} ${JSON.stringify(text)}: expected a share above 0 and ${inclusive ? 'at most' : 'below'} ${limit}, e.g. ${inclusive ? 0.8 : 0.05}`);
    return v;
  };
}

/** Writes the files into `dir` under its lock, so a sweep writing there meanwhile is not disturbed. */
function writeFiles(dir: string, files: Record<string, string>): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UserError(`--out ${dir} is not a folder`, EXIT.outputProblem);
  let lock;
  try {
    lock = lockFolder(dir, 'discover');
  } catch (err) {
    throw new UserError((err as Error).message, EXIT.outputProblem);
  }
  try {
    for (const [name, text] of Object.entries(files)) {
      const path = join(dir, name);
      try {
        writeFileSync(path, text);
      } catch (err) {
        throw new UserError(ioErrorMessage(err, 'write', path), EXIT.outputProblem);
      }
    }
  } finally {
    lock.release();
  }
}
