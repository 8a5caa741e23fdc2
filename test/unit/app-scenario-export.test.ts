import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.ts';
import { exportedScenario } from '../../src/app/state/scenario-export.ts';
import { scenarioFile } from '../../src/app/state/scenario-edits.ts';
import { findPreset } from '../../src/app/state/presets.ts';

describe('exported scenario file', () => {
  it('an unedited preset exports as its file plus the $schema line', () => {
    const out = exportedScenario('full-package', {});
    expect(Object.keys(out)[0]).toBe('$schema');
    expect(out.$schema).toBe('./scenario.schema.json');
    const { $schema: _s, ...rest } = out;
    expect(rest).toEqual(findPreset('full-package')!.input);
  });

  it('drops the preset’s source of an edited field and says what was edited, keeping the other sources', () => {
    const preset = findPreset('full-package')!.input as { sources: Record<string, string> };
    const out = exportedScenario('full-package', { 'policy.taxRelief': 0.6, 'world.firms': 800 }) as ReturnType<typeof exportedScenario> & { sources: Record<string, string> };
    expect(out.sources['policy.taxRelief']).not.toBe(preset.sources['policy.taxRelief']);
    expect(out.sources['policy.taxRelief']).toMatch(/set in the coopsim app .*has 0\.3/);
    expect(out.sources['world.firms']).toMatch(/set in the coopsim app/);
    expect(out.sources['policy.law']).toBe(preset.sources['policy.law']);
    expect(out.name).toBe('Full policy package (edited)');
    expect(out.description).toMatch(/Edited in the coopsim app from the preset “Full policy package”: policy\.taxRelief, world\.firms\.$/);
    const parsed = parseScenario(out);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.policy.taxRelief).toBe(0.6);
  });

  it('keeps a user’s own name, and a description that would pass the schema’s 5,000 characters', () => {
    const long = 'x'.repeat(4990);
    const out = exportedScenario('baseline', { name: 'Mine', description: long, 'policy.law': 1 });
    expect(out.name).toBe('Mine');
    expect(out.description).toBe(long);
    expect(parseScenario(out).ok).toBe(true);
    expect(scenarioFile('baseline', { name: 'Mine', description: long, 'policy.law': 1 }).description).toBe(long);
  });
});
