import { h } from '../dom.ts';
import type { Translate } from '../i18n/messages.ts';

/** Seconds per year at each speed a class can follow: Normal, and Slow for explaining each year. */
export const PLAYER_SPEEDS = { normal: 0.6, slow: 1.8 } as const;
export type PlayerSpeed = keyof typeof PLAYER_SPEEDS;

/** Play / pause / step controls for years that animate; `show(year)` draws a year. */
export type YearPlayer = HTMLElement & { readonly year: number; play(): void; stop(): void; jump(year: number): void };

/**
 * A toolbar that steps `show` from year 0 to `last`: Play (from the start once at the end),
 * Pause, Step (one year), and a Normal / Slow speed switch. Starts at `start`.
 */
export function yearPlayer(t: Translate, last: number, start: number, show: (year: number) => void): YearPlayer {
  let year = start;
  let speed: PlayerSpeed = 'normal';
  let timer: ReturnType<typeof setInterval> | null = null;
  const label = h('output', { class: 'player-year', 'aria-live': 'off' });
  const setYear = (y: number) => {
    year = Math.max(0, Math.min(last, y));
    label.textContent = t('player.year', { year, last });
    root.dataset.year = String(year);
    show(year);
  };
  const play = () => {
    if (year >= last) setYear(0);
    playBtn.textContent = t('player.pause');
    playBtn.setAttribute('aria-pressed', 'true');
    // A player taken off the page (another tab, another lesson) stops itself.
    timer = setInterval(() => (year >= last || !root.isConnected ? pause() : setYear(year + 1)), PLAYER_SPEEDS[speed] * 1000);
  };
  const pause = () => {
    if (timer) clearInterval(timer);
    timer = null;
    playBtn.textContent = t('player.play');
    playBtn.setAttribute('aria-pressed', 'false');
  };
  const playBtn = h('button', { type: 'button', class: 'player-play', 'aria-pressed': 'false', onclick: () => (timer ? pause() : play()) }, t('player.play'));
  const stepBtn = h('button', { type: 'button', class: 'player-step', onclick: () => (pause(), setYear(year + 1)) }, t('player.step'));
  const speedBtns = (Object.keys(PLAYER_SPEEDS) as PlayerSpeed[]).map((s) =>
    h(
      'button',
      {
        type: 'button',
        class: 'player-speed',
        'data-speed': s,
        'aria-pressed': String(s === speed),
        onclick: () => {
          speed = s;
          for (const b of speedBtns) b.setAttribute('aria-pressed', String(b.dataset.speed === s));
          if (timer) (pause(), play());
        },
      },
      t(`player.${s}`),
    ),
  );
  const root = h(
    'div',
    { class: 'year-player', role: 'group', 'aria-label': t('player.label') },
    playBtn,
    stepBtn,
    h('span', { class: 'player-speeds', role: 'group', 'aria-label': t('player.speed') }, ...speedBtns),
    label,
  ) as unknown as YearPlayer;
  Object.defineProperty(root, 'year', { get: () => year });
  root.play = () => {
    if (!timer) play();
  };
  root.stop = pause;
  root.jump = setYear;
  setYear(start);
  return root;
}
