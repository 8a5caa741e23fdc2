import { describe, expect, it } from 'vitest';
import { wedgeChartSvg } from '../../src/app/wedges/wedge-chart.ts';
import type { Wedge } from '../../src/optimize/lever-wedges.ts';

const effect = (difference: number, lo: number, hi: number) => ({ n: 8, baseline: NaN, current: NaN, difference, meanDifference: difference, lo, hi, level: 0.9 });
const wedge = (kind: Wedge['kind'], lever: string | null, d: number, cost = NaN): Wedge => ({ metric: 'deep_share', year: 5, kind, lever, effect: effect(d, d - 0.01, d + 0.02), costPerUnit: cost });
const wedges: Wedge[] = [
  wedge('total', null, 0.05, 120),
  wedge('leave_out', 'law', 0.03, 10),
  wedge('leave_out', 'taxRelief', -0.01),
  wedge('add_in', 'law', 0.04, 8),
  wedge('add_in', 'taxRelief', 0.002, 900),
  wedge('remainder', null, 0.008),
];
const options = {
  title: 'Deep, year 5',
  totalLabel: 'Whole package',
  remainderLabel: 'Remainder',
  leaveOutLabel: 'given the others',
  addInLabel: 'alone',
  intervalLabel: '90% interval',
  leverLabel: (l: string) => `lever ${l}`,
  format: (v: number) => v.toFixed(3),
};

describe('lever contributions chart', () => {
  it('draws one bar per part, grouped by lever in the order of the levers, with its numbers at full precision', () => {
    const svg = wedgeChartSvg(wedges, ['law', 'taxRelief'], options);
    const bars = [...svg.matchAll(/<g class="wedge-bar" data-kind="(\w+)" data-lever="(\w*)" data-effect="([^"]+)"[^>]*data-cost="([^"]+)"/g)].map((m) => [m[1], m[2], Number(m[3]), m[4]]);
    expect(bars).toEqual([
      ['total', '', 0.05, '120'],
      ['leave_out', 'law', 0.03, '10'],
      ['add_in', 'law', 0.04, '8'],
      ['leave_out', 'taxRelief', -0.01, 'NaN'],
      ['add_in', 'taxRelief', 0.002, '900'],
      ['remainder', '', 0.008, 'NaN'],
    ]);
    expect(svg).toContain('>lever law</text>');
    expect(svg).toContain('aria-label="Deep, year 5"');
  });

  it('starts a negative bar at its value and ends it at zero, so bars on both sides share the zero line', () => {
    const svg = wedgeChartSvg(wedges, ['law', 'taxRelief'], options);
    const rect = (kind: string, lever: string) => {
      const m = svg.match(new RegExp(`data-kind="${kind}" data-lever="${lever}"[^>]*><rect x="([\\d.]+)" y="[\\d.]+" width="([\\d.]+)"`))!;
      return { x: Number(m[1]), end: Number(m[1]) + Number(m[2]) };
    };
    const neg = rect('leave_out', 'taxRelief');
    const pos = rect('leave_out', 'law');
    expect(neg.end).toBeCloseTo(pos.x, 1);
    expect(neg.x).toBeLessThan(pos.x);
  });
});
