import { parse } from 'csv-parse/sync';
import { compileExpression } from '../../model/params/expression.ts';
import type { PrimData, PrimFactor } from '../../analysis/discovery/prim-types.ts';

/** runs.csv read for scenario discovery: the factors, which runs meet the condition, and what was left out. */
export interface DiscoveryData extends PrimData {
  /** The condition as given. */
  readonly where: string;
  /** Output columns the condition reads. */
  readonly reads: readonly string[];
  /** Factors that take one value only in the sweep, so no box can restrict them. */
  readonly constant: readonly string[];
  /** Runs left out because a column the condition reads is empty there (the value is undefined in that run). */
  readonly leftOut: number;
}

/** A problem with runs.csv or the condition, worded for the user. */
export class DiscoveryInputError extends Error {}

/**
 * Reads runs.csv text (`file` names it in errors) and evaluates `where` on every run
 * through the sandboxed expression compiler. The factors are the columns between
 * `replicate` and `seed`; the condition may read the output columns after `seed`.
 */
export function discoveryData(text: string, where: string, file: string): DiscoveryData {
  const records = parse(text, { skip_empty_lines: true }) as string[][];
  if (records.length === 0) throw new DiscoveryInputError(`${file} is empty`);
  const [header, ...rows] = records;
  const seedAt = header.indexOf('seed');
  if (header[0] !== 'run_id' || header[2] !== 'replicate' || seedAt < 3)
    throw new DiscoveryInputError(`${file} is not the runs.csv of a sweep (expected run_id, point, replicate, the factors, seed, the outputs)`);
  const factorNames = header.slice(3, seedAt);
  const outputs = header.slice(seedAt + 1);
  if (factorNames.length === 0) throw new DiscoveryInputError(`${file} has no factor columns: the sweep varied nothing, so there is nothing to discover`);
  if (rows.length === 0) throw new DiscoveryInputError(`${file} holds no finished runs`);
  const compiled = compileExpression(where, outputs);
  if (!compiled.ok) {
    const unknown = /unknown variable "([^"]+)"/.exec(compiled.error);
    if (unknown)
      throw new DiscoveryInputError(
        `--where: "${unknown[1]}" is not an output column of ${file}; its output columns are ${outputs.length > 0 ? outputs.join(', ') : '(none)'}` +
          ' (add the output to the experiment\'s outputs.summary and sweep again to use another)',
      );
    throw new DiscoveryInputError(`--where: ${compiled.error}`);
  }
  const condition = compiled.value;
  const reads = [...condition.variables];
  const readAt = reads.map((v) => seedAt + 1 + outputs.indexOf(v));
  const kept: string[][] = [];
  const interesting: boolean[] = [];
  let leftOut = 0;
  for (const row of rows) {
    const scope: Record<string, number> = {};
    let missing = false;
    reads.forEach((name, i) => {
      const cell = row[readAt[i]];
      const v = cell === '' || cell === undefined ? NaN : Number(cell);
      if (Number.isNaN(v)) missing = true;
      scope[name] = v;
    });
    if (missing) {
      leftOut++;
      continue;
    }
    const v = condition.evaluate(scope);
    if (v !== 0 && v !== 1)
      throw new DiscoveryInputError(`--where must be a condition (true or false), e.g. "deep_share_y9 >= 0.1"; "${where}" gives ${v} for run ${row[0]}`);
    kept.push(row);
    interesting.push(v === 1);
  }
  if (kept.length === 0) throw new DiscoveryInputError(`every run of ${file} has an empty cell in ${reads.join(', ')}, so the condition holds for none`);
  const factors: PrimFactor[] = [];
  const constant: string[] = [];
  factorNames.forEach((name, k) => {
    const cells = kept.map((r) => r[3 + k]);
    if (new Set(cells).size === 1) {
      constant.push(name);
      return;
    }
    const numbers = cells.map((c) => (c.trim() === '' ? NaN : Number(c)));
    if (numbers.every((v) => Number.isFinite(v))) factors.push({ name, kind: 'numeric', values: numbers });
    else factors.push({ name, kind: 'categorical', values: cells });
  });
  if (factors.length === 0) throw new DiscoveryInputError(`every factor of ${file} takes a single value in the runs, so no box can tell runs apart`);
  return { factors, interesting, where, reads, constant, leftOut };
}
