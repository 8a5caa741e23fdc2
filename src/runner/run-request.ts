import type { ScenarioInput } from '../model/params/schema.ts';

/** One run to do: plain data, so it can cross to a worker thread. */
export interface RunRequest {
  /** Scenario as data (validated again where it runs). */
  scenario: ScenarioInput;
  seed: number;
  /** Override of the scenario's years. */
  years?: number;
  /** Also return every year's partnership network. */
  network?: boolean;
}

/** What a run sends back: compact typed arrays, cheap to copy between threads. */
export interface RunOutput {
  seed: number;
  years: number;
  /** Metrics, column-major as the model writes them: values[metricIndex * years + year]; read them with the accessors of run-metrics.ts. */
  values: Float64Array;
  /** Metrics of the initial state, METRIC_COUNT values. */
  initial: Float64Array;
  /** Per year (firm, school, depth + 8·basis) triples, when requested. */
  network?: Int32Array[];
}
