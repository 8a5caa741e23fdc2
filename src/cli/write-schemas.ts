import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../scenario/json-schema.ts';

// Writes the JSON Schema files that scenario files reference with "$schema".
writeFileSync('scenarios/scenario.schema.json', `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
process.stdout.write('wrote scenarios/scenario.schema.json\n');
// Experiment files (scenarios/experiments/) reference their own schema.
import { experimentJsonSchema } from '../experiment/schema/experiment-json-schema.ts';
writeFileSync('scenarios/experiments/experiment.schema.json', `${JSON.stringify(experimentJsonSchema(), null, 2)}\n`);
process.stdout.write('wrote scenarios/experiments/experiment.schema.json\n');
// Calibration files (scenarios/calibration/) reference their own schema.
import { calibrationJsonSchema } from '../calibration/calibration-schema.ts';
writeFileSync('scenarios/calibration/calibration.schema.json', `${JSON.stringify(calibrationJsonSchema(), null, 2)}\n`);
process.stdout.write('wrote scenarios/calibration/calibration.schema.json\n');
// Goal files (scenarios/goals/) reference their own schema.
import { goalJsonSchema } from '../optimize/goal-schema.ts';
import { mkdirSync } from 'node:fs';
mkdirSync('scenarios/goals', { recursive: true });
writeFileSync('scenarios/goals/goal.schema.json', `${JSON.stringify(goalJsonSchema(), null, 2)}\n`);
process.stdout.write('wrote scenarios/goals/goal.schema.json\n');
// Lesson files (scenarios/lessons/) reference their own schema.
import { lessonJsonSchema } from '../scenario/lesson-schema.ts';
writeFileSync('scenarios/lessons/lesson.schema.json', `${JSON.stringify(lessonJsonSchema(), null, 2)}\n`);
process.stdout.write('wrote scenarios/lessons/lesson.schema.json\n');
