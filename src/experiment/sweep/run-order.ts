/** Holds finished runs back until the runs before them are finished too. */
export interface RunOrder<T> {
  /** Adds a finished run; returns the items now free to write, in run_id order. */
  add(runId: number, item: T): T[];
  /** Everything still held, in run_id order (the runs before them never finished). */
  drain(): T[];
  /** Whether every item released so far came out in run_id order. */
  readonly inOrder: boolean;
  /** How many finished runs are held back. */
  readonly held: number;
}

/**
 * A reorder buffer over the run ids a session expects, in ascending order. Runs are handed
 * out in that order, so a finished run waits for at most the few still running before it;
 * when more than `limit` wait (a run retried after its worker died, say) everything held is
 * released and the order is given up, so memory stays bounded.
 */
export function createRunOrder<T>(expected: readonly number[], limit: number): RunOrder<T> {
  const held = new Map<number, T>();
  let cursor = 0;
  let inOrder = true;
  let lastReleased = -Infinity;

  const releaseHeld = (): T[] => {
    const ids = [...held.keys()].sort((a, b) => a - b);
    const out = ids.map((id) => held.get(id) as T);
    if (ids.length > 0) {
      if (ids[0] < lastReleased) inOrder = false;
      lastReleased = ids[ids.length - 1];
    }
    held.clear();
    return out;
  };

  return {
    add(runId, item) {
      if (!inOrder) return [item];
      held.set(runId, item);
      const out: T[] = [];
      while (cursor < expected.length && held.has(expected[cursor])) {
        const id = expected[cursor++];
        out.push(held.get(id) as T);
        held.delete(id);
        lastReleased = id;
      }
      if (held.size > limit) {
        // Ids behind the cursor are still missing, so whatever comes after this is out of order.
        out.push(...releaseHeld());
        inOrder = false;
      }
      return out;
    },
    drain() {
      const out = releaseHeld();
      if (cursor < expected.length && out.length > 0) inOrder = false;
      return out;
    },
    get inOrder() {
      return inOrder;
    },
    get held() {
      return held.size;
    },
  };
}
