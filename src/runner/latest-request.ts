import { isAbort } from './latest-scheduler.ts';

/**
 * One-stage latest-wins requests (the game panel's agent-based runs): a new request
 * aborts the one in progress through its AbortSignal and only the newest request's result
 * or error is delivered, so a slider drag never shows runs of a value already left behind.
 */
export interface LatestRequest<Q> {
  /** Asks for `query`, after `delay` ms (default 0) unless a newer request comes first. */
  request(query: Q, delay?: number): void;
  /** Drops the request waiting or in progress; nothing is delivered for it. */
  cancel(): void;
  /** Whether a request waits or runs. */
  readonly pending: boolean;
}

/** The work of a {@link LatestRequest}. */
export interface LatestWork<Q, R> {
  run(query: Q, signal: AbortSignal): Promise<R>;
  onResult(query: Q, result: R): void;
  onError(query: Q, error: unknown): void;
}

/** Creates latest-wins requests over `work`. */
export function createLatestRequest<Q, R>(work: LatestWork<Q, R>): LatestRequest<Q> {
  let ctrl: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    ctrl?.abort();
    ctrl = null;
  };

  const start = async (query: Q, mine: AbortController) => {
    try {
      const result = await work.run(query, mine.signal);
      if (ctrl !== mine || mine.signal.aborted) return;
      ctrl = null;
      work.onResult(query, result);
    } catch (e) {
      if (ctrl !== mine || mine.signal.aborted || isAbort(e)) return;
      ctrl = null;
      work.onError(query, e);
    }
  };

  return {
    request(query, delay = 0) {
      cancel();
      const mine = new AbortController();
      ctrl = mine;
      if (delay > 0)
        timer = setTimeout(() => {
          timer = null;
          void start(query, mine);
        }, delay);
      else void start(query, mine);
    },
    cancel,
    get pending() {
      return ctrl !== null;
    },
  };
}
