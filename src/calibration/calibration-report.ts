import { csvLine, formatCell } from '../experiment/sweep/sweep-rows.ts';
import type { Population, StopReason } from './abc-types.ts';
import { scenarioAt } from './model-problem.ts';
import type { Calibration } from './parse-calibration.ts';
import { weightedQuantile } from './weighted-quantile.ts';

/** What the data did to one parameter. */
export interface ParameterSummary {
  path: string;
  prior: string;
  priorSource: string;
  /** Prior 5% and 95% quantiles. */
  priorInterval: [number, number];
  median: number;
  /** Posterior 5% and 95% weighted quantiles. */
  interval: [number, number];
  /** 1 − posterior 90% width / prior 90% width (0: the data said nothing; near 1: pinned down). */
  narrowing: number;
}

/** One target against the posterior predictive distribution. */
export interface TargetSummary {
  name: string;
  /** The observation: a value, or bounds ("≥ 0.6", "0.65–0.8"). */
  observed: string;
  source: string;
  years: [number, number];
  /** Median and 5%–95% of the particles' simulated values (posterior predictive, within the ABC tolerance). */
  median: number;
  interval: [number, number];
  /** Whether the observation (value, or the bound range) meets the 90% interval. */
  covered: boolean;
}

/** The readable summary of a calibration. */
export interface CalibrationSummary {
  name: string;
  generations: number;
  stopped: StopReason;
  tolerance: number;
  particles: number;
  ess: number;
  simulations: number;
  parameters: ParameterSummary[];
  targets: TargetSummary[];
}

/** Summarises the final population. */
export function summarize(cal: Calibration, pops: readonly Population[], stopped: StopReason): CalibrationSummary {
  const last = pops[pops.length - 1];
  const parameters = cal.parameters.map((p, k): ParameterSummary => {
    const xs = last.theta.map((t) => t[k]);
    const lo = weightedQuantile(xs, last.weights, 0.05);
    const hi = weightedQuantile(xs, last.weights, 0.95);
    const plo = p.prior.quantile(0.05);
    const phi = p.prior.quantile(0.95);
    return {
      path: p.path,
      prior: p.prior.label,
      priorSource: p.source,
      priorInterval: [plo, phi],
      median: weightedQuantile(xs, last.weights, 0.5),
      interval: [lo, hi],
      narrowing: phi > plo ? 1 - (hi - lo) / (phi - plo) : 0,
    };
  });
  const targets = cal.targets.map((t, i): TargetSummary => {
    const xs = last.stats.map((s) => s[i]);
    const lo = weightedQuantile(xs, last.weights, 0.05);
    const hi = weightedQuantile(xs, last.weights, 0.95);
    const oLo = t.value ?? t.min ?? -Infinity;
    const oHi = t.value ?? t.max ?? Infinity;
    const observed =
      t.value !== null ? `${t.value} ± ${t.sd}` : t.min !== null && t.max !== null ? `${t.min}–${t.max}` : t.min !== null ? `≥ ${t.min}` : `≤ ${t.max}`;
    return {
      name: t.name,
      observed,
      source: t.source,
      years: [t.from, t.to],
      median: weightedQuantile(xs, last.weights, 0.5),
      interval: [lo, hi],
      covered: oLo <= hi && oHi >= lo,
    };
  });
  return {
    name: cal.file.name,
    generations: pops.length,
    stopped,
    tolerance: last.tolerance,
    particles: last.theta.length,
    ess: last.ess,
    simulations: pops.reduce((a, p) => a + p.simulations, 0),
    parameters,
    targets,
  };
}

/** posterior.csv: one row per particle of the final generation. */
export function posteriorCsv(cal: Calibration, last: Population): string {
  const header = ['particle', ...cal.parameters.map((p) => p.path), 'weight', 'distance', ...cal.targets.map((t) => `predicted:${t.name}`)];
  let s = csvLine(header);
  last.theta.forEach((theta, i) => {
    s += csvLine([String(i), ...theta.map(formatCell), formatCell(last.weights[i]), formatCell(last.distances[i]), ...last.stats[i].map(formatCell)]);
  });
  return s;
}

/** generations.csv: one row per generation. */
export function generationsCsv(pops: readonly Population[]): string {
  let s = csvLine(['generation', 'tolerance', 'proposed', 'accepted', 'acceptance', 'ess', 'simulations', 'seconds']);
  for (const p of pops)
    s += csvLine([p.generation, Number.isFinite(p.tolerance) ? p.tolerance : 'Infinity', p.proposed, p.theta.length, p.acceptance, p.ess, p.simulations, p.elapsedMs / 1000].map((v) => formatCell(v)));
  return s;
}

/**
 * The base scenario with every calibrated field at its posterior median, each sourced
 * "calibrated: <file>, posterior median".
 */
export function calibratedScenario(cal: Calibration, summary: CalibrationSummary, fileLabel: string): Record<string, unknown> {
  const data = scenarioAt(
    cal,
    summary.parameters.map((p) => p.median),
  );
  const { $schema: _schema, ...rest } = data;
  const sources = { ...((rest.sources as Record<string, string> | undefined) ?? {}) };
  for (const p of summary.parameters) sources[p.path] = `calibrated: ${fileLabel}, posterior median`;
  const name = typeof rest.name === 'string' ? rest.name : cal.scenario.name;
  const description = `${typeof rest.description === 'string' ? `${rest.description} ` : ''}Calibrated by ${fileLabel}: the fields named in sources are posterior medians.`;
  return { ...rest, name: `${name} (calibrated)`.slice(0, 200), description: description.slice(-5000), sources };
}

const g = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : String(x));

/** The summary as Markdown. */
export function summaryMarkdown(s: CalibrationSummary, fileLabel: string): string {
  const lines = [
    `# Calibration: ${s.name}`,
    '',
    `${fileLabel}: ${s.generations} generation${s.generations === 1 ? '' : 's'} of ABC-SMC (stopped: ${stopText(s.stopped)}), ` +
      `final tolerance ${g(s.tolerance)}, ${s.particles} particles (effective sample size ${g(s.ess)}), ${s.simulations} model runs.`,
    '',
    '## Parameters',
    '',
    '| parameter | prior | prior 90% | posterior median | posterior 90% | narrowed by |',
    '| --- | --- | --- | --- | --- | --- |',
    ...s.parameters.map(
      (p) =>
        `| ${p.path} | ${p.prior} | ${g(p.priorInterval[0])}–${g(p.priorInterval[1])} | ${g(p.median)} | ${g(p.interval[0])}–${g(p.interval[1])} | ${Math.round(p.narrowing * 100)}% |`,
    ),
    '',
    '"Narrowed by" is 1 − (posterior 90% width / prior 90% width): near 0, the targets say little about the parameter.',
    '',
    '## Targets',
    '',
    '| target | years | observed | posterior predictive median | 90% | fits | source |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...s.targets.map(
      (t) =>
        `| ${t.name} | ${t.years[0]}–${t.years[1]} | ${t.observed} | ${g(t.median)} | ${g(t.interval[0])}–${g(t.interval[1])} | ${t.covered ? 'yes' : 'no'} | ${t.source.replace(/\|/g, '/')} |`,
    ),
    '',
    'The predictive values are the accepted particles\' own runs, so they lie within the final tolerance of the data by construction.',
    '',
  ];
  return lines.join('\n');
}

function stopText(s: StopReason): string {
  if (s === 'generations') return 'all generations run';
  if (s === 'tolerance') return 'final tolerance reached';
  if (s === 'paused') return 'paused after a step; the posterior so far — continue with --resume';
  return 'acceptance rate fell below the minimum; the last full generation is kept';
}
