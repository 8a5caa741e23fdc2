import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

// The package as a user gets it: `npm pack` (its prepack builds the bundle and the type
// declarations), installed into an empty folder with --omit=dev, then used from plain Node,
// from strict TypeScript (NodeNext) and through `npx coopsim`.
const repo = resolve('.');
const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
let root = '';
let tarball = '';
let app = '';

const run = (cmd: string, args: string[], cwd: string) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' } });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
};

/** The code block under a README heading (the first ```ts block after it). */
function readmeSample(heading: string): string {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const at = readme.indexOf(`\n${heading}\n`);
  if (at < 0) throw new Error(`README has no heading ${heading}`);
  const m = /```ts\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!m) throw new Error(`no ts sample under ${heading}`);
  return m[1];
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'coopsim-package-'));
  // Packed from a copy of the checkout (tracked and new files, no build output), so that its
  // prepack build neither sees stale files nor replaces dist-node/ under the other tests.
  const checkout = join(root, 'checkout');
  const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], repo);
  expect(listed.status, listed.stderr).toBe(0);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(repo, file))) continue; // deleted in the work tree
    mkdirSync(dirname(join(checkout, file)), { recursive: true });
    copyFileSync(join(repo, file), join(checkout, file));
  }
  symlinkSync(join(repo, 'node_modules'), join(checkout, 'node_modules'));
  const packed = run('npm', ['pack', '--silent', '--pack-destination', root], checkout);
  expect(packed.status, packed.stderr).toBe(0);
  tarball = join(root, packed.stdout.trim().split('\n').pop()!);
  app = join(root, 'app');
  cpSync(join(repo, 'test/fixtures/package-consumer'), app, { recursive: true });
  const installed = run('npm', ['install', tarball, '--omit=dev', '--no-audit', '--no-fund', '--offline'], app);
  expect(installed.status, installed.stderr).toBe(0);
}, 600_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('npm package', () => {
  it('holds the built library, CLI, worker and declarations, and no tests, benchmarks, app sources or runtime dependencies', () => {
    const files = run('tar', ['tzf', tarball], root).stdout.trim().split('\n').map((f) => f.replace(/^package\//, ''));
    expect(files).toEqual(expect.arrayContaining(['dist-node/index.mjs', 'dist-node/cli.mjs', 'dist-node/node-worker.mjs', 'dist-node/game-worker.mjs', 'dist-types/index.d.ts', 'src/cli/bin.mjs', 'LICENSE', 'CITATION.cff', 'scenarios/baseline.json']));
    expect(files.filter((f) => /^(test|bench|src\/(app|model|scenario|runner)|workers)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(app, 'node_modules/coopsim/package.json'), 'utf8'));
    expect(pkg.dependencies ?? {}).toEqual({});
    // Nothing else was installed: the bundle holds what it needs.
    expect(readdirSync(join(app, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['coopsim']);
    const declarations = readFileSync(join(app, 'node_modules/coopsim/dist-types/index.d.ts'), 'utf8');
    expect(declarations).not.toMatch(/from ['"](?!\.)/);
  });

  it('passes publint and arethetypeswrong (ESM-only package)', () => {
    const publint = run('npx', ['publint', 'run', tarball, '--strict'], repo);
    expect(publint.stdout + publint.stderr).toMatch(/All good!/);
    expect(publint.status).toBe(0);
    const attw = run('npx', ['attw', tarball, '--profile', 'esm-only', '--format', 'ascii'], repo);
    expect(attw.status, attw.stdout + attw.stderr).toBe(0);
    // ESM-only (engines: Node ≥ 20.19): the CommonJS and node10 resolutions are not checked.
    expect(attw.stdout).toMatch(/node16 \(from ESM\): 🟢 \(ESM\)\nbundler: 🟢/);
    expect(attw.stdout).not.toMatch(/❌|💀|🚭|🐛|🎭|🤨/);
  });

  it('runs the README Library API sample with plain node, equal to npx coopsim run', () => {
    const sample = readmeSample('## Library API');
    writeFileSync(join(app, 'library-api.mjs'), `${sample}\nprocess.stdout.write(metricsToCsv(run.year, run.metrics));\n`);
    const lib = run(process.execPath, ['library-api.mjs'], app);
    expect(lib.stderr).toBe('');
    expect(lib.status).toBe(0);
    writeFileSync(join(app, 'tax-relief.json'), JSON.stringify({ policy: { taxRelief: 0.3 } }));
    const cli = run('npx', ['coopsim', 'run', 'tax-relief.json', '--seed', '7'], app);
    expect(cli.status, cli.stderr).toBe(0);
    expect(lib.stdout).toBe(cli.stdout);
    expect(lib.stdout.split('\n')).toHaveLength(22);
  });

  it('runs the README From scripts sample with plain node (real worker threads)', () => {
    // The sample's experiment path, holding a small Morris design so that it runs in seconds.
    cpSync(join(app, 'node_modules/coopsim/scenarios'), join(app, 'scenarios'), { recursive: true });
    cpSync(join(repo, 'test/fixtures/experiments/small-morris.json'), join(app, 'scenarios/experiments/morris-levers.json'));
    writeFileSync(join(app, 'from-scripts.mjs'), `${readmeSample('### From scripts')}\nconsole.log(JSON.stringify(Object.keys(report ?? {})));\n`);
    const r = run(process.execPath, ['from-scripts.mjs'], app);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^run_id,point,replicate,/);
    expect(r.stderr).toMatch(/\d+\/\d+/);
  });

  it('runs the README Comparing scenarios sample with plain node', () => {
    writeFileSync(join(app, 'compare.mjs'), `${readmeSample('### Comparing scenarios')}\nconsole.log(JSON.stringify(card.costs[0]));\n`);
    const r = run(process.execPath, ['compare.mjs'], app);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).costPerExtraDeep).toBeGreaterThan(0);
  });

  it('type-checks the README samples with tsc --strict --module nodenext against the bundled declarations', () => {
    writeFileSync(join(app, 'library-api.ts'), readmeSample('## Library API'));
    writeFileSync(join(app, 'from-scripts.ts'), readmeSample('### From scripts'));
    writeFileSync(join(app, 'wrong.ts'), "import { simulate } from 'coopsim';\nsimulate({ years: 'ten' }, { seed: 7 });\n");
    const args = ['--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--noEmit', '--lib', 'es2022,dom'];
    writeFileSync(join(app, 'compare.ts'), readmeSample('### Comparing scenarios'));
    const ok = run(process.execPath, [tsc, ...args, 'library-api.ts', 'from-scripts.ts', 'compare.ts'], app);
    expect(ok.stdout + ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    // The declarations carry real types: a wrong call is an error.
    const wrong = run(process.execPath, [tsc, ...args, 'wrong.ts'], app);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout).toMatch(/wrong\.ts\(2,\d+\): error TS2322: Type .string. is not assignable to type .number/);
  });

  it('runs npx coopsim run, sweep on worker threads, and game', () => {
    expect(run('npx', ['coopsim', '--version'], app).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    cpSync(join(repo, 'test/fixtures/experiments/small-grid.json'), join(app, 'grid.json'));
    const sweep = run('npx', ['coopsim', 'sweep', 'grid.json', '--out', 'out', '--workers', '2', '--no-progress'], app);
    expect(sweep.stderr).toMatch(/sweep: 24 runs in .* on 2 workers/);
    expect(sweep.status).toBe(0);
    const runs = readFileSync(join(app, 'out/runs.csv'), 'utf8').trim().split('\n');
    expect(runs).toHaveLength(25);
    // --agents on 2 threads: the packed game worker must start and run its share of the runs.
    const game = run('npx', ['coopsim', 'game', 'node_modules/coopsim/scenarios/games/bistable.json', '--json', '--agents', '300', '--reps', '4', '--workers', '2'], app);
    expect(game.status, game.stderr).toBe(0);
    expect(JSON.parse(game.stdout)).toHaveProperty('equilibria');
    expect(JSON.parse(game.stdout).abm.reps).toBe(4);
  });
});
