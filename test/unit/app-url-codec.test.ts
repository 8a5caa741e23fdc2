import { LEVER_SPECS } from '../../src/app/state/controls-catalog.ts';
import { describe, expect, it } from 'vitest';
import { decodeUrl, encodeUrl, linkPart } from '../../src/app/url/url-codec.ts';
import { decodeLever, encodeLever } from '../../src/app/url/link-values.ts';
import { defaultState, type AppState } from '../../src/app/state/app-state.ts';
import { defaultGameState, MAX_STARTS } from '../../src/app/state/game-state.ts';
import { buildScenario } from '../../src/app/state/scenario-edits.ts';
import { VERSION } from '../../src/version.ts';

const roundTrip = (s: AppState) => decodeUrl(encodeUrl(s));

describe('URL codec', () => {
  it('an empty link gives the default state with no problems', () => {
    const r = decodeUrl('');
    expect(r.problems).toEqual([]);
    expect(r.state).toEqual(defaultState('en'));
  });

  it('uses the fallback language when the link has none', () => {
    expect(decodeUrl('', 'zh-CN').state.lang).toBe('zh-CN');
  });

  it('round-trips a full state: levers, schedules, expressions, assumptions, seed, view', () => {
    const s: AppState = {
      lang: 'zh-CN',
      preset: 'tax-relief',
      edits: {
        'policy.law': [
          { from: 3, value: 0.5 },
          { from: 4, value: 1 },
        ],
        'policy.groups': 'year >= 5 ? 0.8 : 0.1',
        'policy.subsidyPerInternMonth': 2.5,
        'policy.evaluationInterval': 2,
        'schools.facilities': 0.6,
        'labour.cheapLabour': 0.2,
        'world.firms': 1500,
        'economics.interns': [1, 2, 3, 4],
        seed: 42,
        years: 15,
        name: 'My scenario & more',
      },
      ensemble: 16,
      compare: 'no-policy',
      paramUncertainty: true,
      tab: 'network',
      effectYear: 12,
      year: 7,
      selection: { kind: 'firm', index: 123 },
      game: {
        params: { V: 12.5, alpha: 0.35, Cs: 2.75, Ce: 6, gs: 1.25, ge: 4, q: 0.8 },
        starts: [
          [0.123, 0.9],
          [0, 1],
        ],
        abm: { show: true, agents: 200, runs: 5, M: 20, seed: 77 },
      },
      goal: { output: 'mean_depth', year: 8, level: 1.6, confidence: 0.9, budget: 250, levers: ['law', 'groups'], size: 'medium', seeds: 8, seed: 3, run: true },
      wedges: { metric: 'one_year_share', year: 9, run: true },
      lesson: 'claim-4-law',
      present: true,
    };
    const r = roundTrip(s);
    expect(r.problems).toEqual([]);
    expect(r.state).toEqual(s);
  });

  it('the lever contributions panel: output, year and run in the link; a bad field keeps its default with a problem', () => {
    const link = new URLSearchParams(encodeUrl({ ...defaultState(), wedges: { metric: 'mean_depth', year: 4, run: true } }));
    expect([link.get('wedges.output'), link.get('wedges.year'), link.get('wedges.run')]).toEqual(['mean_depth', '4', '1']);
    expect([...new URLSearchParams(encodeUrl(defaultState())).keys()].some((k) => k.startsWith('wedges.'))).toBe(false);
    const bad = decodeUrl('?years=6&wedges.output=profit&wedges.year=6&wedges.run=yes', 'en');
    expect(bad.state.wedges).toEqual(defaultState().wedges);
    expect(bad.problems.map((p) => (p.kind === 'bad-value' ? `${p.name}: ${p.detail}` : p.kind))).toEqual([
      expect.stringMatching(/^wedges\.output: expected one of deep_share, /),
      'wedges.year: expected a year 0–5',
      'wedges.run: expected 1 (run the split when the overview opens) or 0',
    ]);
  });

  it('parameter uncertainty is pu=1 in a link, absent when off; a bad value falls back to off with a problem', () => {
    expect(new URLSearchParams(encodeUrl({ ...defaultState(), paramUncertainty: true })).get('pu')).toBe('1');
    expect(new URLSearchParams(encodeUrl(defaultState())).has('pu')).toBe(false);
    const bad = decodeUrl('?pu=yes', 'en');
    expect(bad.state.paramUncertainty).toBe(false);
    expect(bad.problems).toEqual([{ kind: 'bad-value', name: 'pu', value: 'yes', detail: 'expected 1 (include parameter uncertainty) or 0' }]);
  });

  it('writes the version and keeps links short: only edits that change the preset', () => {
    const s = { ...defaultState(), edits: { 'policy.taxRelief': 0, 'policy.law': 1 } };
    const q = new URLSearchParams(encodeUrl(s));
    expect(q.get('v')).toBe(VERSION);
    expect(q.get('law')).toBe('1');
    expect(q.has('taxRelief')).toBe(false);
  });

  it('accepts full policy paths as well as bare lever names', () => {
    const r = decodeUrl('policy.taxRelief=0.3');
    expect(r.problems).toEqual([]);
    expect(r.state.edits).toEqual({ 'policy.taxRelief': 0.3 });
  });

  it('lever values: numbers, steps and expressions', () => {
    expect(decodeLever('0.3')).toEqual({ ok: true, value: 0.3 });
    expect(decodeLever('0:0.5,3:1')).toEqual({
      ok: true,
      value: [
        { from: 0, value: 0.5 },
        { from: 3, value: 1 },
      ],
    });
    expect(decodeLever('year > 2 ? 1 : 0')).toEqual({ ok: true, value: 'year > 2 ? 1 : 0' });
    expect(encodeLever([{ from: 2, value: 0.25 }])).toBe('2:0.25');
  });

  it('refuses expressions the sandbox refuses, and says why', () => {
    for (const evil of ['import("x")', 'constructor', 'f(x) = 1', 'a.b', '[1,2]', 'evaluate("1")']) {
      const r = decodeUrl(`law=${encodeURIComponent(evil)}`);
      expect(r.state.edits).toEqual({});
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toMatchObject({ kind: 'bad-value', name: 'law' });
    }
  });

  it('clamps a huge world in a link to the controls\' ranges, with a note for each', () => {
    const r = decodeUrl('world.firms=10000000&years=500');
    expect(r.state.edits).toEqual({ 'world.firms': 20000, years: 50 });
    expect(r.problems).toEqual([
      { kind: 'clamped', name: 'world.firms', value: '10000000', to: 20000 },
      { kind: 'clamped', name: 'years', value: '500', to: 50 },
    ]);
  });

  it('refuses a huge list index in a link at once, as --set does', () => {
    const r = decodeUrl('economics.interns.99999999=1&law=1');
    expect(r.state.edits).toEqual({ 'policy.law': 1 });
    const p = r.problems.find((q) => q.kind === 'bad-value' && q.name === 'economics.interns.99999999');
    expect(p && 'detail' in p ? p.detail : '').toMatch(/list index 99999999 is too large/);
  });

  it('falls back per field: bad, unknown and out-of-range values', () => {
    const r = decodeUrl(
      'taxRelief=7&law=0.5&schools.facilities=banana&bogus=1&lang=fr&preset=nope&n=5&cmp=x&tab=y&ey=999&sel=z9&world.nope=3',
    );
    // A number outside the control's range is clamped into it, with a note.
    const taxMax = LEVER_SPECS.find((c) => c.path === 'policy.taxRelief')?.max;
    expect(r.state.edits).toEqual({ 'policy.law': 0.5, 'policy.taxRelief': taxMax });
    expect(r.state.lang).toBe('en');
    expect(r.state.preset).toBe('baseline');
    expect(r.state.ensemble).toBe(32);
    expect(r.state.effectYear).toBe(10);
    expect(r.state.selection).toBeNull();
    const kinds = r.problems.map((p) => ('name' in p ? `${p.kind}:${p.name}` : p.kind));
    expect(kinds).toEqual(
      expect.arrayContaining([
        'clamped:taxRelief',
        'bad-value:schools.facilities',
        'unknown-param:bogus',
        'bad-lang',
        'unknown-preset',
        'bad-value:n',
        'bad-value:cmp',
        'bad-value:tab',
        'bad-value:ey',
        'bad-value:sel',
        'bad-value:world.nope',
      ]),
    );
    expect(r.problems.find((p) => p.kind === 'clamped' && p.name === 'taxRelief')).toEqual({ kind: 'clamped', name: 'taxRelief', value: '7', to: taxMax });
  });

  it('round-trips the game panel: sliders, start points (none too) and agent-based runs', () => {
    const game = defaultGameState();
    game.params.ge = 5.5;
    game.params.q = 0.65;
    game.starts = [
      [0.25, 0.75],
      [0.5, 0.001],
    ];
    game.abm.show = true;
    const s: AppState = { ...defaultState(), tab: 'game', game };
    const q = new URLSearchParams(encodeUrl(s));
    expect(q.get('game.ge')).toBe('5.5');
    expect(q.get('game.q')).toBe('0.65');
    expect(q.get('game.starts')).toBe('0.25:0.75,0.5:0.001');
    expect(q.get('game.abm')).toBe('1');
    // Defaults stay out of the link.
    expect(q.has('game.V')).toBe(false);
    expect(q.has('game.agents')).toBe(false);
    const r = roundTrip(s);
    expect(r.problems).toEqual([]);
    expect(r.state).toEqual(s);
    const none = roundTrip({ ...defaultState(), game: { ...defaultGameState(), starts: [] } });
    expect(none.problems).toEqual([]);
    expect(none.state.game.starts).toEqual([]);
    // The default game writes nothing.
    expect(encodeUrl(defaultState())).not.toContain('game.');
  });

  it('game fields fall back to their defaults one by one, each with a problem', () => {
    const d = defaultGameState();
    const many = Array.from({ length: MAX_STARTS + 1 }, () => '0.5:0.5').join(',');
    const cases: [string, string, RegExp][] = [
      ['game.V=25', 'game.V', /outside 0–20/],
      ['game.alpha=-0.1', 'game.alpha', /outside 0–1/],
      ['game.q=lots', 'game.q', /expected a number/],
      ['game.Cs=', 'game.Cs', /expected a number/],
      ['game.ge=Infinity', 'game.ge', /expected a number/],
      ['game.starts=0.5:1.5', 'game.starts', /0–1/],
      ['game.starts=0.5;0.5', 'game.starts', /x:y pairs/],
      ['game.starts=0.5:0.5:0.5', 'game.starts', /x:y pairs/],
      [`game.starts=${many}`, 'game.starts', /at most 12/],
      ['game.abm=yes', 'game.abm', /expected 1/],
      ['game.agents=3', 'game.agents', /whole number from 10 to 5000/],
      ['game.runs=2.5', 'game.runs', /whole number/],
      ['game.M=0', 'game.M', /whole number from 1 to 50/],
      ['game.seed=-1', 'game.seed', /whole number/],
    ];
    for (const [query, name, detail] of cases) {
      const r = decodeUrl(`${query}&game.Ce=6`);
      expect(r.problems, query).toHaveLength(1);
      const p = r.problems[0];
      expect(p.kind === 'bad-value' && p.name, query).toBe(name);
      expect(p.kind === 'bad-value' ? p.detail : '', query).toMatch(detail);
      // The bad field keeps its default; the good one next to it is used.
      expect(r.state.game, query).toEqual({ ...d, params: { ...d.params, Ce: 6 } });
    }
    expect(decodeUrl('game.nope=1').problems).toEqual([{ kind: 'unknown-param', name: 'game.nope' }]);
  });

  it('?lesson=ID opens the lesson in the Lessons tab; an unknown lesson or present value is refused by name', () => {
    const ok = decodeUrl('lesson=claim-3-tax-relief&present=1');
    expect(ok.problems).toEqual([]);
    expect(ok.state).toMatchObject({ lesson: 'claim-3-tax-relief', tab: 'lessons', present: true });
    const bad = decodeUrl('lesson=claim-9&present=yes');
    expect(bad.state).toMatchObject({ lesson: null, tab: 'overview', present: false });
    expect(bad.problems.map((p) => (p.kind === 'bad-value' ? `${p.name}: ${p.detail}` : p.kind))).toEqual([
      expect.stringMatching(/^lesson: expected one of claim-1-status-quo, .*claim-7-full-package$/),
      'present: expected 1 (present mode) or 0',
    ]);
  });

  it('flags links from another version but still uses them', () => {
    const r = decodeUrl('v=0.0.1&law=1');
    expect(r.problems).toEqual([{ kind: 'old-version', version: '0.0.1' }]);
    expect(r.state.edits).toEqual({ 'policy.law': 1 });
  });

  it('never throws on garbage', () => {
    const junk = ['%%%', '?=&=&&', 'a=%E0%A4%A', '__proto__.x=1', 'policy.__proto__=1', 'constructor=1', '?'.repeat(10000), 'law=' + 'x'.repeat(6000)];
    for (const j of junk) {
      const r = decodeUrl(j);
      expect(buildScenario(r.state.preset, r.state.edits).ok).toBe(true);
    }
  });

  it('keeps a preset’s own schedules untouched when not edited', () => {
    const r = decodeUrl('preset=law');
    expect(r.state.edits).toEqual({});
    const s = buildScenario('law', r.state.edits);
    expect(s.ok && s.value.policy.law).toEqual([
      { from: 0, value: 0.5 },
      { from: 3, value: 1 },
    ]);
  });

  it('reads the state from the fragment, and from the query string of an older link', () => {
    expect(linkPart('', '#v=1&law=1')).toBe('v=1&law=1');
    expect(linkPart('?law=0.5', '')).toBe('?law=0.5');
    expect(linkPart('?law=0.5', '#law=1')).toBe('law=1');
    // A fragment that is not a state (an anchor) leaves an old query string in charge.
    expect(linkPart('?law=0.5', '#top')).toBe('?law=0.5');
    expect(decodeUrl(linkPart('?law=0.5', '')).state.edits['policy.law']).toBe(0.5);
  });

  it('round-trips a description of the 5,000 characters the schema allows, in Chinese too', () => {
    const description = '校企合作'.repeat(1250);
    const s: AppState = { ...defaultState('zh-CN'), edits: { description } };
    const link = encodeUrl(s);
    // Far beyond the 8–16 KB request headers servers accept: why the app writes it into the fragment.
    expect(link.length).toBeGreaterThan(16_000);
    const r = decodeUrl(linkPart('', `#${link}`));
    expect(r.problems).toEqual([]);
    expect(r.state.edits.description).toBe(description);
  });
});
