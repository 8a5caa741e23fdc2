import type { PairedEffect } from '../../analysis/paired-effect.ts';
import type { PosteriorClaimsReport } from './claims-under-posterior.ts';

function num(v: number): string {
  if (Number.isNaN(v)) return '–';
  const a = Math.abs(v);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  return `${v < 0 ? '−' : v > 0 ? '+' : ''}${a.toFixed(digits)}`;
}

const effect = (e: PairedEffect) => `${num(e.difference)} [${num(e.lo)}, ${num(e.hi)}]`;

function share(p: number, verdicts: readonly string[]): string {
  const n = verdicts.filter((v) => v !== 'fails').length;
  return `${Math.round(p * 100)}% of parameter sets (${n}/${verdicts.length})`;
}

/**
 * The claims report under parameter uncertainty as plain text: per claim the share of
 * plausible parameter sets in which it holds, per criterion the effect over sets × seeds.
 */
export function formatPosteriorClaimsText(r: PosteriorClaimsReport, posteriorLabel: string): string {
  const pct = Math.round(r.level * 100);
  const runs = r.draws.length * r.seedsPerDraw;
  const lines = [
    `Claims under parameter uncertainty: ${r.draws.length} parameter sets drawn from ${posteriorLabel} by weight (draw seed ${r.drawSeed}), ` +
      `${r.seedsPerDraw} seeds each (${runs} runs per scenario), years ${r.years.join(', ')};`,
    `a claim holds in a parameter set when the claims check's rule passes on that set's seeds; effect = median of current − reference [${pct}% of all parameter sets × seeds]`,
  ];
  for (const c of r.claims) {
    lines.push('', `${c.id}. ${c.claim}: holds in ${share(c.probability, c.verdicts)}`);
    for (const k of c.criteria) {
      lines.push(`   ${k.test}`);
      lines.push(`     ${k.years.map((y) => `year ${y.year}: ${effect(y.effect)} (${Math.round(y.runsAgreeing * 100)}% of runs)`).join('; ')}`);
      lines.push(`     → holds in ${share(k.probability, k.verdicts)}${k.byConstruction ? ` (by construction: ${k.byConstruction})` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
