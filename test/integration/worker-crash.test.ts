import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runExperiment } from '../../src/experiment/run/run-experiment.ts';
import { createInThreadRunner } from '../../src/runner/in-thread-runner.ts';
import { parseExperiment, type Experiment } from '../../src/experiment/parse/parse-experiment.ts';
import { planExperiment } from '../../src/experiment/plan/experiment-plan.ts';

const workerFile = fileURLToPath(new URL('../fixtures/workers/crashing-worker.mjs', import.meta.url));

const parsed = parseExperiment({
  base: { years: 4, world: { regions: 2, sectors: 2, schools: 8, firms: 300 } },
  factors: { 'policy.taxRelief': [0, 0.2, 0.4] },
  replications: { count: 4, seed: 21 },
  outputs: { years: { metrics: ['mean_depth'] }, summary: { metrics: ['mean_depth'], years: ['last'] } },
});
if (!parsed.ok) throw new Error('invalid test experiment');
const experiment: Experiment = parsed.value;
const seeds = planExperiment(experiment).seeds;

let reference: Awaited<ReturnType<typeof runExperiment>>;
beforeAll(async () => {
  reference = await runExperiment(experiment, { runner: createInThreadRunner() });
});
afterEach(() => {
  delete process.env.COOPSIM_TEST_CRASH_SEEDS;
  delete process.env.COOPSIM_TEST_CRASH_ONCE_DIR;
  delete process.env.COOPSIM_TEST_CRASH_MODE;
});

describe('worker threads that die', () => {
  it('are replaced, and the run is retried on a fresh worker (process.exit)', async () => {
    process.env.COOPSIM_TEST_CRASH_SEEDS = String(seeds[1]);
    process.env.COOPSIM_TEST_CRASH_ONCE_DIR = mkdtempSync(join(tmpdir(), 'coopsim-crash-'));
    const r = await runExperiment(experiment, { workers: 2, workerFile });
    expect(r.failures).toEqual([]);
    expect(r.tables).toEqual(reference.tables);
  });

  it('are replaced after an uncaught error too', async () => {
    process.env.COOPSIM_TEST_CRASH_SEEDS = String(seeds[2]);
    process.env.COOPSIM_TEST_CRASH_ONCE_DIR = mkdtempSync(join(tmpdir(), 'coopsim-crash-'));
    process.env.COOPSIM_TEST_CRASH_MODE = 'throw';
    const r = await runExperiment(experiment, { workers: 2, workerFile });
    expect(r.failures).toEqual([]);
    expect(r.tables).toEqual(reference.tables);
  });

  it('fail a run that kills its worker again on the retry; the other runs finish', async () => {
    process.env.COOPSIM_TEST_CRASH_SEEDS = String(seeds[3]);
    const out = join(mkdtempSync(join(tmpdir(), 'coopsim-crash-')), 'sweep');
    const r = await runExperiment(experiment, { workers: 2, workerFile, out });
    expect(r.failures.map((f) => f.run_id)).toEqual([3, 7, 11]);
    expect(r.failures[0].error).toMatch(/the worker running it died \(exit code 7\), also on the retry/);
    expect(r.manifest.runs).toMatchObject({ done: 9, failed: 3 });
    expect(r.manifest.status).toBe('complete');
  });
});
