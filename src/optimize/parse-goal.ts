import { applyDraw, drawPosterior, type Posterior, type PosteriorDraw } from '../analysis/posterior.ts';
import { METRIC_NAMES } from '../model/metrics.ts';
import { compileExpression, type CompiledExpression } from '../model/params/expression.ts';
import { show } from '../model/params/fields.ts';
import { issuesToProblems, parseScenario, type Problem, type Result } from '../scenario/parse.ts';
import { setPath } from '../scenario/set-path.ts';
import { goalSchema, type GoalFile, type Robustness } from './goal-schema.ts';

/** A lever of a validated goal, with the decision variables it takes. */
export interface GoalLever {
  readonly path: string;
  readonly kind: 'constant' | 'timed';
  /** Round the value (constant levers) to a whole number. */
  readonly integer: boolean;
  /** Columns in the output files: the path, or path.startYear and path.level. */
  readonly columns: readonly string[];
  /** Bounds of its variables, in column order. */
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

/** An output measure: an expression of one year's outputs, at a year or summed up to it. */
export interface GoalMeasure {
  readonly name: string;
  readonly source: string;
  readonly expression: CompiledExpression;
  readonly year: number;
  readonly cumulative: boolean;
}

/** An objective: a measure and its direction. */
export interface GoalObjective extends GoalMeasure {
  readonly sense: 'minimise' | 'maximise';
}

/** A constraint: a measure and its bound. */
export interface GoalConstraint extends GoalMeasure {
  readonly bound: number;
  readonly side: 'atLeast' | 'atMost';
}

/** A validated goal with its base scenario resolved. */
export interface Goal {
  readonly name: string;
  readonly description: string;
  /** The base scenario as data, without `$schema`. */
  readonly base: Readonly<Record<string, unknown>>;
  readonly levers: readonly GoalLever[];
  readonly objectives: readonly GoalObjective[];
  readonly constraints: readonly GoalConstraint[];
  readonly robustness: Robustness;
  readonly seeds: number;
  readonly seed: number;
  readonly population: number;
  readonly generations: number;
  /** Years each run simulates: up to the latest year any measure reads. */
  readonly years: number;
  /** Parameter sets every candidate runs each seed with (robustness.posterior), or null: parameters as the scenario has them. */
  readonly draws: readonly PosteriorDraw[] | null;
  /** Particles of the posterior the sets were drawn from (0 without one). */
  readonly posteriorParticles: number;
  /** The file as validated (defaults filled in), for the goal's hash. */
  readonly file: GoalFile;
}

/** How a base scenario given as a path is read. */
export type GoalBaseLoader = (path: string) => Result<unknown>;

/** How a posterior given as a path (robustness.posterior) is read. */
export type GoalPosteriorLoader = (path: string) => Result<Posterior>;

/** Default parameter sets per candidate when a posterior is given (assumption: as many as the default seeds, 8). */
export const DEFAULT_GOAL_DRAWS = 8;

/**
 * Validates a parsed JSON value as a goal: the schema, the base scenario, every lever
 * path (by setting its lowest and highest value on the base and validating the scenario),
 * every output expression, and the years. Never throws on bad input: problems come back
 * with their field paths.
 */
export function parseGoal(input: unknown, loadBase?: GoalBaseLoader, loadPosterior?: GoalPosteriorLoader): Result<Goal> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return fail([{ path: '', message: `a goal must be a JSON object, not ${show(input)}` }]);
  const r = goalSchema.safeParse(input, { reportInput: true });
  if (!r.success) return fail(issuesToProblems(goalSchema, r.error.issues));
  const file = r.data;

  let base: Record<string, unknown>;
  if (typeof file.base === 'string') {
    if (!loadBase) return fail([{ path: 'base', message: 'a base scenario path needs a file to be relative to; give the scenario inline' }]);
    const loaded = loadBase(file.base);
    if (!loaded.ok) return fail(loaded.problems.map((p) => ({ path: p.path ? `base.${p.path}` : 'base', message: p.message })));
    if (typeof loaded.value !== 'object' || loaded.value === null || Array.isArray(loaded.value))
      return fail([{ path: 'base', message: `${file.base} does not hold a scenario object` }]);
    base = { ...(loaded.value as Record<string, unknown>) };
  } else base = { ...file.base };
  delete base.$schema;
  const parsedBase = parseScenario(base);
  if (!parsedBase.ok) return fail(parsedBase.problems.map((p) => ({ path: p.path ? `base.${p.path}` : 'base', message: p.message })));

  const problems: Problem[] = [];
  const levers: GoalLever[] = [];
  const seen = new Set<string>();
  file.levers.forEach((spec, i) => {
    const at = `levers[${i}]`;
    if (seen.has(spec.path)) problems.push({ path: `${at}.path`, message: `${show(spec.path)} is searched twice; name each field once` });
    seen.add(spec.path);
    const lever: GoalLever =
      'range' in spec
        ? { path: spec.path, kind: 'constant', integer: spec.integer, columns: [spec.path], lower: [spec.range[0]], upper: [spec.range[1]] }
        : {
            path: spec.path,
            kind: 'timed',
            integer: false,
            columns: [`${spec.path}.startYear`, `${spec.path}.level`],
            lower: [spec.startYear[0], spec.level[0]],
            upper: [spec.startYear[1], spec.level[1]],
          };
    if (lever.kind === 'timed' && (lever.lower[0] < 0 || !Number.isInteger(lever.lower[0]) || !Number.isInteger(lever.upper[0])))
      problems.push({ path: `${at}.startYear`, message: `${show([lever.lower[0], lever.upper[0]])}: expected whole years ≥ 0` });
    for (const corner of [lever.lower, lever.upper]) {
      const set = setPath(base, lever.path, leverValue(lever, corner));
      const checked = set.ok ? parseScenario(set.value) : set;
      if (!checked.ok) {
        for (const p of checked.problems)
          problems.push({ path: `${at}.${'range' in spec ? 'range' : 'level'}`, message: `${p.path ? `${p.path}: ` : ''}${p.message}` });
        break;
      }
    }
    levers.push(lever);
  });

  const names = new Set<string>();
  let lastYear = 0;
  const measure = (spec: GoalFile['objectives'][number] | GoalFile['constraints'][number], at: string): GoalMeasure | null => {
    if (names.has(spec.name)) problems.push({ path: `${at}.name`, message: `${show(spec.name)} is used twice; give each objective and constraint its own name` });
    names.add(spec.name);
    const compiled = compileExpression(spec.of, METRIC_NAMES);
    if (!compiled.ok) {
      problems.push({ path: `${at}.of`, message: `${show(spec.of)}: ${compiled.error}` });
      return null;
    }
    if ((spec.year === undefined) === (spec.cumulativeTo === undefined)) {
      problems.push({ path: at, message: 'give either "year" (the value in that year) or "cumulativeTo" (the sum from year 0 to that year), not both or neither' });
      return null;
    }
    const year = (spec.year ?? spec.cumulativeTo) as number;
    lastYear = Math.max(lastYear, year);
    return { name: spec.name, source: spec.of, expression: compiled.value, year, cumulative: spec.cumulativeTo !== undefined };
  };
  const objectives: GoalObjective[] = [];
  file.objectives.forEach((spec, i) => {
    const m = measure(spec, `objectives[${i}]`);
    if (m) objectives.push({ ...m, sense: spec.sense });
  });
  const constraints: GoalConstraint[] = [];
  file.constraints.forEach((spec, i) => {
    const at = `constraints[${i}]`;
    const m = measure(spec, at);
    if ((spec.atLeast === undefined) === (spec.atMost === undefined)) {
      problems.push({ path: at, message: 'give either "atLeast" or "atMost", not both or neither' });
      return;
    }
    if (m) constraints.push({ ...m, side: spec.atLeast !== undefined ? 'atLeast' : 'atMost', bound: (spec.atLeast ?? spec.atMost) as number });
  });
  const { draws, particles } = goalDraws(file, base, loadPosterior, problems);
  if (problems.length > 0) return fail(problems);

  return {
    ok: true,
    value: {
      name: file.name,
      description: file.description,
      base,
      levers,
      objectives,
      constraints,
      robustness: file.robustness,
      seeds: file.seeds,
      seed: file.seed,
      population: file.search.population,
      generations: file.search.generations,
      years: lastYear + 1,
      draws,
      posteriorParticles: particles,
      file,
    },
  };
}

/** The parameter sets of robustness.posterior, each checked on the base scenario. */
function goalDraws(file: GoalFile, base: Record<string, unknown>, load: GoalPosteriorLoader | undefined, problems: Problem[]): { draws: PosteriorDraw[] | null; particles: number } {
  const r = file.robustness;
  if (r.posterior === undefined) {
    if (r.draws !== undefined) problems.push({ path: 'robustness.draws', message: 'parameter sets need a posterior; add "posterior": FILE or leave out "draws"' });
    return { draws: null, particles: 0 };
  }
  if (!load) {
    problems.push({ path: 'robustness.posterior', message: 'a posterior path needs a goal file to be relative to; run the goal from a file' });
    return { draws: null, particles: 0 };
  }
  const loaded = load(r.posterior);
  if (!loaded.ok) {
    problems.push(...loaded.problems.map((p) => ({ path: 'robustness.posterior', message: p.message })));
    return { draws: null, particles: 0 };
  }
  const draws = drawPosterior(loaded.value, r.draws ?? DEFAULT_GOAL_DRAWS, file.seed);
  const checked = parseScenario(applyDraw(base, draws[0]));
  if (!checked.ok)
    problems.push(...checked.problems.map((p) => ({ path: 'robustness.posterior', message: `${r.posterior}: a drawn parameter set does not fit the base scenario: ${p.path ? `${p.path}: ` : ''}${p.message}` })));
  return { draws, particles: loaded.value.theta.length };
}

/** The value a lever's variables give its scenario field: a number, or steps from the start year. */
export function leverValue(lever: GoalLever, vars: readonly number[]): unknown {
  if (lever.kind === 'timed') return [{ from: Math.round(vars[0]), value: vars[1] }];
  return lever.integer ? Math.round(vars[0]) : vars[0];
}

function fail<T>(problems: Problem[]): Result<T> {
  return { ok: false, problems };
}
