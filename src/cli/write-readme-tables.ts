// Regenerates the README's tables that come from model runs, between marker comments:
//   tsx src/cli/write-readme-tables.ts claims [--seeds N]
//   tsx src/cli/write-readme-tables.ts robustness --from out/robustness/robustness.json [--from part2/robustness.json …]
//   tsx src/cli/write-readme-tables.ts pulse [--seeds N]
//   tsx src/cli/write-readme-tables.ts columns
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkClaims } from '../studies/claims/check-claims.ts';
import { formatClaimsMarkdown } from '../studies/claims/format-claims.ts';
import { readScenarioDir } from '../studies/claims/shipped-scenarios.ts';
import { withRunner } from '../studies/claims/with-runner.ts';
import { formatColumnsMarkdown } from '../analysis/format-columns.ts';
import { formatPulseMarkdown } from '../studies/pulse/format-pulse.ts';
import { measurePulse } from '../studies/pulse/pulse-persistence.ts';
import { replaceSection } from '../analysis/replace-section.ts';
import { formatRobustnessMarkdown } from '../studies/robustness/format-robustness.ts';
import { mergeRobustnessReports } from '../studies/robustness/merge-robustness.ts';
import type { RobustnessReport } from '../studies/robustness/robustness-sweep.ts';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const [what, ...args] = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const seeds = flag('--seeds') === undefined ? undefined : Number(flag('--seeds'));

async function section(): Promise<[string, string]> {
  if (what === 'columns') return ['columns', formatColumnsMarkdown()];
  const scenarios = readScenarioDir();
  if (what === 'claims') return ['claims', formatClaimsMarkdown(await withRunner(undefined, (runner) => checkClaims({ scenarios, runner, seeds })))];
  if (what === 'robustness') {
    // A sweep run in parts (--only on different parameters) is merged: one --from per part.
    const from = args.flatMap((a, i) => (a === '--from' && args[i + 1] ? [args[i + 1]] : []));
    if (!from.length) throw new Error('robustness: give --from FILE, the robustness.json of `coopsim robustness --out DIR` (repeat --from for a sweep run in parts)');
    const parts = from.map((f) => JSON.parse(readFileSync(f, 'utf8')) as RobustnessReport);
    return ['robustness', formatRobustnessMarkdown(mergeRobustnessReports(parts))];
  }
  if (what === 'pulse') return ['pulse', formatPulseMarkdown(measurePulse(scenarios.pulse, scenarios.baseline, { seeds, endYear: 5 }))];
  throw new Error(`unknown table ${JSON.stringify(what)}; expected claims, robustness, pulse or columns`);
}

const [name, content] = await section();
writeFileSync(README, replaceSection(readFileSync(README, 'utf8'), name, content));
process.stdout.write(`README.md: ${name} table regenerated\n`);
