import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pairedEffect } from '../analysis/paired-effect.ts';
import { csvLine, formatCell } from '../experiment/sweep/sweep-rows.ts';
import { VERSION } from '../version.ts';
import { candidateFigures, paretoSet, type CandidateFigures } from './candidate-figures.ts';
import { frontSvg } from './front-svg.ts';
import { writeAtomic, type EvaluationRecord, type OptimizationState } from './optimization-state.ts';
import type { Goal } from './parse-goal.ts';
import { candidateScenario } from './score-candidate.ts';
import { summaryText } from './summary-text.ts';

/** The files of an optimisation folder. */
export const OPTIMIZE_FILES = {
  evaluations: 'evaluations.csv',
  pareto: 'pareto.csv',
  front: 'front.svg',
  summary: 'summary.txt',
  manifest: 'manifest.json',
  state: 'state.json',
  /** Folder of scenario files, one per Pareto mix. */
  mixes: 'mixes',
} as const;

/**
 * The scenario file of a Pareto mix: the goal's base with the mix's levers, run for the
 * goal's years, so `coopsim run FILE --seed S` (or any command that takes a scenario)
 * gives exactly the runs the search made.
 */
export function mixScenario(goal: Goal, record: EvaluationRecord): Record<string, unknown> {
  const s = candidateScenario(goal, record.x);
  const sources = { ...((s.sources as Record<string, string> | undefined) ?? {}) };
  for (const lever of goal.levers) sources[lever.path] = `coopsim optimize: goal "${goal.name}", candidate ${record.id}`;
  return {
    ...s,
    name: `${goal.name}: candidate ${record.id}`,
    description: `A mix on the front of the goal "${goal.name}" (candidate ${record.id} of generation ${record.generation}).`,
    years: goal.years,
    sources,
  };
}

/** What the files need besides the goal and the state. */
export interface FileContext {
  hash: string;
  seeds: readonly number[];
  goalFile: string | null;
  complete: boolean;
}

function header(goal: Goal, effects: boolean): string[] {
  const cols = ['candidate', 'generation', ...goal.levers.flatMap((l) => l.columns)];
  for (const o of goal.objectives) {
    cols.push(o.name, `${o.name}_mean`, `${o.name}_p5`, `${o.name}_p95`);
    if (effects) cols.push(`${o.name}_effect`, `${o.name}_effect_lo`, `${o.name}_effect_hi`);
  }
  for (const c of goal.constraints) cols.push(c.name, `${c.name}_margin`);
  cols.push('violation', 'feasible');
  return cols;
}

function row(goal: Goal, f: CandidateFigures, base: number[][] | null): string {
  const cells: unknown[] = [f.record.id, f.record.generation, ...f.levers];
  goal.objectives.forEach((_, k) => {
    const o = f.objectives[k];
    cells.push(o.value, o.mean, o.p5, o.p95);
    if (base) {
      const e = pairedEffect(base[k], f.record.perSeed[k]);
      cells.push(e.difference, e.lo, e.hi);
    }
  });
  for (const c of f.constraints) cells.push(c.value, c.margin);
  cells.push(f.record.violation, f.feasible);
  return csvLine(cells.map(formatCell));
}

/** evaluations.csv: every candidate evaluated, in order. */
export function evaluationsCsv(goal: Goal, state: OptimizationState): string {
  return csvLine(header(goal, false)) + state.evaluations.map((r) => row(goal, candidateFigures(goal, r), null)).join('');
}

/** pareto.csv: the Pareto set, with each objective's effect against the base scenario (paired seeds; median and 90% interval). */
export function paretoCsv(goal: Goal, pareto: readonly CandidateFigures[], base: number[][]): string {
  return csvLine(header(goal, true)) + pareto.map((f) => row(goal, f, base)).join('');
}

function manifest(goal: Goal, state: OptimizationState, ctx: FileContext): string {
  const runs = (state.evaluations.length + 1) * goal.seeds * (goal.draws?.length ?? 1);
  // Only a goal with a posterior lists its parameter sets, so other manifests keep their bytes.
  const parameterSets = goal.draws ? { parameterSets: { posterior: goal.file.robustness.posterior, particles: goal.posteriorParticles, draws: goal.draws } } : {};
  const last = state.sessions[state.sessions.length - 1];
  return `${JSON.stringify(
    {
      coopsim: VERSION,
      goal: { name: goal.name, description: goal.description, hash: ctx.hash, file: ctx.goalFile },
      method: {
        name: 'NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002) with constraint domination',
        crossover: 'SBX, probability 0.9, distribution index 20',
        mutation: 'polynomial, probability 1/variables, distribution index 20',
        randomness: 'generation g draws from its own stream of the master seed',
      },
      levers: goal.file.levers,
      objectives: goal.file.objectives,
      constraints: goal.file.constraints,
      robustness: goal.robustness,
      years: goal.years,
      seeds: { count: goal.seeds, seed: goal.seed, seeds: [...ctx.seeds] },
      ...parameterSets,
      search: { population: goal.population, generations: goal.generations },
      status: ctx.complete ? 'complete' : 'running',
      generation: state.generation,
      evaluations: state.evaluations.length,
      runs,
      hypervolume: state.hypervolume,
      started: state.started,
      finished: ctx.complete ? (last?.finished ?? new Date().toISOString()) : null,
      sessions: state.sessions,
      files: Object.values(OPTIMIZE_FILES),
    },
    null,
    2,
  )}\n`;
}

/** Writes the files kept up to date during a search: evaluations.csv and manifest.json. */
export function writeProgressFiles(dir: string, goal: Goal, state: OptimizationState, ctx: FileContext): void {
  writeAtomic(join(dir, OPTIMIZE_FILES.evaluations), evaluationsCsv(goal, state));
  writeAtomic(join(dir, OPTIMIZE_FILES.manifest), manifest(goal, state, ctx));
}

/** Writes every file of a finished search. */
export function writeOptimizationFiles(dir: string, goal: Goal, state: OptimizationState, ctx: FileContext): void {
  const pareto = paretoSet(goal, state);
  writeAtomic(join(dir, OPTIMIZE_FILES.evaluations), evaluationsCsv(goal, state));
  writeAtomic(join(dir, OPTIMIZE_FILES.pareto), paretoCsv(goal, pareto, state.base));
  writeAtomic(join(dir, OPTIMIZE_FILES.front), frontSvg(goal, state, pareto));
  writeAtomic(join(dir, OPTIMIZE_FILES.summary), summaryText(goal, state, pareto));
  mkdirSync(join(dir, OPTIMIZE_FILES.mixes), { recursive: true });
  for (const p of pareto)
    writeAtomic(join(dir, OPTIMIZE_FILES.mixes, `candidate-${p.record.id}.json`), `${JSON.stringify(mixScenario(goal, p.record), null, 2)}\n`);
  writeAtomic(join(dir, OPTIMIZE_FILES.manifest), manifest(goal, state, ctx));
}
