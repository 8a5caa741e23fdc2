import { parse } from 'csv-parse/sync';
import type { RunSummary } from './analyze-sensitivity.ts';

/** Reads runs.csv text back into run summaries (every column after seed is a summary value). */
export function readRunsCsv(text: string): RunSummary[] {
  const records = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  if (records.length === 0) return [];
  const names = Object.keys(records[0]);
  const seedAt = names.indexOf('seed');
  if (names[0] !== 'run_id' || seedAt < 0) throw new Error('not a runs.csv file (expected run_id … seed columns)');
  const outputs = names.slice(seedAt + 1);
  return records.map((r) => {
    const summary: Record<string, number> = {};
    for (const o of outputs) summary[o] = r[o] === '' ? NaN : Number(r[o]);
    return { runId: Number(r.run_id), summary };
  });
}
