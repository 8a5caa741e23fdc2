import { deriveSeed } from '../../model/rng.ts';
import type { RunRequest } from '../../runner/run-request.ts';
import { buildDesign, type Design } from '../design/build-design.ts';
import type { Experiment } from '../parse/parse-experiment.ts';
import { formatProblems, parseScenario } from '../../scenario/parse.ts';
import { setPath } from '../../scenario/set-path.ts';

/** Which runs of an experiment a process does: run_id % count === index. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Where a run sits in the experiment: its design point, replicate and seed. */
export interface RunCoordinates {
  readonly runId: number;
  readonly point: number;
  readonly replicate: number;
  readonly seed: number;
}

/**
 * The runs of an experiment: run_id = point × replications + replicate, every point run
 * with the same seeds deriveSeed(master, replicate). Builds each point's scenario on
 * demand (the last one is cached, as its replicates run one after another).
 */
export interface ExperimentPlan {
  readonly experiment: Experiment;
  readonly design: Design;
  /** Seed of each replicate. */
  readonly seeds: readonly number[];
  readonly pointCount: number;
  readonly runCount: number;
  coordinates(runId: number): RunCoordinates;
  /** The scenario (as data) of a design point. */
  scenarioOf(point: number): Record<string, unknown>;
  /** Years a design point runs (the base's, unless years is a factor). */
  yearsOf(point: number): number;
  /** The request for a run, ready to send to a runner. */
  request(runId: number): RunRequest;
  /** The run ids of a shard (all runs without one), ascending. */
  runIds(shard?: Shard | null): number[];
}

/** Builds the plan of an experiment: its design points, seeds and run numbering. */
export function planExperiment(experiment: Experiment): ExperimentPlan {
  const design = buildDesign(experiment.design, experiment.factors, experiment.replications.seed);
  const reps = experiment.replications.count;
  const seeds = Array.from({ length: reps }, (_, r) => deriveSeed(experiment.replications.seed, r));
  const pointCount = design.points.length;
  const runCount = pointCount * reps;
  const yearsFactor = experiment.factors.findIndex((f) => f.path === 'years');
  // Factors apply to the base with its defaults filled in, so that any path the schema has
  // (e.g. economics.interns.0) can be a factor, not only the paths the base file writes out.
  const parsedBase = parseScenario(experiment.base);
  if (!parsedBase.ok) throw new Error(`the base scenario is not valid: ${formatProblems(parsedBase.problems)}`);
  const fullBase = parsedBase.value as unknown as Record<string, unknown>;
  let cachedPoint = -1;
  let cached: Record<string, unknown> = {};

  const scenarioOf = (point: number): Record<string, unknown> => {
    if (point === cachedPoint) return cached;
    let data: Record<string, unknown> = fullBase;
    experiment.factors.forEach((f, i) => {
      const r = setPath(data, f.path, design.points[point][i]);
      if (!r.ok) throw new Error(`design point ${point}: cannot set ${f.path}: ${r.problems.map((p) => p.message).join('; ')}`);
      data = r.value;
    });
    cachedPoint = point;
    cached = data;
    return data;
  };

  const coordinates = (runId: number): RunCoordinates => {
    if (!Number.isInteger(runId) || runId < 0 || runId >= runCount) throw new RangeError(`run ${runId} does not exist; runs are 0–${runCount - 1}`);
    const point = Math.floor(runId / reps);
    const replicate = runId - point * reps;
    return { runId, point, replicate, seed: seeds[replicate] };
  };

  return {
    experiment,
    design,
    seeds,
    pointCount,
    runCount,
    coordinates,
    scenarioOf,
    yearsOf(point) {
      if (yearsFactor < 0) return experiment.baseYears;
      return Number(design.points[point][yearsFactor]);
    },
    request(runId) {
      const c = coordinates(runId);
      return { scenario: scenarioOf(c.point), seed: c.seed };
    },
    runIds(shard) {
      const ids: number[] = [];
      const start = shard ? shard.index : 0;
      const step = shard ? shard.count : 1;
      for (let id = start; id < runCount; id += step) ids.push(id);
      return ids;
    },
  };
}
