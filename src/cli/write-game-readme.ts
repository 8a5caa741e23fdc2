// Regenerates the README's comparison of the scenario's game with the agent-based model and
// its chart docs/game-vs-model.svg:   npm run game:readme [-- --seeds N | --from docs/game-vs-model.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareGameWithModel, gameVsModelMarkdown, type GameVsModel } from '../analysis/game/game-vs-model.ts';
import { replaceSection } from '../analysis/replace-section.ts';
import { gameVsModelSvg } from './game-vs-model-svg.ts';
import { loadScenario } from './load-scenario.ts';

const root = new URL('../../', import.meta.url);
const i = process.argv.indexOf('--seeds');
const n = i >= 0 ? Number(process.argv[i + 1]) : 5;
if (!Number.isInteger(n) || n < 1) throw new Error(`--seeds: ${process.argv[i + 1]} is not a positive integer`);
const seeds = Array.from({ length: n }, (_, k) => k + 1);
// The subsidy's grid is finer where the shipped scenarios turn (1–4 k¥ per intern-month).
const SWEEPS = {
  subsidyPerInternMonth: [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 8],
  taxRelief: [0, 0.25, 0.5, 0.75, 1],
} as const;
// --from docs/game-vs-model.json redraws the table and chart from the last runs without running the model.
const j = process.argv.indexOf('--from');
const rows: GameVsModel[] = j >= 0 ? (JSON.parse(readFileSync(process.argv[j + 1], 'utf8')) as GameVsModel[]) : [];
if (j < 0) for (const name of ['baseline', 'school-conditions']) {
  const scenario = loadScenario(fileURLToPath(new URL(`scenarios/${name}.json`, root)));
  for (const [lever, values] of Object.entries(SWEEPS) as [keyof typeof SWEEPS, readonly number[]][]) {
    rows.push(compareGameWithModel(scenario, lever, values, seeds));
    process.stderr.write(`${name} ${lever}: done\n`);
  }
}
writeFileSync(new URL('docs/game-vs-model.svg', root), `${gameVsModelSvg(rows)}\n`);
if (j < 0) writeFileSync(new URL('docs/game-vs-model.json', root), `${JSON.stringify(rows, null, 1)}\n`);
const readme = fileURLToPath(new URL('README.md', root));
writeFileSync(readme, replaceSection(readFileSync(readme, 'utf8'), 'game-vs-model', `${gameVsModelMarkdown(rows)}\n\n(${rows[0]?.model.seeds.length ?? n} paired seeds per lever value; \`npm run game:readme\` regenerates this table, docs/game-vs-model.svg and docs/game-vs-model.json.)`));
process.stdout.write('README.md: game-vs-model table regenerated; docs/game-vs-model.svg written\n');
