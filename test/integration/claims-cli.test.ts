import { describe, expect, it } from 'vitest';
import { coopsim } from '../helpers/cli.ts';

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

  it('claims rejects a bad seed count with a clear message', () => {
    const r = coopsim(['claims', '--seeds', 'x']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--seeds "x" is not an integer/);
  });

  it('robustness --only names an unknown parameter', () => {
    const r = coopsim(['robustness', '--only', 'schools.capacityy', '--seeds', '1', '--workers', '0']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not an assumed parameter: schools\.capacityy/);
  });
});
