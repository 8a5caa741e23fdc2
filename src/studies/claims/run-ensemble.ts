import type { Runner } from '../../runner/runner.ts';
import type { ScenarioInput } from '../../model/params/schema.ts';
import type { MetricName } from '../../model/metrics.ts';
import { metricOf } from '../../runner/run-metrics.ts';

/** Every seed's yearly metrics of a set of scenarios run on the same seeds. */
export interface Ensemble {
  seeds: readonly number[];
  /** Years simulated per scenario. */
  years: Readonly<Record<string, number>>;
  /** values[scenario][seedIndex]: a run's metric values as a RunOutput holds them (read with ensembleValue). */
  values: Readonly<Record<string, readonly Float64Array[]>>;
}

/** Reads one metric of an ensemble (NaN when the year is beyond the run). */
export function ensembleValue(e: Ensemble, scenario: string, seedIndex: number, year: number, metric: MetricName): number {
  const runs = e.values[scenario];
  if (!runs) throw new Error(`scenario ${JSON.stringify(scenario)} was not run`);
  if (year >= e.years[scenario]) return NaN;
  return metricOf({ years: e.years[scenario], values: runs[seedIndex] }, metric, year);
}

/** The seeds 1…n. */
export function seedList(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

/**
 * Runs every scenario with every seed on `runner` (all at once, so a pool keeps its
 * workers busy) and collects the results by scenario and seed.
 */
export async function runEnsemble(
  runner: Runner,
  scenarios: Readonly<Record<string, ScenarioInput>>,
  seeds: readonly number[],
  onRun?: () => void,
): Promise<Ensemble> {
  const names = Object.keys(scenarios);
  const values: Record<string, Float64Array[]> = {};
  const years: Record<string, number> = {};
  await Promise.all(
    names.flatMap((name) => {
      values[name] = new Array(seeds.length);
      return seeds.map(async (seed, i) => {
        const out = await runner.run({ scenario: scenarios[name], seed });
        values[name][i] = out.values;
        years[name] = out.years;
        onRun?.();
      });
    }),
  );
  return { seeds, years, values };
}
