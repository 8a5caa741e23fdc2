import { InvalidArgumentError } from 'commander';
import type { Shard } from '../experiment/plan/experiment-plan.ts';

/** Parses `--shard i/n` (0 ≤ i < n), e.g. `--shard $SLURM_ARRAY_TASK_ID/10` (the count is fixed: a resubmitted task has SLURM_ARRAY_TASK_COUNT 1). */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new InvalidArgumentError(`--shard ${JSON.stringify(text)}: expected i/n, e.g. 0/4`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index >= count)
    throw new InvalidArgumentError(`--shard ${text}: expected 0 ≤ i < n (shards are numbered from 0)`);
  return { index, count };
}
