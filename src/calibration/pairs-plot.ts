import type { Population } from './abc-types.ts';
import type { CalibrationParameter } from './parse-calibration.ts';

const CELL = 150;
const PAD = 14;
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (x: number) => Number(x.toPrecision(3)).toString();

/**
 * The posterior pairs plot as a standalone SVG: weighted histograms on the diagonal (over
 * the prior's support, so the narrowing shows), particles below it (darker = heavier),
 * weighted correlations above it.
 */
export function pairsPlotSvg(parameters: readonly CalibrationParameter[], last: Population): string {
  const d = parameters.length;
  const size = d * CELL;
  const span = parameters.map((p, k) => {
    const xs = last.theta.map((t) => t[k]);
    const lo = Number.isFinite(p.prior.lower) ? p.prior.lower : Math.min(...xs);
    const hi = Number.isFinite(p.prior.upper) ? p.prior.upper : Math.max(...xs);
    return hi > lo ? [lo, hi] : [lo - 1, hi + 1];
  });
  const pos = (k: number, x: number) => PAD + ((x - span[k][0]) / (span[k][1] - span[k][0])) * (CELL - 2 * PAD);
  const wMax = Math.max(...last.weights);
  const parts: string[] = [];
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < d; c++) {
      const x0 = c * CELL;
      const y0 = r * CELL;
      parts.push(`<rect x="${x0}" y="${y0}" width="${CELL}" height="${CELL}" fill="none" stroke="#ccc"/>`);
      if (r === c) {
        const bins = new Array(20).fill(0);
        last.theta.forEach((t, i) => {
          const b = Math.min(19, Math.max(0, Math.floor(((t[r] - span[r][0]) / (span[r][1] - span[r][0])) * 20)));
          bins[b] += last.weights[i];
        });
        const top = Math.max(...bins) || 1;
        const bw = (CELL - 2 * PAD) / 20;
        bins.forEach((v, b) => {
          const h = (v / top) * (CELL - 3 * PAD);
          parts.push(`<rect x="${(x0 + PAD + b * bw).toFixed(1)}" y="${(y0 + CELL - PAD - h).toFixed(1)}" width="${(bw - 0.5).toFixed(1)}" height="${h.toFixed(1)}" fill="#4a7ab5"/>`);
        });
        parts.push(`<text x="${x0 + 4}" y="${y0 + 11}" font-size="9">${escape(parameters[r].path)}</text>`);
        parts.push(`<text x="${x0 + PAD}" y="${y0 + CELL - 3}" font-size="8">${fmt(span[r][0])}</text>`);
        parts.push(`<text x="${x0 + CELL - PAD}" y="${y0 + CELL - 3}" font-size="8" text-anchor="end">${fmt(span[r][1])}</text>`);
      } else if (r > c) {
        last.theta.forEach((t, i) => {
          const op = (0.15 + 0.85 * (last.weights[i] / wMax)).toFixed(2);
          parts.push(`<circle cx="${(x0 + pos(c, t[c])).toFixed(1)}" cy="${(y0 + CELL - pos(r, t[r])).toFixed(1)}" r="1.6" fill="#1f3b63" fill-opacity="${op}"/>`);
        });
      } else {
        parts.push(`<text x="${x0 + CELL / 2}" y="${y0 + CELL / 2}" font-size="14" text-anchor="middle">r = ${weightedCorrelation(last, r, c).toFixed(2)}</text>`);
      }
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" font-family="sans-serif">\n` +
    `<rect width="${size}" height="${size}" fill="white"/>\n${parts.join('\n')}\n</svg>\n`
  );
}

function weightedCorrelation(p: Population, a: number, b: number): number {
  let ma = 0;
  let mb = 0;
  p.theta.forEach((t, i) => {
    ma += p.weights[i] * t[a];
    mb += p.weights[i] * t[b];
  });
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  p.theta.forEach((t, i) => {
    sab += p.weights[i] * (t[a] - ma) * (t[b] - mb);
    saa += p.weights[i] * (t[a] - ma) ** 2;
    sbb += p.weights[i] * (t[b] - mb) ** 2;
  });
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}
