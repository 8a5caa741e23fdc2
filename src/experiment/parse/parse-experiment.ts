import { METRIC_NAMES, type MetricName } from '../../model/metrics.ts';
import { designSize } from '../design/build-design.ts';
import { distributionProblem, factorKind, factorQuantile, isBounded, isEnumerable, probeValues, type Factor } from '../design/factor-values.ts';
import { experimentSchema, FACTOR_OBJECT_FORMS, MAX_RUNS, MAX_SOBOL_FACTORS, type DesignSpec, type ExperimentFile } from '../schema/experiment-schema.ts';
import { show } from '../../model/params/fields.ts';
import { issuesToProblems, parseScenario, type Problem, type Result } from '../../scenario/parse.ts';
import { checkInputShape } from '../../scenario/input-limits.ts';
import { setPath } from '../../scenario/set-path.ts';

/** A year a summary column is taken at: a year number, or the run's last year. */
export type SummaryYear = number | 'last';

/** A validated experiment with its base scenario resolved. */
export interface Experiment {
  readonly name: string;
  readonly description: string;
  /** The base scenario as data (the file's content or the inline object), without `$schema`. */
  readonly base: Readonly<Record<string, unknown>>;
  /** Years the base scenario runs. */
  readonly baseYears: number;
  /** Factors in file order (the order of the columns in runs.csv). */
  readonly factors: readonly Factor[];
  readonly design: DesignSpec;
  readonly replications: { readonly count: number; readonly seed: number };
  readonly outputs: {
    /** Metrics of years.csv, or null when years.csv is not written. */
    readonly years: readonly MetricName[] | null;
    /** Per-run summary metrics and years, or null. */
    readonly summary: { readonly metrics: readonly MetricName[]; readonly years: readonly SummaryYear[] } | null;
  };
}

/** How a base scenario given as a file path is read: its parsed JSON, or the problems. */
export type BaseLoader = (path: string) => Result<unknown>;

/** Options of {@link parseExperiment}. */
export interface ParseExperimentOptions {
  /** Reads a base scenario given as a path (relative to the experiment file). */
  loadBase?: BaseLoader;
}

/**
 * Validates a parsed JSON value as an experiment: the schema, the base scenario, every
 * factor path and value against the scenario schema (by applying it with setPath to the
 * base with its defaults filled in, as every run does), and the fit of factors to the design. Never throws on bad input: problems
 * come back with the field path, the bad value and what is allowed.
 */
export function parseExperiment(input: unknown, options: ParseExperimentOptions = {}): Result<Experiment> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return fail([{ path: '', message: `an experiment must be a JSON object, not ${show(input)}` }]);
  const shape = checkInputShape(input);
  if (shape.length > 0) return fail(shape);
  const r = experimentSchema.safeParse(input, { reportInput: true });
  if (!r.success) {
    const precise = factorFormProblems((input as Record<string, unknown>).factors);
    const rest = issuesToProblems(experimentSchema, r.error.issues).filter(
      (p) => !precise.some((q) => p.path === q.path || p.path.startsWith(`${q.path}.`) || q.path.startsWith(`${p.path}.`)),
    );
    return fail([...precise.map((p) => ({ path: p.path, message: p.message })), ...rest]);
  }
  const file = r.data;

  const base = resolveBase(file, options);
  if (!base.ok) return base;
  const parsedBase = parseScenario(base.value);
  if (!parsedBase.ok) return fail(parsedBase.problems.map((p) => ({ path: p.path ? `base.${p.path}` : 'base', message: p.message })));

  const problems: Problem[] = [];
  const factors: Factor[] = Object.entries(file.factors).map(([path, spec]) => ({ path, spec, kind: factorKind(spec) }));
  // Factors apply to the base with its defaults filled in, as the runs do (planExperiment).
  const fullBase = parsedBase.value as unknown as Record<string, unknown>;
  for (const f of factors) problems.push(...checkFactor(f, fullBase, file.design));
  if (factors.length === 0 && file.design.type !== 'grid')
    problems.push({ path: 'factors', message: `no factors; a ${file.design.type} design needs at least one (leave design out for a plain ensemble of the base scenario)` });
  if (file.design.type === 'sobol' && factors.length > MAX_SOBOL_FACTORS)
    problems.push({ path: 'factors', message: `${factors.length} factors; a sobol design takes at most ${MAX_SOBOL_FACTORS}` });
  if (problems.length > 0) return fail(problems);

  const points = designSize(file.design, factors);
  const runs = points * file.replications.count;
  if (runs > MAX_RUNS)
    return fail([{ path: 'design', message: `${points} design points × ${file.replications.count} replications = ${runs} runs; at most ${MAX_RUNS} allowed` }]);

  const years = parsedBase.value.years;
  const yearsVaries = factors.some((f) => f.path === 'years');
  const summary = file.outputs.summary ?? null;
  if (summary && !yearsVaries) {
    summary.years.forEach((y, i) => {
      if (typeof y === 'number' && y >= years)
        problems.push({ path: `outputs.summary.years[${i}]`, message: `${y} is beyond the base scenario's ${years} years; expected 0–${years - 1} or "last"` });
    });
  }
  if (problems.length > 0) return fail(problems);

  const yearsOut = file.outputs.years;
  const { $schema: _ignored, ...baseData } = base.value;
  return {
    ok: true,
    value: {
      name: file.name,
      description: file.description,
      base: baseData,
      baseYears: years,
      factors,
      design: file.design,
      replications: file.replications,
      outputs: {
        years: yearsOut === false ? null : yearsOut === true ? METRIC_NAMES : (yearsOut.metrics as MetricName[]),
        summary: summary ? { metrics: summary.metrics as MetricName[], years: dedupe(summary.years) } : null,
      },
    },
  };
}

/**
 * For factors written as objects, the problems of the form their keys point to (a range
 * missing "steps", a uniform with three numbers), rather than the union's summary.
 */
function factorFormProblems(factors: unknown): Problem[] {
  if (typeof factors !== 'object' || factors === null || Array.isArray(factors)) return [];
  const out: Problem[] = [];
  for (const [path, spec] of Object.entries(factors)) {
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) continue;
    const key = Object.keys(spec).find((k) => Object.hasOwn(FACTOR_OBJECT_FORMS, k)) as keyof typeof FACTOR_OBJECT_FORMS | undefined;
    if (!key) continue;
    const form = FACTOR_OBJECT_FORMS[key];
    const r = form.safeParse(spec, { reportInput: true });
    if (r.success) continue;
    for (const p of issuesToProblems(form, r.error.issues))
      out.push({ path: p.path ? `factors.${path}.${p.path}` : `factors.${path}`, message: p.message });
  }
  return out;
}

function fail(problems: Problem[]): { ok: false; problems: Problem[] } {
  return { ok: false, problems };
}

function dedupe<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}

function resolveBase(file: ExperimentFile, options: ParseExperimentOptions): Result<Record<string, unknown>> {
  if (typeof file.base !== 'string') return { ok: true, value: file.base };
  if (!options.loadBase)
    return fail([{ path: 'base', message: `${show(file.base)} is a file path, but no file can be read here; give the scenario inline` }]);
  const loaded = options.loadBase(file.base);
  if (!loaded.ok) return fail(loaded.problems.map((p) => ({ path: p.path ? `base.${p.path}` : 'base', message: p.message })));
  const v = loaded.value;
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return fail([{ path: 'base', message: `${file.base} is not a scenario (a JSON object)` }]);
  return { ok: true, value: v as Record<string, unknown> };
}

function checkFactor(f: Factor, base: Record<string, unknown>, design: DesignSpec): Problem[] {
  const at = `factors.${f.path}`;
  if (f.path === 'seed' || f.path.startsWith('seed.'))
    return [{ path: at, message: 'the seed is set for each run by replications (count and master seed); it cannot be a factor' }];
  const dist = distributionProblem(f);
  if (dist) return [{ path: at, message: dist }];
  if (design.type === 'grid' && !isEnumerable(f))
    return [{ path: at, message: `a ${f.kind} distribution needs a sampling design (latin-hypercube, morris, sobol); a grid takes a list of values or {"from", "to", "steps"}` }];
  if (design.type === 'morris' && !isBounded(f))
    return [{ path: at, message: 'a normal distribution has no bounds; a morris design needs bounded factors (a list, a range, uniform, loguniform, triangular or integer)' }];
  const probes = probeValues(f);
  // An interior draw too, so that e.g. a continuous distribution on an integer field is caught.
  if (!isEnumerable(f)) probes.push(factorQuantile(f, 1 / 3));
  for (const value of probes) {
    const applied = setPath(base, f.path, value);
    if (!applied.ok) return [{ path: at, message: applied.problems.map((p) => p.message).join('; ') }];
    const parsed = parseScenario(applied.value);
    if (parsed.ok) continue;
    // The base is valid (checked before), so every problem is this factor's (an unknown path,
    // a bad value, or a list element that makes its list invalid): exactly what a run rejects.
    return parsed.problems.map((p) => {
      if (p.message.startsWith('unknown field'))
        return { path: at, message: `${p.path} is not a scenario field: ${p.message}` };
      const where = p.path.replace(/\[(\d+)\]/g, '.$1') === f.path ? '' : ` (${p.path})`;
      return { path: at, message: `value ${show(value)}${where}: ${p.message}` };
    });
  }
  return [];
}
