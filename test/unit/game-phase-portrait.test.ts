import { describe, it, expect } from 'vitest';
import { phasePortraitData, phasePortraitSvg } from '../../src/app/charts/phase-portrait.ts';
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
