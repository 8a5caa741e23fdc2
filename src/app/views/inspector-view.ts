import { explainDecision, type DecisionExplanation } from '../../model/explain-decision.ts';
import type { Snapshot } from '../../model/simulate.ts';
import { ITEMS } from '../../model/firm-payoff.ts';
import type { ScenarioInput } from '../../model/params/schema.ts';
import type { AppContext } from '../app-context.ts';
import { itemBarsSvg, type ItemBar } from '../charts/item-bars-chart.ts';
import { timelineSvg } from '../charts/timeline-chart.ts';
import { h, replace } from '../dom.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { agentTimeline, partnersIn } from '../results/agent-history.ts';
import type { RunService } from '../scheduling/run-service.ts';

/** What the inspector needs besides the selection. */
export interface InspectorSource {
  runs: RunService;
  input: ScenarioInput;
  seed: number;
  year: number;
  network: readonly Int32Array[];
  scenarioFirms: number;
  onSelect(sel: { kind: 'firm' | 'school'; index: number } | null): void;
}

/** Which option of a decision was taken, by the keys of {@link DecisionExplanation.options}. */
function chosenOption(d: DecisionExplanation): string {
  switch (d.choice) {
    case 'up':
    case 'down':
    case 'stay':
    case 'leave':
      return d.choice;
    case 'enter':
      return d.toDepth >= 2 ? 'enter2' : 'enter1';
    case 'stay out':
      return 'stayOut';
    default:
      return '';
  }
}

let token = 0;

/**
 * The inspector: a clicked firm's or college's attributes in the year shown, its
 * partnerships over the years, and — for a firm — the benefit and cost items behind its
 * last decision (from explainDecision on the state after that year).
 */
export function inspectorView(ctx: AppContext, src: InspectorSource): HTMLElement {
  const { t } = ctx;
  const sel = ctx.state.selection;
  if (!sel) return h('div', { class: 'inspector empty' }, h('p', { class: 'hint' }, t('inspector.hint')));
  const title = sel.kind === 'firm' ? t('inspector.title.firm', { id: sel.index }) : t('inspector.title.school', { id: sel.index });
  const body = h('div', { class: 'inspector-body' }, h('p', { class: 'loading' }, t('inspector.loading')));
  const root = h(
    'div',
    { class: 'inspector', 'data-kind': sel.kind, 'data-index': sel.index, 'data-state': 'loading', role: 'region', 'aria-label': title },
    h(
      'div',
      { class: 'inspector-head' },
      h('h3', {}, title),
      h('button', { type: 'button', class: 'close', 'aria-label': t('inspector.close'), title: t('inspector.close'), onclick: () => src.onSelect(null) }, '×'),
    ),
    body,
  );
  const mine = ++token;
  src.runs
    .inspect(src.input, src.seed, { years: src.year + 1 })
    .then((out) => {
      if (mine !== token) return;
      replace(body, ...(sel.kind === 'firm' ? firmDetails(ctx, src, out.snapshot, sel.index) : schoolDetails(ctx, src, out.snapshot, sel.index)));
      root.dataset.state = 'ready';
    })
    .catch((e: unknown) => {
      if (mine !== token) return;
      replace(body, h('p', { class: 'error' }, t('status.error', { error: (e as Error).message ?? String(e) })));
      root.dataset.state = 'error';
    });
  return root;
}

function table(rows: [string, string][]): HTMLElement {
  return h('table', { class: 'attributes' }, h('tbody', {}, ...rows.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v)))));
}

function timeline(ctx: AppContext, src: InspectorSource, kind: 'firm' | 'school', index: number): HTMLElement {
  const { t } = ctx;
  const rows = agentTimeline(src.network, kind, index, (p) =>
    kind === 'firm' ? t('inspector.title.school', { id: p }) : t('inspector.title.firm', { id: p }),
  );
  if (rows.length === 0) return h('p', { class: 'muted' }, t('inspector.timeline.none'));
  const svg = timelineSvg(rows, {
    width: 360,
    title: t('inspector.timeline'),
    years: src.network.length,
    currentYear: src.year,
    yearLabel: t('chart.year'),
    depthTitle: (d) => t(`depth.${d}` as MessageKey),
  });
  return h('div', { class: 'timeline', html: svg });
}

function firmDetails(ctx: AppContext, src: InspectorSource, snap: Snapshot, f: number): HTMLElement[] {
  const { t, fmt } = ctx;
  const F = snap.firms;
  const { discountLong, discountShort } = ctx.scenario.firms;
  const longHorizon = Math.abs(F.discount[f] - discountLong) < Math.abs(F.discount[f] - discountShort);
  const yesNo = (v: number) => (v ? t('yes') : t('no'));
  const attrs = table([
    [t('attr.tech'), F.tech[f] === 1 ? t('tech.high') : t('tech.low')],
    [t('attr.region'), String(F.region[f])],
    [t('attr.sector'), String(F.sector[f])],
    [t('attr.size'), fmt.number(F.scale[f], 2)],
    [t('attr.wage'), fmt.kYuan(F.wage[f], 0)],
    [t('attr.horizon'), `${longHorizon ? t('horizon.long') : t('horizon.short')} (${fmt.percent(F.discount[f], 0)})`],
    [t('attr.attitude'), fmt.signed(F.attitude[f], 2)],
    [t('attr.inGroup'), yesNo(F.inGroup[f])],
    [t('attr.certified'), yesNo(F.certified[f])],
    [t('attr.flagged'), yesNo(F.flagged[f])],
  ]);
  const d = explainDecision(snap, f);
  const decision: HTMLElement[] = [];
  if (d.year < 0) decision.push(h('p', {}, t('inspector.noDecision')));
  else {
    decision.push(
      h('p', { class: 'choice', 'data-choice': d.choice }, t(`choice.${d.choice}` as MessageKey, { school: d.school, from: d.fromDepth, to: d.toDepth })),
    );
    const items: ItemBar[] = ITEMS.filter((k) => Math.abs(d.items[k]) > 1e-9).map((k) => ({ label: t(`item.${k}` as MessageKey), value: d.items[k] }));
    if (items.length) {
      decision.push(h('h5', {}, t('inspector.items')));
      decision.push(
        h('div', {
          class: 'items',
          html: itemBarsSvg(items, {
            width: 360,
            title: t('inspector.items'),
            format: (v) => fmt.signed(v, 1),
            total: { label: t('inspector.netLabel'), value: d.net },
          }),
        }),
      );
    }
    const chosen = chosenOption(d);
    const options: ItemBar[] = Object.entries(d.options)
      .filter(([, v]) => Number.isFinite(v))
      .map(([k, v]) => ({ label: t(`option.${k}` as MessageKey), value: v, highlight: k === chosen }));
    if (options.length) {
      decision.push(h('h5', {}, t('inspector.options')));
      decision.push(h('div', { class: 'options', html: itemBarsSvg(options, { width: 360, title: t('inspector.options'), format: (v) => fmt.number(v, 1), signColours: false }) }));
    }
  }
  return [
    h('h4', {}, t('inspector.attributes', { year: src.year })),
    attrs,
    h('h4', {}, t('inspector.timeline')),
    timeline(ctx, src, 'firm', f),
    h('h4', {}, t('inspector.decision', { year: d.year < 0 ? '–' : d.year })),
    ...decision,
  ];
}

function schoolDetails(ctx: AppContext, src: InspectorSource, snap: Snapshot, s: number): HTMLElement[] {
  const { t, fmt } = ctx;
  const S = snap.schools;
  const yesNo = (v: number) => (v ? t('yes') : t('no'));
  const attrs = table([
    [t('attr.region'), String(S.region[s])],
    [t('attr.sector'), String(S.sector[s])],
    [t('attr.facilities'), fmt.percent(S.facilities[s], 0)],
    [t('attr.teacherPractice'), fmt.percent(S.teacherPractice[s], 0)],
    [t('attr.alignment'), fmt.percent(S.alignment[s], 0)],
    [t('attr.reputation'), fmt.number(S.reputation[s], 2)],
    [t('attr.skill'), fmt.percent(S.skill[s], 0)],
    [t('attr.employment'), fmt.percent(S.employment[s], 0)],
    [t('attr.inGroup'), yesNo(S.inGroup[s])],
    [t('attr.passed'), yesNo(S.passed[s])],
  ]);
  const partners = partnersIn(src.network[src.year], 'school', s);
  const list = partners.length
    ? h(
        'ul',
        { class: 'partners' },
        ...partners.map((p) =>
          h(
            'li',
            {},
            h('button', { type: 'button', class: 'link', onclick: () => src.onSelect({ kind: 'firm', index: p.partner }) }, t('inspector.title.firm', { id: p.partner })),
            ` — ${t(`depth.short.${p.depth}` as MessageKey)}${p.friendship ? ` (${t('network.friendship')})` : ''}`,
          ),
        ),
      )
    : h('p', { class: 'muted' }, t('inspector.noPartners'));
  return [
    h('h4', {}, t('inspector.attributes', { year: src.year })),
    attrs,
    h('h4', {}, t('inspector.partners', { year: src.year })),
    list,
    h('h4', {}, t('inspector.timeline')),
    timeline(ctx, src, 'school', s),
  ];
}
