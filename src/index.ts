/**
 * coopsim library API: validate scenarios, run the agent-based model, read its outputs.
 *
 * ```ts
 * import { parseScenario, simulate } from 'coopsim';
 * const s = parseScenario({ policy: { taxRelief: 0.3 } });
 * if (s.ok) console.log(simulate(s.value, { seed: 7 }).metrics.mean_depth);
 * ```
 */
export { parseScenario, parseScenarioText, formatProblems, type Problem, type Result } from './scenario/parse.ts';
export { scenarioSchema, LEVER_NAMES, LEVER_RANGE, type Scenario, type ScenarioInput, type LeverName } from './scenario/schema.ts';
export { setPath } from './scenario/set-path.ts';
export { compileExpression, ALLOWED_FUNCTIONS } from './scenario/expression.ts';
export {
  simulate,
  createSimulation,
  type SimulateOptions,
  type SimulationResult,
  type Simulation,
  type Snapshot,
  type MetricColumns,
  type NetworkHistory,
} from './model/simulate.ts';
export { METRICS, METRIC_NAMES, type MetricName } from './model/metrics.ts';
export { ITEMS, type Item } from './model/firm-payoff.ts';
export { explainDecision, type DecisionExplanation } from './model/explain-decision.ts';
export { PHASES } from './model/step.ts';
export { metricsToCsv, metricsToJson, YEAR_COLUMNS } from './output/metrics-table.ts';
export { VERSION } from './version.ts';
