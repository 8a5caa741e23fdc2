// Regenerates the parameter tables of docs/ODD.md from the scenario schema (npm run docs:odd).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { replaceSection } from '../analysis/replace-section.ts';
import { parameterRows, parameterTable } from '../scenario/parameter-tables.ts';

const ODD = fileURLToPath(new URL('../../docs/ODD.md', import.meta.url));
let doc = readFileSync(ODD, 'utf8');
for (const [section, rows] of Object.entries(parameterRows())) doc = replaceSection(doc, `parameters:${section}`, parameterTable(rows));
writeFileSync(ODD, doc);
process.stdout.write('docs/ODD.md: parameter tables regenerated\n');
