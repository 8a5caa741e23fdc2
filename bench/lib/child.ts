import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Marker of the result line a child prints on stdout. */
export const RESULT_MARKER = '@@bench-result ';

/** The built bench entry (the file running now: children re-enter it with `--child`). */
function entry(): string {
  return process.argv[1] ?? fileURLToPath(import.meta.url);
}

/** Output of a finished process. */
export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock time from spawn to exit, ms. */
  wallMs: number;
}

/** Runs a command to completion, collecting its output. Never rejects on a non-zero exit. */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; onSpawn?: (pid: number) => void } = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, wallMs: performance.now() - t0 }));
  });
}

/**
 * Runs `module.child(args)` in a fresh Node process (a cold JIT and heap, and its own peak
 * memory) and returns what it returned.
 */
export async function runChild<T>(module: string, args: unknown, nodeArgs: readonly string[] = [], onSpawn?: (pid: number) => void): Promise<T> {
  const res = await runProcess(process.execPath, [...nodeArgs, entry(), '--child', module, JSON.stringify(args ?? null)], { onSpawn });
  const line = res.stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
  if (res.code !== 0 || !line) {
    const tail = (res.stderr || res.stdout).trim().split('\n').slice(-8).join('\n');
    throw new Error(`bench child ${module} failed (exit ${res.code}):\n${tail}`);
  }
  return JSON.parse(line.slice(RESULT_MARKER.length)) as T;
}
