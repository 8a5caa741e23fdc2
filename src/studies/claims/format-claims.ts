import type { ClaimsReport, CriterionReport, CriterionYear } from './check-claims.ts';

function num(v: number): string {
  if (Number.isNaN(v)) return '–';
  const a = Math.abs(v);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  return `${v < 0 ? '−' : v > 0 ? '+' : ''}${a.toFixed(digits)}`;
}

/** A paired effect as "median [lo, hi]". */
export function effectText(y: CriterionYear): string {
  return `${num(y.effect.difference)} [${num(y.effect.lo)}, ${num(y.effect.hi)}]`;
}

function verdictText(k: CriterionReport): string {
  return k.verdict === 'holds by construction' ? `holds by construction (${k.byConstruction})` : k.verdict;
}

/** The report as plain text for a terminal. */
export function formatClaimsText(r: ClaimsReport): string {
  const lines: string[] = [];
  const pct = Math.round(r.level * 100);
  lines.push(`Claims check: ${r.seeds.length} paired seeds (${r.seeds[0]}–${r.seeds[r.seeds.length - 1]}), effect = median of current − reference [${pct}% of seeds], years ${r.years.join(', ')};\na criterion holds when the median is on the claimed side and a one-sided sign test over the seeds gives p < 0.05 at every year`);
  for (const c of r.claims) {
    lines.push('', `${c.id}. ${c.claim}: ${c.verdict.toUpperCase()}`);
    for (const k of c.criteria) {
      lines.push(`   ${k.test}`);
      lines.push(`     ${k.years.map((y) => `year ${y.year}: ${effectText(y)} (${Math.round(y.seedsAgreeing * 100)}% of seeds)`).join('; ')}`);
      lines.push(`     → ${verdictText(k)}`);
      for (const y of k.years) if (y.why) lines.push(`       why: ${y.why}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The report as a Markdown table (one row per criterion), for the README. */
export function formatClaimsMarkdown(r: ClaimsReport): string {
  const pct = Math.round(r.level * 100);
  const head = ['Claim', 'Test (scenarios, metric)', ...r.years.map((y) => `Year ${y}`), 'Verdict'];
  const rows = [head, head.map(() => '---')];
  for (const c of r.claims) {
    c.criteria.forEach((k, i) => {
      rows.push([
        i === 0 ? `**${c.id}.** ${c.claim} — **${c.verdict}**` : '',
        `\`${k.test}\``,
        ...k.years.map((y) => `${effectText(y)} ${y.holds ? '✓' : '✗'}`),
        verdictText(k),
      ]);
    });
  }
  const why = r.claims.flatMap((c) => c.criteria.flatMap((k) => k.years.filter((y) => y.why).map((y) => `- Claim ${c.id}, ${y.why}.`)));
  const body = rows.map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
  const note =
    `Paired seeds ${r.seeds[0]}–${r.seeds[r.seeds.length - 1]}; each cell is the median across seeds of the paired effect (current − reference) ` +
    `with the ${pct}% interval of the seeds' effects; ✓ when the median lies on the claimed side and a one-sided sign test over the seeds gives p < 0.05.`;
  return `${note}\n\n${body}\n${why.length ? `\nWhere a claim fails, the model says why:\n\n${why.join('\n')}\n` : ''}`;
}
