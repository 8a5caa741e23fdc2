import { METRICS } from '../model/metrics.ts';

/**
 * The README's table of output columns, written from the model's own list of metrics
 * (name, meaning, unit) so that the documentation cannot fall behind the columns a run
 * writes.
 */
export function formatColumnsMarkdown(): string {
  const rows = METRICS.map(([name, meaning, unit]) => `| \`${name}\` | ${meaning} | ${unit} |`);
  return ['| column | meaning | unit |', '|---|---|---|', ...rows].join('\n') + '\n';
}
