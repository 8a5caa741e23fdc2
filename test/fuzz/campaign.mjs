// The full fuzz campaign: `npm run fuzz -- --runs 10000 [--seed N]` runs every fuzz property
// (test/unit/fuzz-*.test.ts) with that many cases each and prints its figures.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const runs = Number(option('--runs', '10000'));
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`fuzz: --runs ${JSON.stringify(option('--runs', ''))} is not a positive integer\n`);
  process.exit(2);
}
const seed = option('--seed', String(Date.now() % 2 ** 31));
const dir = mkdtempSync(join(tmpdir(), 'coopsim-fuzz-'));
const report = join(dir, 'figures.jsonl');
const t0 = performance.now();
const r = spawnSync('npx', ['vitest', 'run', 'test/unit/fuzz-scenario.test.ts', 'test/unit/fuzz-experiment.test.ts', 'test/unit/fuzz-expression.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: seed, FUZZ_REPORT: report },
});
const seconds = ((performance.now() - t0) / 1000).toFixed(0);
let lines = [];
try {
  lines = readFileSync(report, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
} catch {
  // a property that failed reports nothing; vitest has said why
}
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`\nfuzz campaign: ${runs} cases per property, seed ${seed}, ${seconds} s\n`);
process.stdout.write('property    cases  accepted  rejected  escaped  p99 call  slowest call  calls >100 ms  ran 3 years\n');
for (const f of lines)
  process.stdout.write(
    `${f.property.padEnd(10)} ${String(f.cases).padStart(6)} ${String(f.accepted).padStart(9)} ${String(f.rejected).padStart(9)} ${String(f.escaped).padStart(8)} ${`${f.p99Ms.toFixed(1)} ms`.padStart(9)} ${`${f.maxMs.toFixed(1)} ms`.padStart(13)} ${String(f.over100Ms).padStart(14)} ${String(f.ran ?? '–').padStart(12)}\n`,
  );
process.exit(r.status ?? 1);
