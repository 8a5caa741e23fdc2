import cliProgress from 'cli-progress';
import type { ExperimentProgress } from '../experiment/run/run-experiment.ts';

/** Shows an experiment's progress on stderr. */
export interface ProgressReporter {
  update(p: ExperimentProgress): void;
  /** Ends the display (the bar stays on screen with its last state). */
  stop(): void;
}

/** Plain progress lines at most this often when stderr is not a terminal. */
const PLAIN_INTERVAL_MS = 5000;

/**
 * A live bar (done/total, rate, ETA, failures) when `stream` is a terminal; otherwise a
 * plain line every few seconds and at the end, which reads well in a log file.
 */
export function createProgressReporter(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: `${label} {bar} {percentage}% | {value}/{total} runs | {rate} runs/s | ETA {eta_text} | {failed} failed`,
        hideCursor: true,
        etaBuffer: 50,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        const payload = { rate: p.runsPerSecond.toFixed(1), failed: p.failed, eta_text: formatDuration(p.etaMs) };
        if (!started) {
          bar.start(p.total, p.done + p.failed, payload);
          started = true;
        } else bar.update(p.done + p.failed, payload);
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let last = -Infinity;
  let latest: ExperimentProgress | null = null;
  const line = (p: ExperimentProgress) => {
    const skipped = p.skipped > 0 ? ` (+${p.skipped} done before)` : '';
    stream.write(
      `${label}: ${p.done + p.failed}/${p.total} runs${skipped}, ${p.failed} failed, ` +
        `${p.runsPerSecond.toFixed(1)} runs/s, ${formatDuration(p.elapsedMs)} elapsed, ETA ${formatDuration(p.etaMs)}\n`,
    );
  };
  return {
    update(p) {
      latest = p;
      const now = Date.now();
      if (now - last >= PLAIN_INTERVAL_MS) {
        last = now;
        line(p);
        latest = null;
      }
    },
    stop() {
      if (latest) line(latest);
    },
  };
}

/** "4 s", "2 min 05 s", "1 h 03 min"; "?" when unknown. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '?';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
