import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../experiment/sweep/experiment-hash.ts';
import type { Scenario } from '../model/params/schema.ts';
import { VERSION } from '../version.ts';
import type { Population } from './abc-types.ts';
import type { Calibration } from './parse-calibration.ts';
import { normalised, posteriorFromDocument, type Posterior, type PosteriorDocument } from '../analysis/posterior.ts';

export { drawPosterior, applyDraw, type Posterior, type PosteriorDraw, type PosteriorDocument } from '../analysis/posterior.ts';

/**
 * Reads a posterior: a `posterior.json` (what `coopsim calibrate` writes, and what is
 * committed as `scenarios/calibration/*.posterior.json`), a `posterior.csv`, or the output
 * folder of `coopsim calibrate` (its posterior.json, else its posterior.csv).
 */
export function readPosterior(fileDirOrPath: string): Posterior {
  let file = fileDirOrPath;
  if (existsSync(file) && statSync(file).isDirectory()) {
    file = join(fileDirOrPath, 'posterior.json');
    if (!existsSync(file)) file = join(fileDirOrPath, 'posterior.csv');
  }
  if (!existsSync(file)) throw new Error(`${fileDirOrPath}: no such file or folder; expected a posterior.json, a posterior.csv or the output folder of coopsim calibrate`);
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.csv')) return posteriorFromCsv(text, file);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
  }
  return posteriorFromDocument(doc, file);
}

function posteriorFromCsv(text: string, file: string): Posterior {
  const rows = parse(text, { columns: false }) as string[][];
  const header = rows[0] ?? [];
  const w = header.indexOf('weight');
  if (header[0] !== 'particle' || w < 2) throw new Error(`${file}: not a posterior.csv of coopsim calibrate (expected particle, parameters…, weight, distance)`);
  return normalised(
    header.slice(1, w),
    rows.slice(1).map((r) => r.slice(1, w).map(Number)),
    rows.slice(1).map((r) => Number(r[w])),
    file,
  );
}

/** SHA-256 of a scenario with its defaults filled in, without name, description and sources. */
export function scenarioHash(scenario: Scenario): string {
  const { name: _n, description: _d, sources: _s, ...identity } = scenario as unknown as Record<string, unknown>;
  return createHash('sha256').update(canonicalJson(identity)).digest('hex');
}

/** The posterior document of a calibration's final population. */
export function posteriorDocument(cal: Calibration, last: Population, calibrationLabel: string): PosteriorDocument {
  const k = cal.parameters.length;
  return {
    format: 'coopsim-posterior/1',
    coopsim: VERSION,
    calibration: calibrationLabel,
    calibrationHash: cal.hash,
    baseScenarioHash: scenarioHash(cal.scenario),
    generations: last.generation + 1,
    tolerance: last.tolerance,
    parameters: cal.parameters.map((p) => p.path),
    columns: [...cal.parameters.map((p) => p.path), 'weight', 'distance'],
    particles: last.theta.map((theta, i) => {
      const row = [...theta, last.weights[i], last.distances[i]];
      if (row.length !== k + 2) throw new Error(`particle ${i} has ${theta.length} parameters; expected ${k}`);
      return row;
    }),
  };
}

/** A posterior document as JSON text: one particle a line, so diffs stay readable. */
export function posteriorJson(doc: PosteriorDocument): string {
  const { particles, ...head } = doc;
  const top = JSON.stringify(head, null, 2).slice(0, -2);
  return `${top},\n  "particles": [\n${particles.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]\n}\n`;
}

/**
 * Why a posterior document no longer belongs to a calibration (null when it does): its
 * base scenario or the calibration changed since it was computed.
 */
export function posteriorStaleness(doc: PosteriorDocument, cal: Calibration): string | null {
  const why: string[] = [];
  if (doc.baseScenarioHash !== scenarioHash(cal.scenario)) why.push('the base scenario (or a default it takes) changed');
  if (doc.calibrationHash !== cal.hash) why.push('the calibration (base, priors, targets or method) changed');
  return why.length ? `${why.join('; ')} since the posterior was computed` : null;
}
