import type { AppContext } from '../app-context.ts';
import { h } from '../dom.ts';
import { LANGS, type Lang } from '../state/app-state.ts';
import { PRESETS } from '../state/presets.ts';
import { TABLES, type MessageKey } from '../i18n/messages.ts';

/** What the header's buttons do (the app provides them). */
export interface HeaderActions {
  choosePreset(id: string): void;
  setLang(lang: Lang): void;
  copyLink(): Promise<boolean>;
  exportCsv(): void;
  exportJson(): void;
  exportScenario(): void;
  importScenario(file: File): void;
  /** Seed of the run the CSV export holds. */
  csvSeed(): number;
}

/** The top bar: title and purpose, scenario presets, language, link, export and import. */
export function headerView(ctx: AppContext, actions: HeaderActions): HTMLElement {
  const { t, state } = ctx;
  const edited = Object.keys(state.edits).length > 0;
  const preset = h(
    'select',
    { id: 'preset', onchange: () => actions.choosePreset(preset.value) },
    ...PRESETS.map((p) =>
      h('option', { value: p.id, selected: p.id === state.preset }, `${t(`preset.${p.id}` as MessageKey)}${p.id === state.preset && edited ? ` ${t('header.edited')}` : ''}`),
    ),
  );
  const langs = h(
    'div',
    { class: 'langs', role: 'group', 'aria-label': t('header.language') },
    ...LANGS.map((l) =>
      h(
        'button',
        { type: 'button', class: 'lang', lang: l, 'data-lang': l, 'aria-pressed': String(l === state.lang), onclick: () => actions.setLang(l) },
        TABLES[l]['lang.name'],
      ),
    ),
  );
  const copy = h(
    'button',
    {
      type: 'button',
      class: 'copy-link',
      onclick: async () => {
        const ok = await actions.copyLink();
        if (ok) {
          copy.textContent = t('header.copied');
          setTimeout(() => (copy.textContent = t('header.share')), 1600);
        }
      },
    },
    t('header.share'),
  );
  const fileInput = h('input', {
    type: 'file',
    accept: '.json,application/json',
    class: 'import-file',
    hidden: true,
    onchange: () => {
      const f = fileInput.files?.[0];
      if (f) actions.importScenario(f);
      fileInput.value = '';
    },
  });
  const menu = h(
    'details',
    { class: 'export-menu' },
    h('summary', {}, t('header.export')),
    h(
      'div',
      { class: 'menu' },
      h('button', { type: 'button', class: 'export-csv', onclick: () => (actions.exportCsv(), (menu.open = false)) }, t('export.csv', { seed: actions.csvSeed() })),
      h('button', { type: 'button', class: 'export-json', onclick: () => (actions.exportJson(), (menu.open = false)) }, t('export.json')),
      h('button', { type: 'button', class: 'export-scenario', onclick: () => (actions.exportScenario(), (menu.open = false)) }, t('export.scenario')),
      h('button', { type: 'button', class: 'import-scenario', onclick: () => (fileInput.click(), (menu.open = false)) }, t('export.import')),
    ),
  );
  return h(
    'header',
    { class: 'top' },
    h('div', { class: 'brand' }, h('h1', {}, h('span', { class: 'logo' }, t('app.title')), ' ', t('app.heading')), h('p', { class: 'tagline' }, t('app.tagline'))),
    h(
      'div',
      { class: 'top-actions' },
      h('label', { class: 'preset-label' }, h('span', {}, t('header.scenario')), preset),
      langs,
      copy,
      menu,
      fileInput,
    ),
  );
}
