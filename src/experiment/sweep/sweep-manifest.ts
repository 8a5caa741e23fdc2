import type { ExperimentPlan, Shard } from '../plan/experiment-plan.ts';
import type { FactorSpec } from '../schema/experiment-schema.ts';
import { VERSION } from '../../version.ts';
import { SWEEP_FILES, summaryColumns } from './sweep-rows.ts';

/** A run that failed: its coordinates and error. */
export interface RunFailure {
  run_id: number;
  point: number;
  replicate: number;
  seed: number;
  error: string;
}

/** One invocation of sweep on a directory (a fresh start or a resume). */
export interface SweepSession {
  started: string;
  finished: string | null;
  workers: number;
  /** Runs this session finished (successes and failures). */
  ran: number;
}

/** manifest.json of a sweep directory: what was run, by which version, and how it went. */
export interface SweepManifest {
  coopsim: string;
  experiment: { name: string; description: string; hash: string; file: string | null };
  /** Where and how the sweep was started: Node version, platform, processor architecture and the command line (process.argv after node). */
  environment?: { node: string; platform: string; arch: string; command: string[] };
  design: Record<string, unknown> & { type: string; points: number };
  factors: { path: string; spec: FactorSpec }[];
  replications: { count: number; seed: number; seeds: number[] };
  outputs: { years: string[] | null; summary: string[] };
  shard: Shard | null;
  runs: {
    /** Runs of the whole experiment. */
    total: number;
    /** Runs this directory is for (its shard's, or all). */
    planned: number;
    done: number;
    failed: number;
  };
  /** `interrupted`: a session stopped on an error of the folder (see {@link SweepManifest.interrupted}). */
  status: 'running' | 'complete' | 'incomplete' | 'interrupted';
  /** Why the last session stopped early, when it did on an error of the folder (a full disk). */
  interrupted?: { at: string; reason: string };
  started: string;
  finished: string | null;
  sessions: SweepSession[];
  files: { runs: string; years: string | null; failures: string };
  failures: RunFailure[];
}

/** Most failures listed in a manifest (failures.csv has them all). */
export const MANIFEST_FAILURE_LIMIT = 1000;

/** The manifest of a sweep that is starting. */
export function newManifest(plan: ExperimentPlan, hash: string, shard: Shard | null, file: string | null, now: Date, workers: number): SweepManifest {
  const e = plan.experiment;
  return {
    coopsim: VERSION,
    experiment: { name: e.name, description: e.description, hash, file },
    environment: { node: process.version, platform: process.platform, arch: process.arch, command: process.argv.slice(1) },
    design: { ...e.design, points: plan.pointCount },
    factors: e.factors.map((f) => ({ path: f.path, spec: f.spec })),
    replications: { count: e.replications.count, seed: e.replications.seed, seeds: [...plan.seeds] },
    outputs: { years: e.outputs.years ? [...e.outputs.years] : null, summary: summaryColumns(e).map((c) => c.name) },
    shard,
    runs: { total: plan.runCount, planned: plan.runIds(shard).length, done: 0, failed: 0 },
    status: 'running',
    started: now.toISOString(),
    finished: null,
    sessions: [{ started: now.toISOString(), finished: null, workers, ran: 0 }],
    files: { runs: SWEEP_FILES.runs, years: e.outputs.years ? SWEEP_FILES.years : null, failures: SWEEP_FILES.failures },
    failures: [],
  };
}
