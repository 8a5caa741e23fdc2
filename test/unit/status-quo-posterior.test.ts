import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCalibration } from '../../src/calibration/calibrate.ts';
import { posteriorFromDocument, type PosteriorDocument } from '../../src/analysis/posterior.ts';
import { posteriorStaleness } from '../../src/calibration/read-posterior.ts';

const CALIBRATION = 'scenarios/calibration/status-quo.json';
const POSTERIOR = 'scenarios/calibration/status-quo.posterior.json';
const REGENERATE =
  `regenerate it: npx coopsim calibrate ${CALIBRATION} --out out/calibration --workers 2 && ` +
  `cp out/calibration/posterior.json ${POSTERIOR} && cp out/calibration/posterior-pairs.svg docs/status-quo-posterior-pairs.svg ` +
  "(and update the README's and docs/ODD.md's calibration figures)";

describe('the shipped status-quo posterior', () => {
  const doc = JSON.parse(readFileSync(POSTERIOR, 'utf8')) as PosteriorDocument;
  const cal = loadCalibration(CALIBRATION);

  it('belongs to scenarios/baseline.json and the calibration file as they are now', () => {
    const why = posteriorStaleness(doc, cal);
    expect(why, `${POSTERIOR} is stale: ${why}; ${REGENERATE}`).toBeNull();
  });

  it('holds one row per particle of the calibration, over its parameters', () => {
    const p = posteriorFromDocument(doc, POSTERIOR);
    expect(p.paths).toEqual(cal.parameters.map((q) => q.path));
    expect(p.theta).toHaveLength(cal.file.method.particles);
    expect(doc.generations).toBe(cal.file.method.generations);
  });

  it('is found stale when the base scenario or the calibration changes', () => {
    const changedBase = loadCalibration({ ...cal.file, base: { ...cal.base, behaviour: { attitudeForgetting: 0.25 } } }, 'scenarios/calibration');
    expect(posteriorStaleness(doc, changedBase)).toMatch(/the base scenario .* changed; the calibration .* changed/);
    const changedMethod = loadCalibration({ ...cal.file, base: cal.base, method: { ...cal.file.method, seed: 2 } }, 'scenarios/calibration');
    expect(posteriorStaleness(doc, changedMethod)).toBe('the calibration (base, priors, targets or method) changed since the posterior was computed');
  });
});

describe("the app's parameter sets", () => {
  it('are the ones coopsim compare --posterior draws for the same seed and run count', async () => {
    const { ensembleDraws, SHIPPED_POSTERIOR_FILE } = await import('../../src/app/state/shipped-posterior.ts');
    const { drawPosterior, readPosterior } = await import('../../src/calibration/read-posterior.ts');
    expect(SHIPPED_POSTERIOR_FILE).toBe(POSTERIOR);
    expect(ensembleDraws(42, 32)).toEqual(drawPosterior(readPosterior(POSTERIOR), 32, 42));
    expect(ensembleDraws(42, 32)).not.toEqual(ensembleDraws(43, 32));
  });
});

describe('the shipped pairs plot', () => {
  it('is the pairs plot of the shipped posterior (regenerate both together)', async () => {
    const { pairsPlotSvg } = await import('../../src/calibration/pairs-plot.ts');
    const doc = JSON.parse(readFileSync(POSTERIOR, 'utf8')) as PosteriorDocument;
    const k = doc.parameters.length;
    const last = { theta: doc.particles.map((r) => r.slice(0, k)), weights: doc.particles.map((r) => r[k]), distances: doc.particles.map((r) => r[k + 1]) };
    const svg = pairsPlotSvg(loadCalibration(CALIBRATION).parameters, last as never);
    expect(readFileSync('docs/status-quo-posterior-pairs.svg', 'utf8'), `the pairs plot is not the one of ${POSTERIOR}; ${REGENERATE}`).toBe(svg);
  });
});
