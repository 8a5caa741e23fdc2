import { notSwept } from './merge-robustness.ts';
import type { CriterionOutcome, ParameterRobustness, RobustnessReport } from './robustness-sweep.ts';

function show(v: number | number[]): string {
  const one = (x: number) => String(Number(x.toPrecision(3)));
  return Array.isArray(v) ? `[${v.map(one).join(', ')}]` : one(v);
}

/** A criterion that points another way at some tested value of a parameter than at the defaults. */
export interface DecidingAssumption {
  path: string;
  default: number | number[];
  claim: number;
  test: string;
  /** Whether the criterion points the claimed way at the defaults. */
  holdsAtDefault: boolean;
  /** Tested values (factor and value) at which it points the other way. */
  flipsAt: { factor: number; value: number | number[] }[];
  /** Lowest and highest tested factor of the unbroken range around 1× with the default's direction. */
  range: [number, number];
  rangeValues: [number | number[], number | number[]];
}

/**
 * Share of seeds a criterion's direction at the defaults needs to count as decided: below
 * it the seeds split, and any parameter can tip the median either way.
 */
export const DECIDED_SHARE = 0.75;

/** Whether the seeds split on a criterion's direction (unknown agreement counts as decided). */
export function undecided(o: CriterionOutcome): boolean {
  const a = o.seedsAgreeing;
  return a !== undefined && !Number.isNaN(a) && Math.max(a, 1 - a) < DECIDED_SHARE;
}

/** Every (parameter, criterion) whose direction changes within the tested values, for criteria decided at the defaults. */
export function decidingAssumptions(r: RobustnessReport): DecidingAssumption[] {
  const out: DecidingAssumption[] = [];
  for (const p of r.parameters) {
    r.defaults.forEach((d, i) => {
      if (undecided(d)) return;
      const flipped = p.points.filter((pt) => pt.outcomes[i].claimedDirection !== d.claimedDirection);
      if (!flipped.length) return;
      const [range, rangeValues] = unbrokenRange(p, i, d);
      out.push({ path: p.path, default: p.default, claim: d.claim, test: d.test, holdsAtDefault: d.claimedDirection, flipsAt: flipped.map((pt) => ({ factor: pt.factor, value: pt.value })), range, rangeValues });
    });
  }
  return out;
}

function unbrokenRange(p: ParameterRobustness, i: number, d: CriterionOutcome): [[number, number], [number | number[], number | number[]]] {
  const pts = [...p.points, { factor: 1, value: p.default, outcomes: [] as CriterionOutcome[] }].sort((a, b) => a.factor - b.factor);
  const at = pts.findIndex((pt) => pt.factor === 1);
  const same = (k: number) => pts[k].factor === 1 || pts[k].outcomes[i].claimedDirection === d.claimedDirection;
  let lo = at;
  let hi = at;
  while (lo > 0 && same(lo - 1)) lo--;
  while (hi < pts.length - 1 && same(hi + 1)) hi++;
  return [[pts[lo].factor, pts[hi].factor], [pts[lo].value, pts[hi].value]];
}

/** A criterion's short name: the words before its first colon, with the scenario compared for claim 7. */
export function label(test: string): string {
  const head = test.split(':')[0];
  const per = /full-package − ([\w-]+)/.exec(test);
  return per && /per M¥/.test(head) ? `per M¥ vs ${per[1]}` : head;
}

function claimWord(a: DecidingAssumption): string {
  return a.holdsAtDefault ? 'holds' : 'fails';
}

/** The README's "Assumptions that decide results" table. */
export function formatRobustnessMarkdown(r: RobustnessReport): string {
  const deciding = decidingAssumptions(r);
  const pct = r.factors.map((f) => `${f > 1 ? '+' : '−'}${Math.round(Math.abs(f - 1) * 100)}%`).join(' and ');
  const tested = r.parameters.filter((p) => p.points.length > 0).length;
  const split = r.defaults.filter(undecided);
  const lines = [
    `${tested} assumed parameters, each set ${pct} of its value in every compared scenario (one at a time; halfway to the default where that flips a claim), ` +
      `${r.seeds.length} paired seeds, year ${r.year}: a row for every parameter and claim criterion whose median paired effect changes direction. ` +
      `"Same direction over" is the tested range around the default where it keeps the default's direction. Sweep time ${Math.round(r.seconds)} s.`,
    '',
  ];
  if (split.length)
    lines.push(
      `Undecided at the defaults (fewer than ${DECIDED_SHARE * 100}% of the seeds on either side, so any parameter can tip the median; not listed per parameter): ` +
        `${split.map((d) => `claim ${d.claim}, ${label(d.test)} (${Math.round((d.seedsAgreeing ?? NaN) * 100)}% of seeds on the claimed side)`).join('; ')}.`,
      '',
    );
  lines.push('| Parameter | Default | Claim: criterion | At default | Flips at | Same direction over |', '|---|---|---|---|---|---|');
  for (const a of deciding)
    lines.push(
      `| \`${a.path}\` | ${show(a.default)} | ${a.claim}: ${label(a.test)} | ${claimWord(a)} | ${a.flipsAt.map((f) => `${show(f.value)} (${f.factor}×)`).join(', ')} | ${show(a.rangeValues[0])} – ${show(a.rangeValues[1])} |`,
    );
  if (!deciding.length) lines.push('| (none) | | | | | |');
  const labels = [...new Map(r.defaults.map((d) => [label(d.test), d.test])).entries()];
  lines.push('', `Criteria: ${labels.map(([l, t]) => `*${l}* — \`${t.replace(/\|/g, '\\|')}\``).join('; ')}.`);
  const skipped = r.parameters.filter((p) => p.points.length === 0).map((p) => `\`${p.path}\``);
  if (skipped.length) lines.push('', `Not tested (a relative change leaves the value as it is): ${skipped.join(', ')}.`);
  const missing = notSwept(r);
  if (missing.length)
    lines.push(
      '',
      `Not swept in this run (${missing.length} of ${missing.length + r.parameters.length} assumed parameters; ` +
        `\`coopsim robustness --only PATH\` sweeps them): ${missing.map((p) => `\`${p}\``).join(', ')}.`,
    );
  return `${lines.join('\n')}\n`;
}

/** A short text summary for the terminal. */
export function formatRobustnessText(r: RobustnessReport): string {
  const deciding = decidingAssumptions(r);
  const lines = [`Robustness sweep: ${r.parameters.length} assumed parameters × factors ${r.factors.join(', ')}, ${r.seeds.length} paired seeds, year ${r.year}, ${r.seconds.toFixed(1)} s`];
  lines.push('', 'At the defaults:');
  for (const d of r.defaults) lines.push(`  ${d.claim}. ${d.test}: median ${d.median.toPrecision(3)} → ${d.claimedDirection ? 'claimed direction' : 'other direction'}`);
  lines.push('', deciding.length ? 'Assumptions that change a claim\'s direction:' : 'No assumption changes a claim\'s direction within the tested values.');
  for (const a of deciding)
    lines.push(`  ${a.path} (default ${show(a.default)}): claim ${a.claim} ${a.test} ${claimWord(a)} at the default, not at ${a.flipsAt.map((f) => `${show(f.value)} (${f.factor}×)`).join(', ')}; same direction over ${show(a.rangeValues[0])} – ${show(a.rangeValues[1])}`);
  return `${lines.join('\n')}\n`;
}
