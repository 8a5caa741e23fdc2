import { indistinguishableFrom, PULSE_SERIES, yearsUntil, type PulseReport, type PulseSeries } from './pulse-persistence.ts';

function signed(v: number): string {
  if (Number.isNaN(v)) return '–';
  const a = Math.abs(v);
  return `${v < 0 ? '−' : '+'}${a >= 10 ? a.toFixed(1) : a >= 1 ? a.toFixed(2) : a.toFixed(3)}`;
}

/** How the effect of a series after the pulse compares with its size in the pulse's last year. */
function persistence(r: PulseReport, k: PulseSeries): { last: number; peak: number; ratio: number; half?: number; gone?: number } {
  const e = r.effects[k];
  const peak = e[r.endYear - 1].meanDifference;
  const last = e[r.years - 1].meanDifference;
  return { last, peak, ratio: last / peak, half: yearsUntil(e, r.endYear, 0.5), gone: indistinguishableFrom(e, r.endYear) };
}

const CARRIERS: readonly PulseSeries[] = ['mean_attitude', 'school_facilities', 'school_teacher_practice', 'school_alignment', 'school_reputation', 'mean_trust'];

/**
 * The README's statement of how long a pulse's effect persists, from a measurement: the
 * outcomes' gaps after the levers are removed, and which state variables keep theirs.
 */
export function formatPulseMarkdown(r: PulseReport): string {
  const after = r.years - r.endYear;
  const out: string[] = [];
  const describe = (k: PulseSeries, what: string) => {
    const p = persistence(r, k);
    const first = r.effects[k][r.endYear].meanDifference;
    const base =
      `${what} is ${signed(p.peak)} against the status quo in the package's last year (year ${r.endYear - 1}), ` +
      `${signed(first)} in the first year without it (${Math.round((first / p.peak) * 100)}%) and ${signed(p.last)} in year ${r.years - 1}, ${after} years after it ended (${Math.round(p.ratio * 100)}%)`;
    if (p.gone !== undefined) return `${base}; the seeds' 90% interval includes zero from year ${p.gone} on.`;
    if (p.half !== undefined) return `${base}; it fell below half within ${p.half} years but stays clear of zero.`;
    return `${base}: it ${p.ratio > 1 ? 'grows after the package ends' : 'does not fade'}.`;
  };
  out.push(
    `Measured: \`scenarios/pulse.json\` against \`scenarios/baseline.json\`, ${r.seeds.length} paired seeds, ${r.years} years, mean of the paired differences (pulse − status quo).`,
    '',
    `- ${describe('deep_share', 'The deep share (depth 3 + 4)')}`,
    `- ${describe('firms_cooperating_share', 'The share of firms cooperating')}`,
  );
  const kept = CARRIERS.filter((k) => persistence(r, k).ratio >= 0.5);
  const faded = CARRIERS.filter((k) => persistence(r, k).ratio < 0.5);
  const names = (ks: readonly PulseSeries[]) => ks.map((k) => `\`${k}\` ${Math.round(persistence(r, k).ratio * 100)}%`).join(', ');
  const growing = kept.filter((k) => persistence(r, k).ratio > 1);
  out.push(
    `- What carries the memory — the state that keeps at least half of its year-${r.endYear - 1} gap by year ${r.years - 1}: ${kept.length ? names(kept) : 'none'}` +
      `${faded.length ? `; what fades: ${names(faded)}` : ''}.` +
      (growing.length ? ` Of these, ${growing.map((k) => `\`${k}\``).join(', ')} keep growing after the levers are gone: a self-reinforcing loop, not a memory that fades.` : ''),
    '',
    `Series: ${CARRIERS.map((k) => `\`${k}\` ${PULSE_SERIES[k]}`).join('; ')}.`,
    '',
    `| Year | ${(['deep_share', 'firms_cooperating_share', ...CARRIERS] as PulseSeries[]).map((k) => `\`${k}\``).join(' | ')} |`,
    `|---|${['deep_share', 'firms_cooperating_share', ...CARRIERS].map(() => '---').join('|')}|`,
  );
  const years = [...new Set([0, r.endYear - 1, r.endYear, r.endYear + 1, r.endYear + 5, 15, 20, r.years - 1])].filter((y) => y < r.years).sort((a, b) => a - b);
  for (const y of years)
    out.push(`| ${y} | ${(['deep_share', 'firms_cooperating_share', ...CARRIERS] as PulseSeries[]).map((k) => signed(r.effects[k][y].meanDifference)).join(' | ')} |`);
  return `${out.join('\n')}\n`;
}
