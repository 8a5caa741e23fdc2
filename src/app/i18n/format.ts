import type { Lang } from '../state/app-state.ts';
import { translate } from './messages.ts';

/** Number formatting per locale (Intl), shared by charts and views. */
export interface Formatter {
  lang: Lang;
  /** A number with a fixed count of decimals, e.g. 1,234.5 */
  number(v: number, decimals?: number): string;
  /** A share 0–1 as a percentage, e.g. 14% or 1.4% (decimals chosen by size unless given). */
  percent(v: number, decimals?: number): string;
  /** A difference of shares in percentage points, signed: "+8 pts". */
  points(diff: number, decimals?: number): string;
  /** A signed number: "+0.12". */
  signed(v: number, decimals?: number): string;
  /** Million yuan: "1.2 M¥". */
  mYuan(v: number, decimals?: number): string;
  /** Thousand yuan: "12 k¥". */
  kYuan(v: number, decimals?: number): string;
  /** An integer with grouping: 3,000 */
  integer(v: number): string;
}

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, options);
    cache.set(key, f);
  }
  return f;
}

/** Decimals that show a share's size sensibly: 14%, 1.4%, 0.14%. */
function autoPercentDecimals(v: number): number {
  const a = Math.abs(v) * 100;
  if (a === 0 || a >= 10) return 0;
  if (a >= 1) return 1;
  return 2;
}

function autoDecimals(v: number): number {
  const a = Math.abs(v);
  if (a === 0 || a >= 100) return 0;
  if (a >= 10) return 1;
  if (a >= 0.1) return 2;
  return 3;
}

/** Returns the formatter of a language. Non-finite numbers show as "–". */
export function formatter(lang: Lang): Formatter {
  const dash = '–';
  const fixed = (d: number, signed = false) =>
    nf(lang, { minimumFractionDigits: d, maximumFractionDigits: d, signDisplay: signed ? 'exceptZero' : 'auto' });
  const f: Formatter = {
    lang,
    number: (v, d) => (Number.isFinite(v) ? fixed(d ?? autoDecimals(v)).format(v) : dash),
    percent: (v, d) =>
      Number.isFinite(v)
        ? nf(lang, { style: 'percent', minimumFractionDigits: d ?? autoPercentDecimals(v), maximumFractionDigits: d ?? autoPercentDecimals(v) }).format(v)
        : dash,
    points: (diff, d) =>
      Number.isFinite(diff) ? translate(lang, 'fmt.pts', { v: fixed(d ?? (Math.abs(diff * 100) < 1 && diff !== 0 ? 2 : 1), true).format(diff * 100) }) : dash,
    signed: (v, d) => (Number.isFinite(v) ? fixed(d ?? autoDecimals(v), true).format(v) : dash),
    mYuan: (v, d) => (Number.isFinite(v) ? translate(lang, 'fmt.mYuan', { v: fixed(d ?? autoDecimals(v)).format(v) }) : dash),
    kYuan: (v, d) => (Number.isFinite(v) ? translate(lang, 'fmt.kYuan', { v: fixed(d ?? autoDecimals(v)).format(v) }) : dash),
    integer: (v) => (Number.isFinite(v) ? nf(lang, { maximumFractionDigits: 0 }).format(v) : dash),
  };
  return f;
}
