import type { ExperimentPlan } from '../plan/experiment-plan.ts';
import { fieldCount, readLines } from './sweep-files.ts';
import { lineRunId, runsHeader, yearsHeader } from './sweep-rows.ts';

/**
 * Reads what earlier sessions of a sweep left in its folder: the complete runs and their
 * years, nothing torn, nothing outside the plan, no run twice. Says in `notes` what it dropped.
 */
export function recoverSweep(
  plan: ExperimentPlan,
  paths: { runs: string; years: string },
  headers: { runs: string; years: string },
  planned: ReadonlySet<number>,
  notes: string[],
): { doneLines: Map<number, string>; yearsOf: Map<number, string[]> } {
  const e = plan.experiment;
  const keepYears = e.outputs.years !== null;
  const runs = readLines(paths.runs, headers.runs);
  const runsFields = runsHeader(e).length;
  const doneLines = new Map<number, string>();
  const seen = new Set<number>();
  const dropped = { torn: runs.torn, range: 0, duplicate: 0 };
  for (const line of runs.lines) {
    const id = lineRunId(line);
    if (fieldCount(line) !== runsFields) dropped.torn++;
    else if (!planned.has(id)) dropped.range++;
    else if (seen.has(id)) {
      dropped.duplicate++;
      doneLines.delete(id); // which copy is right is unknown: run it again
    } else {
      seen.add(id);
      doneLines.set(id, `${line}\n`);
    }
  }
  const parts = [
    dropped.torn > 0 ? `${dropped.torn} torn` : '',
    dropped.range > 0 ? `${dropped.range} with a run_id outside this sweep` : '',
    dropped.duplicate > 0 ? `${dropped.duplicate} duplicate` : '',
  ].filter(Boolean);
  if (parts.length > 0) notes.push(`${paths.runs}: dropped ${parts.join(', ')} line(s); those runs are run again`);
  const yearsOf = new Map<number, string[]>();
  if (!keepYears) return { doneLines, yearsOf };
  const yearsFields = yearsHeader(e).length;
  const byRun = new Map<number, string[]>();
  const years = readLines(paths.years, headers.years);
  for (const line of years.lines) {
    const id = lineRunId(line);
    if (!doneLines.has(id)) continue; // years of a run whose runs.csv line never made it
    let list = byRun.get(id);
    if (!list) byRun.set(id, (list = []));
    list.push(`${line}\n`);
  }
  let redo = 0;
  for (const id of [...doneLines.keys()]) {
    const lines = byRun.get(id) ?? [];
    const expected = plan.yearsOf(plan.coordinates(id).point);
    const ok =
      lines.length === expected &&
      lines.every((l, y) => (l.startsWith(`${id},${y},`) || l === `${id},${y}\n`) && fieldCount(l.slice(0, -1)) === yearsFields);
    if (ok) yearsOf.set(id, lines);
    else {
      doneLines.delete(id);
      redo++;
    }
  }
  if (redo > 0) notes.push(`${paths.years}: ${redo} run(s) with missing or torn years are run again`);
  return { doneLines, yearsOf };
}
