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
export { scenarioSchema, LEVER_NAMES, LEVER_RANGE, type Scenario, type ScenarioInput, type LeverName } from './model/params/schema.ts';
export { setPath } from './scenario/set-path.ts';
export { compileExpression, ALLOWED_FUNCTIONS } from './model/params/expression.ts';
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
export { createWorldArena, type WorldArena } from './model/world-arena.ts';
export { METRICS, METRIC_NAMES, type MetricName } from './model/metrics.ts';
export { ITEMS, type Item } from './model/firm-payoff.ts';
export { explainDecision, type DecisionExplanation } from './model/explain-decision.ts';
export { PHASES } from './model/step.ts';
export { metricsToCsv, metricsToJson, YEAR_COLUMNS } from './runner/metrics-table.ts';
export { VERSION } from './version.ts';
export { parseExperiment, type Experiment, type SummaryYear } from './experiment/parse/parse-experiment.ts';
export { readExperimentFile } from './experiment/parse/read-experiment-file.ts';
export { experimentSchema, DESIGN_TYPES, type ExperimentInput, type DesignType } from './experiment/schema/experiment-schema.ts';
export { planExperiment, type ExperimentPlan, type Shard } from './experiment/plan/experiment-plan.ts';
export {
  runExperiment,
  ExperimentAbortedError,
  type RunExperimentOptions,
  type ExperimentResult,
  type ExperimentRun,
  type ExperimentProgress,
  type ExperimentTables,
} from './experiment/run/run-experiment.ts';
export { createWorkerPool, type WorkerPool, type RunApi } from './runner/worker-pool.ts';
export type { WorkerPoolOptions, AbortMode } from './runner/worker-pool-options.ts';
export type { CallOptions, MethodName, MethodArgs, MethodResult } from './runner/call-options.ts';
export { createPoolWorker, type PoolWorker, type WorkerFactory } from './runner/pool-worker.ts';
export { WorkerDiedError } from './runner/worker-died-error.ts';
export { WorkersUnavailableError } from './runner/workers-unavailable-error.ts';
export { createNodeWorkerPool } from './runner/node-pool.ts';
export { mergeSweeps } from './experiment/merge/merge-sweeps.ts';
export type { SweepManifest, RunFailure } from './experiment/sweep/sweep-manifest.ts';
export {
  analyzeSensitivity,
  type SensitivityReport,
  type SensitivityOptions,
  type RunSummary,
  type MorrisRow,
  type SobolRow,
} from './experiment/sensitivity/analyze-sensitivity.ts';
export { sensitivityToCsv, formatSensitivityTable } from './experiment/sensitivity/format-sensitivity.ts';
export { readRunsCsv } from './experiment/sensitivity/read-runs-csv.ts';
export { calibrate, loadCalibration, type CalibrateOptions, type CalibrationResult } from './calibration/calibrate.ts';
export { CalibrationAbortedError, type AbcProgress, type Population, type StopReason } from './calibration/abc-types.ts';
export { calibrationSchema, type CalibrationInput } from './calibration/calibration-schema.ts';
export type { CalibrationSummary, ParameterSummary, TargetSummary } from './calibration/calibration-report.ts';
export {
  readPosterior,
  drawPosterior,
  applyDraw,
  posteriorStaleness,
  type Posterior,
  type PosteriorDraw,
  type PosteriorDocument,
} from './calibration/read-posterior.ts';
export {
  checkClaimsUnderPosterior,
  POSTERIOR_DRAWS,
  POSTERIOR_SEEDS,
  type PosteriorClaimsOptions,
  type PosteriorClaimsReport,
  type PosteriorClaim,
  type PosteriorCriterion,
  type PooledYear,
} from './studies/claims/claims-under-posterior.ts';
export {
  compareScenarios,
  compareRuns,
  type ComparedRun,
  COMPARISON_METRICS,
  DEFAULT_COMPARISON_METRICS,
  type CompareOptions,
  type ComparisonMetric,
  type ScenarioComparison,
  type MetricEffect,
  type CostEffect,
} from './analysis/compare-scenarios.ts';
export { pairedEffect, costPerExtra, type PairedEffect } from './analysis/paired-effect.ts';
export { ensembleBand, quantiles, type Band } from './analysis/quantiles.ts';
export { deriveSeed } from './model/rng.ts';
export { nsga2, selectSurvivors, makeOffspring, randomPopulation, generationRng, type Individual, type RankedIndividual, type Nsga2Options } from './optimize/nsga2.ts';
export { nondominatedSort, crowdingDistance, constrainedDominates, dominates, type Fitness } from './optimize/pareto-rank.ts';
export { hypervolume } from './optimize/hypervolume.ts';
export { goalSchema, goalJsonSchema, type GoalInput } from './optimize/goal-schema.ts';
export { parseGoal, type Goal } from './optimize/parse-goal.ts';
export { readGoalFile } from './optimize/read-goal-file.ts';
export { optimizeGoal, OptimizeAbortedError, OptimizeDirectoryError, type OptimizeOptions, type OptimizeProgress } from './optimize/optimize-goal.ts';
export { leverWedges, differingLevers, type Wedge, type LeverWedges } from './optimize/lever-wedges.ts';
export {
  checkClaims,
  judgeClaims,
  checkYears,
  signTest,
  CLAIM_SEEDS,
  type ClaimsReport,
  type ClaimReport,
  type CriterionReport,
  type CriterionYear,
  type CheckClaimsOptions,
  type Verdict,
} from './studies/claims/check-claims.ts';
export { CLAIMS, claimScenarios, type ClaimDefinition, type Criterion } from './studies/claims/claim-definitions.ts';
export { formatClaimsText, formatClaimsMarkdown } from './studies/claims/format-claims.ts';
export { runEnsemble, type Ensemble } from './studies/claims/run-ensemble.ts';
export { readScenarioDir, shippedScenarioDir } from './studies/claims/shipped-scenarios.ts';
export { assumedParameters, scaledValue, type AssumedParameter } from './studies/robustness/assumed-parameters.ts';
export { robustnessSweep, type RobustnessReport, type RobustnessOptions, type ParameterRobustness } from './studies/robustness/robustness-sweep.ts';
export { formatRobustnessMarkdown, formatRobustnessText, decidingAssumptions, type DecidingAssumption } from './studies/robustness/format-robustness.ts';
export { measurePulse, PULSE_SERIES, type PulseReport, type PulseSeries } from './studies/pulse/pulse-persistence.ts';
export { formatPulseMarkdown } from './studies/pulse/format-pulse.ts';
export { parameterRows, parameterTable, type ParameterRow } from './scenario/parameter-tables.ts';
export { gameFromScenario, type ScenarioGame, type DerivedTerm, type GameFromScenarioOptions } from './analysis/game/game-from-scenario.ts';
export { leverThreshold, leverThresholds, THRESHOLD_LEVERS, type LeverThreshold, type ThresholdLever } from './analysis/game/lever-thresholds.ts';
export { compareGameWithModel, type GameVsModel } from './analysis/game/game-vs-model.ts';
export { leverResponse, type LeverResponse } from './analysis/game/lever-response.ts';
