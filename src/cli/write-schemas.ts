import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../scenario/json-schema.ts';

// Writes the JSON Schema files that scenario files reference with "$schema".
writeFileSync('scenarios/scenario.schema.json', `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
process.stdout.write('wrote scenarios/scenario.schema.json\n');
