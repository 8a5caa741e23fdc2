import { describe, expect, it } from 'vitest';
import { en } from '../../src/app/i18n/en.ts';
import { zhCN } from '../../src/app/i18n/zh-CN.ts';
import { formatter } from '../../src/app/i18n/format.ts';
import { translate } from '../../src/app/i18n/messages.ts';
import { LEVER_SPECS, ASSUMPTION_GROUPS, EVALUATION_CHOICES } from '../../src/app/state/controls-catalog.ts';
import { PRESETS } from '../../src/app/state/presets.ts';
import { LEVER_NAMES } from '../../src/model/params/schema.ts';
import { ITEMS } from '../../src/model/firm-payoff.ts';
import { CHOICES } from '../../src/model/state.ts';

const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('string tables', () => {
  it('English and Chinese have exactly the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('every translation keeps the same {slots} and is not empty', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zhCN[key].trim(), key).not.toBe('');
      expect(slots(zhCN[key]), key).toEqual(slots(en[key]));
    }
  });

  it('has a label for every lever, preset, benefit item and decision', () => {
    const keys = new Set(Object.keys(en));
    for (const spec of LEVER_SPECS) for (const k of [spec.label, spec.help, spec.unit, ...spec.levels.map((l) => l.label)]) expect(keys.has(k), k).toBe(true);
    expect(LEVER_SPECS.map((s) => s.lever).sort()).toEqual([...LEVER_NAMES].sort());
    for (const g of ASSUMPTION_GROUPS) for (const c of g.controls) for (const k of [c.label, c.help, c.unit]) expect(keys.has(k), k).toBe(true);
    for (const c of EVALUATION_CHOICES) expect(keys.has(c.label)).toBe(true);
    for (const p of PRESETS) expect(keys.has(`preset.${p.id}`) && keys.has(`presetDesc.${p.id}`), p.id).toBe(true);
    for (const item of ITEMS) expect(keys.has(`item.${item}`), item).toBe(true);
    for (const c of CHOICES) expect(keys.has(`choice.${c}`), c).toBe(true);
  });

  it('fills slots', () => {
    expect(translate('en', 'summary.title', { year: 10 })).toBe('Effect in year 10');
    expect(translate('zh-CN', 'summary.title', { year: 10 })).toBe('第 10 年的效应');
  });
});

describe('number formats per locale', () => {
  it('formats shares, points and money', () => {
    const f = formatter('en');
    expect(f.percent(0.14)).toBe('14%');
    expect(f.percent(0.014)).toBe('1.4%');
    expect(f.points(0.08)).toBe('+8.0 pts');
    expect(f.points(-0.004)).toBe('-0.40 pts');
    expect(f.mYuan(1234.5)).toBe('1,235 M¥');
    expect(f.integer(3000)).toBe('3,000');
    expect(f.number(NaN)).toBe('–');
    const z = formatter('zh-CN');
    expect(z.mYuan(12.5, 1)).toBe('12.5 百万元');
    expect(z.points(0.08)).toBe('+8.0 百分点');
  });
});
