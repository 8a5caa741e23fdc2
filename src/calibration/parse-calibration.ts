import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { METRIC_NAMES } from '../model/metrics.ts';
import { canonicalJson } from '../experiment/sweep/experiment-hash.ts';
import { compileExpression, type CompiledExpression } from '../model/params/expression.ts';
import { formatProblems, issuesToProblems, parseScenario, type Problem, type Result } from '../scenario/parse.ts';
import type { Scenario } from '../model/params/schema.ts';
import { setPath } from '../scenario/set-path.ts';
import type { RunOutput } from '../runner/run-request.ts';
import { calibrationSchema, type CalibrationFile } from './calibration-schema.ts';
import { fieldRange } from './field-range.ts';
import { makePrior, type Prior, type PriorSpec } from './priors.ts';
import { metricAt, metricScope } from '../runner/run-metrics.ts';

/**
 * Metrics the model takes (almost) straight from one of its inputs: fitting them tells
 * nothing about any other parameter, and only echoes the input's own default.
 */
export const DIRECT_INPUTS: Readonly<Record<string, string>> = {
  employment_rate: 'schools.employmentBase',
  retention_rate: 'economics.retentionBase',
};

/** Years a "steady" target averages: the last ones of the run. */
export const STEADY_YEARS = 5;

/** One calibrated field. */
export interface CalibrationParameter {
  path: string;
  prior: Prior;
  source: string;
}

/** One observed quantity, ready to be computed from a run. */
export interface CalibrationTarget {
  name: string;
  /** Observed value (two-sided target), or null for bounds. */
  value: number | null;
  min: number | null;
  max: number | null;
  sd: number;
  source: string;
  /** First and last year averaged. */
  from: number;
  to: number;
  /** The target's value in one run: mean over its years, NaN years skipped (NaN if all are). */
  ofRun(out: RunOutput): number;
}

/** A validated calibration. */
export interface Calibration {
  file: CalibrationFile;
  /** The calibration file's path, when read from one. */
  path: string | null;
  /** Base scenario as data (what runs get, with the parameters set on top). */
  base: Record<string, unknown>;
  /** Where the base scenario came from: its path, or "inline". */
  baseLabel: string;
  scenario: Scenario;
  /** Years each run simulates. */
  runYears: number;
  parameters: CalibrationParameter[];
  targets: CalibrationTarget[];
  /** SHA-256 of everything that determines the posterior. */
  hash: string;
}

/** Reads and validates a calibration file; problems name their field path. */
export function readCalibrationFile(path: string): Result<Calibration> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { ok: false, problems: [{ path: '', message: e.code === 'ENOENT' ? 'no such file' : `not valid JSON: ${e.message}` }] };
  }
  return parseCalibration(data, dirname(resolve(path)), path);
}

/** Validates calibration data; a base scenario path is resolved against `baseDir`. */
export function parseCalibration(data: unknown, baseDir: string, path: string | null = null): Result<Calibration> {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, problems: [{ path: '', message: 'a calibration must be a JSON object' }] };
  const r = calibrationSchema.safeParse(data, { reportInput: true });
  if (!r.success) return { ok: false, problems: issuesToProblems(calibrationSchema, r.error.issues) };
  const file = r.data;
  const problems: Problem[] = [];

  let base: Record<string, unknown>;
  let baseLabel = 'inline';
  if (typeof file.base === 'string') {
    baseLabel = file.base;
    try {
      base = JSON.parse(readFileSync(resolve(baseDir, file.base), 'utf8'));
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      return { ok: false, problems: [{ path: 'base', message: `${file.base}: ${e.code === 'ENOENT' ? 'no such file' : `cannot read (${e.message})`}` }] };
    }
  } else base = file.base;
  const parsed = parseScenario(base);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ path: p.path ? `base.${p.path}` : 'base', message: p.message })) };
  const scenario = parsed.value;
  const runYears = file.years ?? scenario.years;

  const parameters: CalibrationParameter[] = [];
  for (const [p, spec] of Object.entries(file.parameters)) {
    const at = `parameters.${p}`;
    const range = fieldRange(p);
    if (typeof range === 'string') {
      problems.push({ path: at, message: range });
      continue;
    }
    if (range.integer) {
      problems.push({ path: at, message: `${p} is a whole number (${range.min}–${range.max}); only continuous fields can be calibrated` });
      continue;
    }
    const { source, ...dist } = spec;
    const defined = Object.fromEntries(Object.entries(dist).filter(([, v]) => v !== undefined)) as PriorSpec;
    try {
      const prior = makePrior(defined, range.min, range.max);
      const probe = setPath(base, p, prior.quantile(0.5));
      const check = probe.ok ? parseScenario(probe.value) : probe;
      if (!check.ok) problems.push({ path: at, message: `cannot be set in the base scenario: ${formatProblems(check.problems)}` });
      else parameters.push({ path: p, prior, source });
    } catch (err) {
      problems.push({ path: at, message: (err as Error).message });
    }
  }

  const targets: CalibrationTarget[] = [];
  file.targets.forEach((t, i) => {
    const at = `targets[${i}]`;
    let expr: CompiledExpression | null = null;
    let used: readonly string[];
    if (t.metric !== undefined) {
      if (!METRIC_NAMES.includes(t.metric as never)) {
        problems.push({ path: `${at}.metric`, message: `${JSON.stringify(t.metric)} is not a metric; metrics: ${METRIC_NAMES.join(', ')}` });
        return;
      }
      used = [t.metric];
    } else {
      const c = compileExpression(t.expression as string, METRIC_NAMES);
      if (!c.ok) {
        problems.push({ path: `${at}.expression`, message: c.error });
        return;
      }
      expr = c.value;
      used = c.value.variables;
    }
    const direct = used.filter((m) => m in DIRECT_INPUTS);
    if (direct.length > 0) {
      problems.push({
        path: t.metric !== undefined ? `${at}.metric` : `${at}.expression`,
        message: direct
          .map((m) => `${m} is a direct input of the model (it follows ${DIRECT_INPUTS[m]} almost one to one), so fitting it carries no information about the parameters; set ${DIRECT_INPUTS[m]} from the observation instead and drop this target`)
          .join('; '),
      });
      return;
    }
    let from: number;
    let to: number;
    if (t.years === 'steady') {
      to = runYears - 1;
      from = Math.max(0, runYears - STEADY_YEARS);
    } else [from, to] = t.years;
    if (to > runYears - 1) {
      problems.push({ path: `${at}.years`, message: `year ${to} is beyond the ${runYears} simulated years (0–${runYears - 1}); simulate more years or move the target` });
      return;
    }
    const index = t.metric !== undefined ? METRIC_NAMES.indexOf(t.metric as never) : -1;
    const scope: Record<string, number> = {};
    const ofRun = (out: RunOutput): number => {
      let sum = 0;
      let n = 0;
      for (let y = from; y <= to && y < out.years; y++) {
        let v: number;
        if (expr) {
          metricScope(out, y, scope);
          v = expr.evaluate(scope);
        } else v = metricAt(out, y, index);
        if (!Number.isFinite(v)) continue;
        sum += v;
        n++;
      }
      return n === 0 ? NaN : sum / n;
    };
    targets.push({
      name: t.name ?? t.metric ?? (t.expression as string),
      value: t.value ?? null,
      min: t.min ?? null,
      max: t.max ?? null,
      sd: t.sd,
      source: t.source,
      from,
      to,
      ofRun,
    });
  });
  if (problems.length > 0) return { ok: false, problems };

  const { name: _n, description: _d, sources: _s, ...identityBase } = scenario as unknown as Record<string, unknown>;
  const hash = createHash('sha256')
    .update(
      canonicalJson({
        base: identityBase,
        parameters: Object.entries(file.parameters).map(([p, { source: _src, ...d }]) => [p, d]),
        targets: file.targets.map(({ source: _src, name: _name, ...t }) => t),
        method: file.method,
        runYears,
      }),
    )
    .digest('hex');
  return { ok: true, value: { file, path, base, baseLabel, scenario, runYears, parameters, targets, hash } };
}

/** A target's contribution to the distance: its miss in units of its sd (0 inside bounds). */
export function targetMiss(t: CalibrationTarget, s: number): number {
  if (!Number.isFinite(s)) return Infinity;
  if (t.value !== null) return (s - t.value) / t.sd;
  if (t.min !== null && s < t.min) return (t.min - s) / t.sd;
  if (t.max !== null && s > t.max) return (s - t.max) / t.sd;
  return 0;
}

/** Distance of a particle's statistics to the targets: root mean square of the misses. */
export function targetDistance(targets: readonly CalibrationTarget[], stats: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < targets.length; i++) {
    const m = targetMiss(targets[i], stats[i]);
    if (m === Infinity) return Infinity;
    s += m * m;
  }
  return Math.sqrt(s / targets.length);
}
