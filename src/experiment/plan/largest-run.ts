import { planExperiment } from './experiment-plan.ts';
import { parseScenario } from '../../scenario/parse.ts';
import type { Experiment } from '../parse/parse-experiment.ts';
import type { Scenario } from '../../model/params/schema.ts';
import { LARGE_RUN_FIRM_YEARS, largeRunMessage } from '../../scenario/work-size.ts';

/** Fields that set a run's size. */
const SIZE_PATHS = ['world.firms', 'world.maxPartnersPerFirm', 'years', 'world'];

/**
 * The large-run message of an experiment's largest run (by firm-years over its design points),
 * or null when every run is below {@link LARGE_RUN_FIRM_YEARS}.
 */
export function largestRunMessage(experiment: Experiment): string | null {
  const base = parseScenario(experiment.base);
  if (!base.ok) return null;
  const sized = experiment.factors.some((f) => SIZE_PATHS.includes(f.path));
  if (!sized) return largeRunMessage(base.value);
  const plan = planExperiment(experiment);
  let largest: Pick<Scenario, 'world' | 'years'> = base.value;
  for (let p = 0; p < plan.pointCount; p++) {
    const data = plan.scenarioOf(p) as { world?: Partial<Scenario['world']>; years?: number };
    const run = { world: { ...base.value.world, ...data.world }, years: data.years ?? base.value.years };
    if (run.world.firms * run.years > largest.world.firms * largest.years) largest = run;
  }
  return largeRunMessage(largest);
}
