import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/** Counts for the closing line of test/run-all.sh. */
export interface TestCounts {
  passed: number;
  /** Failed tests, plus suites and files that failed on their own (a hook, an import), plus unhandled errors. */
  failed: number;
  skipped: number;
  /** One line per failure that is not a failed test: where, and the first error message. */
  otherFailures: string[];
}

interface TaskLike {
  type: string;
  name: string;
  mode: string;
  result?: { state?: string; errors?: { message?: string }[] };
  tasks?: TaskLike[];
}

/** Counts a file's tasks; a suite or file with errors of its own counts as one failure. */
export function countTasks(task: TaskLike, counts: TestCounts, where: string): void {
  if (task.type === 'test') {
    const state = task.result?.state;
    if (state === 'pass') counts.passed++;
    else if (state === 'fail') counts.failed++;
    else counts.skipped++;
    return;
  }
  const errors = task.result?.errors ?? [];
  if (task.result?.state === 'fail' && errors.length > 0) {
    counts.failed++;
    counts.otherFailures.push(`${where}: ${errors[0]?.message ?? 'failed'}`);
  }
  for (const child of task.tasks ?? []) countTasks(child, counts, where);
}

/**
 * Writes {@link TestCounts} as JSON to the file in COOPSIM_COUNTS_FILE at the end of a run.
 * The JSON reporter of vitest counts a suite whose `beforeAll` failed as skipped tests and
 * does not see unhandled errors; this one counts both as failures.
 */
export default class CountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const counts: TestCounts = { passed: 0, failed: 0, skipped: 0, otherFailures: [] };
    for (const m of testModules) countTasks((m as unknown as { task: TaskLike }).task, counts, m.moduleId);
    for (const e of unhandledErrors) {
      counts.failed++;
      counts.otherFailures.push(`unhandled error: ${(e as { message?: string })?.message ?? String(e)}`);
    }
    const file = process.env.COOPSIM_COUNTS_FILE;
    if (file) writeFileSync(file, JSON.stringify(counts));
  }
}
