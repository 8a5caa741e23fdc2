import { spawnSync } from 'node:child_process';

/** Runs the real `coopsim` command (the bin script) and returns its status and output. */
export function coopsim(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, ['src/cli/bin.mjs', ...args], {
    cwd: opts.cwd ?? process.cwd(),
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
