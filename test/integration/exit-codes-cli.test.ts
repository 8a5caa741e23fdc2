import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coopsim } from '../helpers/cli.ts';

/**
 * Every command answers bad input with exit status 2 and a message naming what is wrong
 * (the README's exit-status table); a usage error of the option parser is 2 as well.
 */
describe('exit status 2 for bad input, in every command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coopsim-exit-'));
  const file = (name: string, data: unknown) => {
    const p = join(dir, name);
    writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data));
    return p;
  };
  const badScenario = file('bad-scenario.json', { policy: { taxRelief: 2 } });
  const scenario = file('scenario.json', { years: 3, world: { schools: 4, firms: 100 } });
  const badExperiment = file('bad-experiment.json', { base: {}, factors: [{ path: 'policy.taxReleif', values: [0, 0.3] }], replications: 1 });
  const sweepDir = join(dir, 'sweep');
  mkdirSync(sweepDir);
  const out = () => mkdtempSync(join(dir, 'out-'));

  const cases: [command: string, args: () => string[], message: RegExp][] = [
    ['run', () => ['run', badScenario], /policy\.taxRelief/],
    ['validate', () => ['validate', badScenario], /policy\.taxRelief/],
    ['compare', () => ['compare', badScenario, '--seeds', '1'], /policy\.taxRelief/],
    ['wedges', () => ['wedges', scenario, '--against', scenario, '--seeds', '1', '--workers', '1'], /nothing to decompose/],
    ['sweep', () => ['sweep', badExperiment, '--out', out()], /taxReleif/],
    ['sensitivity', () => ['sensitivity', badExperiment, '--out', out()], /taxReleif/],
    ['merge', () => ['merge', join(dir, 'no-such-sweep'), '--out', out()], /no-such-sweep: no such folder/],
    ['merge (not a sweep)', () => ['merge', sweepDir, '--out', out()], /has no manifest\.json: not the output folder of a coopsim sweep/],
    ['discover', () => ['discover', sweepDir, '--where', 'deep_share_y9 >= 0.1', '--out', out()], /runs\.csv/],
    ['calibrate', () => ['calibrate', file('bad-calibration.json', { base: {}, parameters: [], targets: [] }), '--out', out(), '--no-progress'], /bad-calibration\.json/],
    ['optimize', () => ['optimize', file('bad-goal.json', { levers: [] }), '--out', out()], /bad-goal\.json/],
    ['claims', () => ['claims', '--draws', '3'], /--draws and --draw-seed need --posterior/],
    ['robustness', () => ['robustness', '--only', 'schools.capacityy', '--seeds', '1', '--workers', '0'], /not an assumed parameter: schools\.capacityy/],
    ['game', () => ['game', file('bad-game.json', { V: 'x' })], /V/],
  ];

  for (const [command, args, message] of cases)
    it(`coopsim ${command}`, () => {
      const r = coopsim(args());
      expect(r.stderr).toMatch(message);
      expect(r.status, r.stderr).toBe(2);
    }, 60_000);

  it('every command is in this list', () => {
    const help = coopsim(['--help']).stdout;
    const listed = [...help.matchAll(/^ {2}([a-z-]+)(?= )/gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect(listed.sort()).toEqual([...new Set(cases.map((c) => c[0].split(' ')[0]))].sort());
  });
});
