import type { Scenario } from './params/schema.ts';
import { createWorld } from './create-world.ts';
import { METRIC_COUNT, METRIC_NAMES, type MetricName } from './metrics.ts';
import { recordPhase } from './phases/record.ts';
import { spinUp } from './spin-up.ts';
import { stepYear } from './step.ts';
import type { Firms, Partnerships, Reasons, Schools, World } from './state.ts';
import type { WorldArena } from './world-arena.ts';
import { yearlyScenarios } from './yearly-overrides.ts';

/** Options of a run. */
export interface SimulateOptions {
  /** Seed of the run; defaults to the scenario's `seed`. */
  seed?: number;
  /** Number of years; defaults to the scenario's `years`. */
  years?: number;
  /** Keep every year's partnership network (for the network view). */
  network?: boolean;
  /**
   * Take the world's arrays from this arena (see {@link WorldArena}): faster for one run
   * after another in a thread, but the result's `snapshot` is then valid only until the
   * next run with the same arena starts.
   */
  arena?: WorldArena;
}

/** Per-year metrics as columns: `metrics.mean_depth[i]` is the value in year `year[i]`. */
export type MetricColumns = Record<MetricName, Float64Array>;

/**
 * The partnerships of each year: `edges[i]` lists (firm, school, depth + 8·basis)
 * triples of the partnerships active at the end of year i.
 */
export interface NetworkHistory {
  edges: Int32Array[];
}

/** The final state, per-agent arrays, for inspection (see {@link explainDecision}). */
export interface Snapshot {
  schools: Schools;
  firms: Firms;
  partnerships: Partnerships;
  reasons: Reasons;
  cheapLabour: Float64Array;
}

/** What {@link simulate} returns. */
export interface SimulationResult {
  seed: number;
  /** Year numbers, 0 … years−1. */
  year: Int32Array;
  /** Each metric's column: a view of its years in {@link SimulationResult.values}. */
  metrics: MetricColumns;
  /**
   * Every metric of every year in one buffer, column-major: metric i (in METRIC_NAMES
   * order) of year y is `values[i * years + y]`. Runners send this buffer across threads
   * as it is; read it with the accessors of `runner/run-metrics.ts`.
   */
  values: Float64Array;
  /** Metrics of the state year 0 starts from: the last spin-up year, or the seeded state without spin-up (what year-0 lever expressions see). */
  initial: Record<MetricName, number>;
  snapshot: Snapshot;
  network?: NetworkHistory;
}

/** A run advanced one year at a time (for step-by-step use in class). */
export interface Simulation {
  readonly world: World;
  readonly seed: number;
  /** Number of years already simulated. */
  readonly yearsDone: number;
  /** Simulates the next year and returns its metrics row (METRICS order; the array is reused). */
  step(): Float64Array;
  /** The partnerships active now, as (firm, school, depth + 8·basis) triples. */
  edges(): Int32Array;
  snapshot(): Snapshot;
}

/** Starts a run of `scenario` that can be stepped year by year (after its `spinUpYears`, which are not reported). */
export function createSimulation(scenario: Scenario, options: { seed?: number; arena?: WorldArena } = {}): Simulation {
  const seed = options.seed ?? scenario.seed;
  const world = createWorld(scenario, seed, options.arena);
  const row = new Float64Array(METRIC_COUNT);
  recordPhase(world, row);
  spinUp(world, row);
  // Colleges' and firms' scheduled decisions (scenario.yearly) take effect year by year; without them the scenario never changes.
  const yearly = yearlyScenarios(world.scenario);
  let yearsDone = 0;
  return {
    world,
    seed,
    get yearsDone() {
      return yearsDone;
    },
    step() {
      if (yearly) world.scenario = yearly(yearsDone, world.scenario);
      stepYear(world, row);
      yearsDone++;
      return row;
    },
    edges: () => currentEdges(world),
    snapshot: () => ({
      schools: world.schools,
      firms: world.firms,
      partnerships: world.partnerships,
      reasons: world.reasons,
      cheapLabour: world.labour.cheapLabour,
    }),
  };
}

function currentEdges(w: World): Int32Array {
  const P = w.partnerships;
  let n = 0;
  for (let p = 0; p < P.school.length; p++) if (P.school[p] >= 0) n++;
  const out = new Int32Array(3 * n);
  let i = 0;
  for (let p = 0; p < P.school.length; p++) {
    if (P.school[p] < 0) continue;
    out[i++] = Math.floor(p / P.perFirm);
    out[i++] = P.school[p];
    out[i++] = P.depth[p] + 8 * P.basis[p];
  }
  return out;
}

/**
 * Runs a scenario: one seeded, deterministic simulation. Same scenario and seed give
 * byte-identical metrics on every platform.
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  const years = options.years ?? scenario.years;
  const sim = createSimulation(scenario, options);
  const initial = { ...sim.world.lastMetrics } as Record<MetricName, number>;
  const values = new Float64Array(METRIC_COUNT * years);
  // Views, one per metric, in METRIC_NAMES order: a year's row goes down the columns.
  const cols = METRIC_NAMES.map((_, i) => values.subarray(i * years, (i + 1) * years));
  const columns = {} as MetricColumns;
  METRIC_NAMES.forEach((name, i) => (columns[name] = cols[i]));
  const yearCol = new Int32Array(years);
  const edges: Int32Array[] = [];
  for (let y = 0; y < years; y++) {
    const row = sim.step();
    yearCol[y] = y;
    for (let i = 0; i < METRIC_COUNT; i++) cols[i][y] = row[i];
    if (options.network) edges.push(sim.edges());
  }
  const result: SimulationResult = { seed: sim.seed, year: yearCol, metrics: columns, values, initial, snapshot: sim.snapshot() };
  if (options.network) result.network = { edges };
  return result;
}
