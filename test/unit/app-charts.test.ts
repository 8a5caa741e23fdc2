import { describe, expect, it } from 'vitest';
import { ensembleBand } from '../../src/analysis/quantiles.ts';
import { bandChartSvg } from '../../src/app/charts/band-chart.ts';
import { depthAreaSvg } from '../../src/app/charts/depth-area-chart.ts';
import { itemBarsSvg } from '../../src/app/charts/item-bars-chart.ts';
import { netBenefitSvg } from '../../src/app/charts/net-benefit-chart.ts';
import { networkSvg } from '../../src/app/charts/network-chart.ts';
import { networkLayout } from '../../src/analysis/network-layout.ts';
import { timelineSvg } from '../../src/app/charts/timeline-chart.ts';
import { wrap } from '../../src/svg/svg.ts';

const years = Float64Array.from({ length: 10 }, (_, i) => i);
const runs = (base: number, slope: number) =>
  Array.from({ length: 8 }, (_, r) => Float64Array.from(years, (t) => base + slope * t + 0.01 * (r - 4)));
const pct = (v: number) => `${Math.round(v * 100)}%`;

/** Well-formed: one svg root, every tag closed in order, no NaN or undefined written. */
function checkSvg(svg: string): void {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg.endsWith('</svg>')).toBe(true);
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)(?:\s[^>]*?)?(\/?)>/g)) {
    const [, closing, tag, selfClosing] = m;
    if (selfClosing) continue;
    if (closing) expect(stack.pop()).toBe(tag);
    else stack.push(tag);
  }
  expect(stack).toEqual([]);
  expect(svg).not.toMatch(/NaN|undefined/);
}

describe('charts are pure functions from data to SVG', () => {
  it('band chart: scenario and baseline medians, bands, title, unit, legend', () => {
    const data = { years, current: ensembleBand(runs(0.1, 0.02)), baseline: ensembleBand(runs(0.1, 0)), ensemble: true };
    const opts = { title: 'Firms cooperating', unit: '% of firms', format: pct, legend: { current: 'This scenario', baseline: 'Status quo', band: 'middle 80%' } };
    const svg = bandChartSvg(data, opts);
    checkSvg(svg);
    expect(svg).toBe(bandChartSvg(data, opts));
    expect(svg).toContain('class="line current"');
    expect(svg).toContain('class="line baseline"');
    expect(svg).toContain('class="band current"');
    expect(svg).toContain('Firms cooperating');
    expect(svg).toContain('% of firms');
    expect(svg).toContain('Status quo');
    expect(svg).toMatch(/data-values="0\.095 0\.115 0\.135/);
    // A single run draws no band.
    expect(bandChartSvg({ ...data, ensemble: false }, opts)).not.toContain('class="band');
  });

  it('band chart escapes text and caps share axes at 100%', () => {
    const data = { years, current: ensembleBand(runs(0.9, 0.005)), ensemble: false };
    const svg = bandChartSvg(data, { title: 'A <b> & "c"', format: pct, cap: 1 });
    checkSvg(svg);
    expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(svg).not.toContain('>120%<');
    expect(svg).toContain('>100%<');
  });

  it('depth chart: four stacked layers, deepest at the bottom, baseline boundaries dashed', () => {
    const current = [0.1, 0.04, 0.02, 0.01].map((v) => Float64Array.from(years, (t) => v + 0.001 * t));
    const svg = depthAreaSvg(
      { years, current, baseline: current },
      { title: 'How deep', depthLabels: ['1 shallow', '2 order', '3 base', '4 integrated'], baselineLabel: 'Status quo', formatPercent: pct, width: 600 },
    );
    checkSvg(svg);
    expect(svg.match(/class="layer depth-\d"/g)).toEqual(['class="layer depth-4"', 'class="layer depth-3"', 'class="layer depth-2"', 'class="layer depth-1"']);
    expect(svg.match(/baseline-boundary/g)).toHaveLength(4);
    expect(svg).toContain('4 integrated');
  });

  it('net benefit chart: low- and high-tech lines for scenario and baseline', () => {
    const b = ensembleBand(runs(-5, 2));
    const svg = netBenefitSvg(
      { years, low: b, high: b, baselineLow: b, baselineHigh: b, ensemble: true },
      { title: 'Net benefit', lowLabel: 'Low-tech', highLabel: 'High-tech', baselineLabel: 'Status quo', format: String },
    );
    checkSvg(svg);
    expect(svg.match(/class="line /g)).toHaveLength(4);
    expect(svg).toContain('Low-tech');
  });

  it('network: layout is deterministic; nodes carry data for clicks; links coloured by depth', () => {
    // Two regions, four colleges; firms 0–5 over three years.
    const edges = [
      Int32Array.from([0, 0, 1, 1, 1, 9, 2, 2, 3]),
      Int32Array.from([0, 0, 2, 1, 1, 10, 3, 3, 4, 4, 3, 1]),
      Int32Array.from([0, 0, 3, 5, 2, 1]),
    ];
    const input = { schools: 4, schoolRegion: [0, 0, 1, 1], edges };
    const a = networkLayout(input);
    expect(Array.from(networkLayout(input).firm)).toEqual(Array.from(a.firm));
    for (const v of a.school) expect(v).toBeGreaterThanOrEqual(0);
    for (const v of a.school) expect(v).toBeLessThanOrEqual(1);
    const labels = {
      school: 'College',
      lowTech: 'Low-tech',
      highTech: 'High-tech',
      depth: ['1', '2', '3', '4'] as [string, string, string, string],
      friendship: 'personal ties',
      contract: 'contract',
      firmTitle: (f: number) => `Firm ${f}`,
      schoolTitle: (s: number) => `College ${s}`,
    };
    const svg = networkSvg({ layout: a, edges: edges[1], schools: 4, firmTech: [0, 1, 0, 1, 0, 0], selection: { kind: 'firm', index: 1 } }, { title: 'Year 1', labels });
    checkSvg(svg);
    expect(svg.match(/data-kind="firm"/g)).toHaveLength(4);
    expect(svg.match(/data-kind="school"/g)).toHaveLength(4);
    expect(svg).toContain('class="links depth-4"');
    expect(svg).toContain('stroke-dasharray="3,2"');
    expect(svg).toContain('class="selection"');
    expect(svg).toContain('<title>Firm 3</title>');
  });

  it('item bars: benefits right in green, costs left in red, with a total', () => {
    const svg = itemBarsSvg(
      [
        { label: 'Interns’ work', value: 5 },
        { label: 'Intern pay', value: -3 },
      ],
      { title: 'Items', format: (v) => v.toFixed(1), total: { label: 'Net', value: 2 } },
    );
    checkSvg(svg);
    expect(svg.match(/class="item-row/g)).toHaveLength(3);
    expect(svg).toContain('#1a9850');
    expect(svg).toContain('#d73027');
    expect(svg).toContain('>Net<');
  });

  it('timeline: one cell per year of partnership', () => {
    const svg = timelineSvg([{ label: 'College 3', depth: [0, 1, 1, 2, 0] }], { title: 'T', years: 5, yearLabel: 'Year', depthTitle: (d) => `depth ${d}`, currentYear: 2 });
    checkSvg(svg);
    expect(svg.match(/<rect x=/g)).toHaveLength(3);
    expect(svg).toContain('class="current-year"');
  });

  it('wraps English by words and Chinese by characters', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('校企合作政策模拟器', 8)).toEqual(['校企合作', '政策模拟', '器']);
  });
});
