import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runExperiment, ExperimentAbortedError, type ExperimentProgress } from '../../src/experiment/run/run-experiment.ts';
import { createInThreadRunner } from '../../src/runner/in-thread-runner.ts';
import { readExperimentFile } from '../../src/experiment/parse/read-experiment-file.ts';
import { analyzeSensitivity } from '../../src/experiment/sensitivity/analyze-sensitivity.ts';

const SMALL = resolve('test/fixtures/experiments/small-grid.json');
const MORRIS = resolve('test/fixtures/experiments/small-morris.json');
const load = (file: string) => {
  const r = readExperimentFile(file);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};

describe('experiments from scripts', () => {
  it("runs through `import { runExperiment, analyzeSensitivity } from 'coopsim'` on worker threads", async () => {
    const script = `
      import { readExperimentFile, runExperiment, analyzeSensitivity } from 'coopsim';
      const exp = readExperimentFile(${JSON.stringify(SMALL)});
      let calls = 0;
      const r = await runExperiment(exp.value, { workers: 2, onProgress: () => calls++ });
      const m = readExperimentFile(${JSON.stringify(MORRIS)});
      const mr = await runExperiment(m.value, { workers: 2 });
      const report = analyzeSensitivity(m.value, mr.runs, { bootstrap: 50 });
      console.log(JSON.stringify({ runs: r.tables.runs, years: r.tables.years, calls, done: r.manifest.runs.done, morris: report.rows.length }));
    `;
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(out.stderr).toBe('');
    const got = JSON.parse(out.stdout);
    const expected = await runExperiment(load(SMALL), { runner: createInThreadRunner() });
    expect(got.runs).toBe(expected.tables?.runs);
    expect(got.years).toBe(expected.tables?.years);
    expect(got.done).toBe(24);
    expect(got.calls).toBe(25); // once at the start, then after every run
    expect(got.morris).toBe(2 * 3);
  });

  it('reports progress and stops on its signal, leaving a folder that resumes to the same files', async () => {
    const exp = load(SMALL);
    const root = mkdtempSync(join(tmpdir(), 'coopsim-lib-'));
    const runner = createInThreadRunner();
    const controller = new AbortController();
    const seen: ExperimentProgress[] = [];
    const aborted = runExperiment(exp, {
      runner,
      out: join(root, 'a'),
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.done === 5) controller.abort();
      },
    });
    await expect(aborted).rejects.toBeInstanceOf(ExperimentAbortedError);
    expect(seen[0]).toMatchObject({ done: 0, failed: 0, total: 24, skipped: 0, etaMs: null });
    expect(seen.at(-1)?.done).toBeLessThan(24);
    const manifest = JSON.parse(readFileSync(join(root, 'a', 'manifest.json'), 'utf8'));
    expect(manifest.status).toBe('incomplete');

    const resumed = await runExperiment(exp, { runner, out: join(root, 'a'), resume: true, onProgress: (p) => seen.push(p) });
    expect(resumed.manifest.status).toBe('complete');
    expect(seen.at(-1)).toMatchObject({ failed: 0, skipped: manifest.runs.done, total: 24 - manifest.runs.done });
    const whole = await runExperiment(exp, { runner });
    expect(readFileSync(join(root, 'a', 'runs.csv'), 'utf8')).toBe(whole.tables?.runs);
    expect(readFileSync(join(root, 'a', 'years.csv'), 'utf8')).toBe(whole.tables?.years);
    // The report of the in-memory runs is the report of the folder's runs.
    const m = load(MORRIS);
    const mem = await runExperiment(m, { runner });
    expect(analyzeSensitivity(m, mem.runs ?? []).rows.length).toBe(6);
  });
});
