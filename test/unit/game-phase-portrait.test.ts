import { describe, it, expect } from 'vitest';
import { abmPaths, phasePortraitData, phasePortraitSvg, PHASE_PORTRAIT_LABELS } from '../../src/app/charts/phase-portrait.ts';
import { gameAbmRuns } from '../../src/analysis/game/game-abm-runs.ts';
import { en } from '../../src/app/i18n/en.ts';
import { zhCN } from '../../src/app/i18n/zh-CN.ts';
import { phasePortraitLabels } from '../../src/app/views/game-labels.ts';
import type { GameParams } from '../../src/analysis/game/game-params.ts';

const bistable: GameParams = { V: 10, alpha: 0.4, Cs: 3, Ce: 5, gs: 0, ge: 3.5, q: 1 };
const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;

describe('phase portrait data', () => {
  it('holds the field, nullclines, equilibria, ODE trajectories and ABM runs', () => {
    const d = phasePortraitData(bistable, [[0.5, 0.5], [0.2, 0.3]], { grid: 10, tmax: 5, abm: { agents: 100, runs: 2, seed: 3 } });
    expect(d.field).toHaveLength(100);
    // Schools indifferent at y = (Cs − gs)/(αV) = 0.75, firms at x = (Ce − ge)/(q(1−α)V) = 0.25.
    expect(d.nullclines).toEqual([
      { population: 'schools', x1: 0, y1: 0.75, x2: 1, y2: 0.75 },
      { population: 'firms', x1: 0.25, y1: 0, x2: 0.25, y2: 1 },
    ]);
    expect(d.equilibria.filter((e) => e.stable).map((e) => e.label).sort()).toEqual(['(0,0)', '(1,1)']);
    expect(d.trajectories).toHaveLength(2);
    expect(d.trajectories[0].points).toHaveLength(51);
    expect(d.abmRuns).toHaveLength(4);
    // Field arrows point along the dynamics: below the schools' nullcline schools leave.
    const f = d.field.find((p) => p.y < 0.7 && p.x > 0.3)!;
    expect(f.dx).toBeLessThan(0);
  });
});

describe('phase portrait chart', () => {
  it('draws arrows, nullclines, trajectories, filled stable and hollow unstable equilibria, and axis labels', () => {
    const d = phasePortraitData(bistable, [[0.5, 0.5], [0.2, 0.3], [0.1, 0.9]], { grid: 12, abm: { agents: 50, runs: 1, seed: 1 } });
    const svg = phasePortraitSvg(d, { width: 400, height: 400, margin: 40, title: 'a < b & c' });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(count(svg, /class="arrow"/g)).toBe(144);
    expect(count(svg, /class="nullcline /g)).toBe(2);
    expect(count(svg, /class="trajectory ode"/g)).toBe(3);
    expect(count(svg, /class="trajectory abm"/g)).toBe(3);
    expect(count(svg, /class="equilibrium stable"[^>]*fill="#000"/g)).toBe(2);
    expect(count(svg, /class="equilibrium unstable"[^>]*fill="#fff"/g)).toBe(3);
    expect(svg).toContain('>schools deep (x)</text>');
    expect(svg).toContain('>firms deep (y)</text>');
    expect(svg).toContain('a &lt; b &amp; c');
    expect(svg).not.toMatch(/NaN|undefined/);
    // (1,1) is drawn at the top right of the plot area, (0,0) at the bottom left.
    expect(svg).toMatch(/class="equilibrium stable" cx="380" cy="[0-9.]+"/);
    expect(svg).toMatch(/cx="40" cy="360"/);
  });

  it('omits nullclines that leave the square and marks the single stable corner', () => {
    const d = phasePortraitData({ ...bistable, gs: 3.5, ge: 5.5, q: 0.8 }, [[0.1, 0.1]]);
    const svg = phasePortraitSvg(d);
    expect(count(svg, /class="nullcline /g)).toBe(0);
    expect(count(svg, /class="equilibrium stable"/g)).toBe(1);
    expect(count(svg, /class="equilibrium unstable"/g)).toBe(3);
    expect(count(svg, /class="trajectory abm"/g)).toBe(0);
  });
});

describe('agent-based runs for the phase portrait', () => {
  const starts: [number, number][] = [
    [0.5, 0.5],
    [0.2, 0.8],
    [0.8, 0.2],
  ];
  const req = { params: bistable, starts, agents: 200, runs: 4, M: 10, seed: 5, tmax: 6 };

  it('split by start (one part per worker) gives exactly the runs of the whole list', () => {
    const whole = gameAbmRuns(req);
    const parts = starts.map((s, k) => gameAbmRuns({ ...req, starts: [s], firstStart: k }));
    expect(whole.runs).toHaveLength(12);
    expect(whole.means).toHaveLength(3);
    expect(parts.flatMap((p) => p.runs)).toEqual(whole.runs);
    expect(parts.flatMap((p) => p.means)).toEqual(whole.means);
    expect(whole.times).toHaveLength(61);
    expect(abmPaths(whole)).toEqual({
      abmRuns: phasePortraitData(bistable, starts, { tmax: 6, abm: { agents: 200, runs: 4, M: 10, seed: 5 } }).abmRuns,
      abmMeans: phasePortraitData(bistable, starts, { tmax: 6, abm: { agents: 200, runs: 4, M: 10, seed: 5 } }).abmMeans,
    });
  });

  it('the mean of the runs is their average and follows the ODE within sampling error', () => {
    const out = gameAbmRuns({ ...req, agents: 1000, runs: 8, starts: [[0.5, 0.5]] });
    const k = 20; // t = 2
    const avg = out.runs.reduce((a, r) => a + r.x[k], 0) / out.runs.length;
    expect(out.means[0].x[k]).toBeCloseTo(avg, 12);
    const ode = phasePortraitData(bistable, [[0.5, 0.5]], { tmax: 6 }).trajectories[0].points[k];
    expect(Math.abs(out.means[0].x[k] - ode.x)).toBeLessThan(0.05);
    expect(Math.abs(out.means[0].y[k] - ode.y)).toBeLessThan(0.05);
  });
});

describe('phase portrait labels', () => {
  const d = phasePortraitData(bistable, [[0.5, 0.5]], { grid: 6, tmax: 3, abm: { agents: 50, runs: 2, seed: 1 } });

  it('defaults to English and draws the given labels instead, escaped', () => {
    const svg = phasePortraitSvg(d, {
      labels: { xAxis: 'colleges <deep>', yAxis: 'firms & deep', kinds: { ...PHASE_PORTRAIT_LABELS.kinds, saddle: 'col' } },
    });
    expect(svg).toContain('>colleges &lt;deep&gt;</text>');
    expect(svg).toContain('>firms &amp; deep</text>');
    expect(svg).toContain('<title>(0.25, 0.75): col</title>');
    expect(svg).toContain('<title>(1,1): stable node</title>');
    expect(svg).not.toContain('schools deep (x)');
  });

  it('draws every label of the chosen language: axes, tooltips, legend', () => {
    for (const [table, lang] of [
      [en, 'en'],
      [zhCN, 'zh-CN'],
    ] as const) {
      const labels = phasePortraitLabels((key) => table[key]);
      const svg = phasePortraitSvg(d, { labels, legend: true });
      for (const text of [labels.xAxis, labels.yAxis, labels.trajectory, labels.abmRuns, labels.abmMean, labels.stable, labels.unstable])
        expect(svg, `${lang}: ${text}`).toContain(`>${text}</text>`);
      expect(svg).toContain(`<title>${labels.schoolsNullcline}</title>`);
      expect(svg).toContain(`<title>(1,1): ${labels.kinds['stable node']}</title>`);
      expect(svg).toContain(`<title>(0.25, 0.75): ${labels.kinds.saddle}</title>`);
      expect(svg).not.toMatch(/NaN|undefined/);
    }
    const zh = phasePortraitSvg(d, { labels: phasePortraitLabels((key) => zhCN[key]), legend: true });
    // No English word is left in the text (class names aside).
    const texts = [...zh.matchAll(/>([^<]+)</g)].map((m) => m[1].trim()).filter(Boolean);
    expect(texts.filter((x) => /[a-z]{3,}/i.test(x))).toEqual([]);
  });

  it('a legend keeps the plot square: the default height grows by the legend', () => {
    const plain = phasePortraitSvg(d, { width: 500 });
    const withLegend = phasePortraitSvg(d, { width: 500, legend: true });
    const heightOf = (svg: string) => Number(/height="(\d+)"/.exec(svg)?.[1]);
    const frame = (svg: string) => /class="frame" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.slice(1).map(Number);
    expect(heightOf(plain)).toBe(500);
    expect(heightOf(withLegend)).toBeGreaterThan(500);
    expect(frame(withLegend)).toEqual(frame(plain));
    expect(frame(plain)[2]).toBe(frame(plain)[3]);
    expect((withLegend.match(/class="legend-item /g) ?? []).length).toBe(7);
    // Without agent-based runs the legend does not mention them.
    const odeOnly = phasePortraitSvg(phasePortraitData(bistable, [[0.5, 0.5]]), { legend: true });
    expect(odeOnly).not.toContain('legend-item abm');
  });
});
