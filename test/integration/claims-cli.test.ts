import { describe, expect, it } from 'vitest';
import { coopsim } from '../helpers/cli.ts';
import { drawPosterior, readPosterior } from '../../src/index.ts';

describe('coopsim claims and coopsim robustness (built CLI)', () => {
  it('claims --json gives every claim at years 5, 10 and 19 with the seeds used', () => {
    const r = coopsim(['claims', '--seeds', '2', '--json', '--workers', '2']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.seeds).toEqual([1, 2]);
    expect(report.years).toEqual([5, 10, 19]);
    expect(report.claims.map((c: { id: number }) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const c of report.claims) expect(['holds', 'fails', 'holds by construction']).toContain(c.verdict);
    // Two seeds cannot pass a sign test at 5%: every claim must fail, whatever the model.
    expect(report.claims.every((c: { verdict: string }) => c.verdict === 'fails')).toBe(true);
  }, 120_000);

  it('claims --posterior draws parameter sets from the shipped posterior, the same for the same draw seed', () => {
    const args = ['claims', '--posterior', 'scenarios/calibration/status-quo.posterior.json', '--draws', '2', '--seeds', '2', '--json', '--workers', '2'];
    const r = coopsim(args);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    const posterior = readPosterior('scenarios/calibration/status-quo.posterior.json');
    expect(report.draws).toEqual(drawPosterior(posterior, 2, 1));
    expect(report.seedsPerDraw).toBe(2);
    expect(report.claims.map((c: { id: number }) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const c of report.claims) {
      expect(c.verdicts).toHaveLength(2);
      // Two seeds per set cannot pass the sign test: no claim holds in any set.
      expect(c.probability).toBe(0);
      for (const k of c.criteria) for (const y of k.years) expect(y.effect.n).toBeLessThanOrEqual(4);
    }
    const text = coopsim(['claims', '--posterior', 'scenarios/calibration/status-quo.posterior.json', '--draws', '1', '--seeds', '1', '--workers', '0']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^Claims under parameter uncertainty: 1 parameter sets drawn from scenarios\/calibration\/status-quo\.posterior\.json/);
    expect(text.stdout).toMatch(/1\. .*: holds in 0% of parameter sets \(0\/1\)/);
  }, 240_000);

  it('claims --posterior names a missing or broken posterior, and --draws needs --posterior', () => {
    const missing = coopsim(['claims', '--posterior', 'no/such.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--posterior: no\/such\.json: no such file or folder/);
    const broken = coopsim(['claims', '--posterior', 'scenarios/baseline.json']);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/not a coopsim posterior/);
    const alone = coopsim(['claims', '--draws', '3']);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toMatch(/--draws and --draw-seed need --posterior/);
  });

  it('claims rejects a bad seed count with a clear message', () => {
    const r = coopsim(['claims', '--seeds', 'x']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--seeds "x" is not an integer/);
  });

  it('robustness --only names an unknown parameter', () => {
    const r = coopsim(['robustness', '--only', 'schools.capacityy', '--seeds', '1', '--workers', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not an assumed parameter: schools\.capacityy/);
  });
});
