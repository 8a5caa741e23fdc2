import type { ScenarioInput } from '../../model/params/schema.ts';
import type { AppContext } from '../app-context.ts';
import { networkSvg } from '../charts/network-chart.ts';
import { h, replace } from '../dom.ts';
import { yearStory } from '../results/year-story.ts';
import type { RunService } from '../scheduling/run-service.ts';
import type { InspectOutput } from '../../runner/inspect-api.ts';
import { figureView } from './figure-view.ts';
import { inspectorView } from './inspector-view.ts';
import { ARROWS, nodeInDirection } from './network-keys.ts';

/** What the network view runs: the current scenario with the seed shown. */
export interface NetworkSource {
  runs: RunService;
  input: ScenarioInput;
  seed: number;
  years: number;
}

const SPEEDS = [0.5, 1, 2, 4];
let speed = 1;

/**
 * The network view: colleges and cooperating firms of one year, animated year by year
 * (play, pause, step, speed, scrubber), with an account of what happened in the year
 * shown and the inspector for a clicked firm or college.
 */
export function networkView(ctx: AppContext, src: NetworkSource, available: number): HTMLElement & { dispose(): void } {
  const { t, fmt } = ctx;
  const root = h('div', { class: 'network-view', 'data-network': 'loading' }) as unknown as HTMLElement & { dispose(): void };
  let data: InspectOutput | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let disposed = false;
  const last = src.years - 1;
  let year = Math.min(ctx.state.year, last);
  const depthCounts = () => {
    const edges = data?.output.network?.[year] ?? new Int32Array(0);
    const byDepth = [0, 0, 0, 0];
    const firms = new Set<number>();
    for (let i = 0; i < edges.length; i += 3) {
      byDepth[(edges[i + 2] & 7) - 1]++;
      firms.add(edges[i]);
    }
    return { byDepth, firms: firms.size };
  };
  /** The node the keyboard is on (kept across redraws). */
  let focused: { kind: 'firm' | 'school'; index: number } | null = ctx.state.selection;

  const side = h('div', { class: 'network-side' });
  const story = h('section', { class: 'story' });
  const inspector = h('section', { class: 'inspector-holder' });
  side.append(story, inspector);
  const wide = available >= 900;
  const chartW = wide ? Math.floor(available * 0.6) : available;
  const chartH = Math.max(420, Math.min(620, chartW + 80));

  const yearLabel = h('output', { class: 'year-label' });
  const scrub = h('input', {
    type: 'range',
    class: 'year-scrub',
    min: 0,
    max: last,
    step: 1,
    value: String(year),
    'aria-label': t('network.year'),
    oninput: () => setYear(Number(scrub.value)),
  });
  const playBtn = h('button', { type: 'button', class: 'play', onclick: () => (timer ? pause() : play()) }, t('network.play'));
  const back = h('button', { type: 'button', class: 'step-back', title: t('network.back'), onclick: () => (pause(), setYear(year - 1)) }, '◀ ', t('network.back'));
  const next = h('button', { type: 'button', class: 'step', title: t('network.step'), onclick: () => (pause(), setYear(year + 1)) }, t('network.step'), ' ▶');
  const speedSel = h(
    'select',
    {
      class: 'speed',
      'aria-label': t('network.speed'),
      onchange: () => {
        speed = Number(speedSel.value);
        if (timer) (pause(), play());
      },
    },
    // 1× and 0.5× are the Normal and Slow speeds of every animated view.
    ...SPEEDS.map((s) => h('option', { value: String(s), selected: s === speed }, `${s === 1 ? `${t('player.normal')} ` : s === 0.5 ? `${t('player.slow')} ` : ''}${fmt.number(s, s < 1 ? 1 : 0)}×`)),
  );
  const toolbar = h(
    'div',
    { class: 'network-toolbar' },
    back,
    playBtn,
    next,
    h('label', { class: 'speed-label' }, t('network.speed'), ' ', speedSel),
    h('label', { class: 'scrub-label' }, t('network.year'), ' ', scrub, ' ', yearLabel),
  );

  const figure = figureView(ctx, 'network', t('network.title', { year }), chartW, (width) => {
    if (!data?.layout) return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${chartH}"></svg>`;
    const firmLabel = (f: number) => t('inspector.title.firm', { id: f });
    const schoolLabel = (s: number) => t('inspector.title.school', { id: s });
    return networkSvg(
      {
        layout: data.layout,
        edges: data.output.network?.[year] ?? new Int32Array(0),
        schools: data.snapshot.schools.n,
        firmTech: data.snapshot.firms.tech,
        selection: ctx.state.selection,
        focus: focused,
      },
      {
        width,
        height: chartH,
        title: t('network.title', { year }),
        subtitle: t('network.subtitle', { seed: src.seed }),
        labels: {
          school: t('network.colleges'),
          lowTech: t('network.lowTech'),
          highTech: t('network.highTech'),
          depth: [t('depth.short.1'), t('depth.short.2'), t('depth.short.3'), t('depth.short.4')],
          friendship: t('network.friendship'),
          contract: t('network.contract'),
          firmTitle: firmLabel,
          schoolTitle: schoolLabel,
        },
      },
    );
  }, '', {
    // The year's network in words: how many partnerships at each depth.
    summary: () => {
      const c = depthCounts();
      return t('network.alt', { year, firms: c.firms, links: c.byDepth.reduce((a, b) => a + b, 0), deep: c.byDepth[2] + c.byDepth[3] });
    },
    table: () => {
      const c = depthCounts();
      return {
        caption: t('network.title', { year }),
        head: [t('network.alt.depth'), t('network.alt.count')],
        rows: c.byDepth.map((n, d) => [t(`depth.${d + 1}` as 'depth.1'), n]),
      };
    },
  });
  figure.classList.add('network-figure');
  const nodeRef = (el: Element) => ({ kind: el.getAttribute('data-kind') === 'school' ? ('school' as const) : ('firm' as const), index: Number(el.getAttribute('data-index')) });
  figure.addEventListener('click', (ev) => {
    const el = (ev.target as Element).closest('[data-kind]');
    if (!el) return;
    focused = nodeRef(el);
    select(focused);
  });
  // The keyboard: Tab reaches one node, the arrows move to the nearest node that way, Enter or Space opens it.
  figure.addEventListener('keydown', (ev) => {
    const el = (ev.target as Element).closest?.('.node');
    if (!el) return;
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      focused = nodeRef(el);
      select(focused);
      return;
    }
    const dir = ARROWS[ev.key];
    if (!dir) return;
    ev.preventDefault();
    const nodes = [...figure.querySelectorAll<SVGGraphicsElement>('.node')];
    const centres = nodes.map((n) => {
      const dot = n.querySelector<SVGGraphicsElement>('.dot');
      const b = dot?.getBBox() ?? { x: 0, y: 0, width: 0, height: 0 };
      return [b.x + b.width / 2, b.y + b.height / 2] as const;
    });
    const j = nodeInDirection(centres, nodes.indexOf(el as SVGGraphicsElement), dir);
    if (j === null) return;
    el.setAttribute('tabindex', '-1');
    nodes[j].setAttribute('tabindex', '0');
    nodes[j].focus();
    focused = nodeRef(nodes[j]);
  });

  /** Redraws the chart; a node that had the focus keeps it (or the node now in the tab order takes it). */
  const refresh = () => {
    const hadFocus = figure.contains(document.activeElement);
    figure.refresh();
    if (!hadFocus) return;
    const f = focused;
    const el = (f && figure.querySelector<SVGElement>(`.node[data-kind="${f.kind}"][data-index="${f.index}"]`)) ?? figure.querySelector<SVGElement>('.node[tabindex="0"]');
    el?.focus();
  };

  const select = (sel: { kind: 'firm' | 'school'; index: number } | null) => {
    ctx.update({ selection: sel });
    refresh();
    drawInspector();
  };
  const drawStory = () => {
    if (!data) return;
    replace(story, h('h3', {}, t('story.title', { year })), h('ul', {}, ...yearStory(data.output, year, t, fmt).map((line) => h('li', {}, line))));
  };
  const drawInspector = () => {
    if (!data) return;
    replace(
      inspector,
      inspectorView(ctx, {
        runs: src.runs,
        input: src.input,
        seed: src.seed,
        year,
        network: data.output.network ?? [],
        scenarioFirms: data.snapshot.firms.n,
        onSelect: select,
      }),
    );
  };
  const setYear = (y: number) => {
    const ny = Math.max(0, Math.min(last, y));
    year = ny;
    scrub.value = String(ny);
    yearLabel.textContent = `${ny} / ${last}`;
    root.dataset.year = String(ny);
    back.disabled = ny <= 0;
    next.disabled = ny >= last;
    if (ctx.state.year !== ny) ctx.update({ year: ny });
    refresh();
    drawStory();
    drawInspector();
  };
  const play = () => {
    if (year >= last) setYear(0);
    playBtn.textContent = t('network.pause');
    playBtn.classList.add('playing');
    timer = setInterval(() => {
      if (year >= last) return pause();
      setYear(year + 1);
    }, 1000 / speed);
  };
  const pause = () => {
    if (timer) clearInterval(timer);
    timer = null;
    playBtn.textContent = t('network.play');
    playBtn.classList.remove('playing');
  };
  root.dispose = () => {
    disposed = true;
    pause();
  };

  const loading = h('p', { class: 'loading' }, t('network.loading'));
  root.append(toolbar, h('div', { class: `network-body${wide ? ' wide' : ''}` }, h('div', { class: 'network-main' }, loading, figure), side));
  yearLabel.textContent = `${year} / ${last}`;
  src.runs
    .inspect(src.input, src.seed, { layout: true })
    .then((out) => {
      if (disposed) return;
      data = out;
      loading.remove();
      root.dataset.network = 'ready';
      setYear(year);
    })
    .catch((e: unknown) => {
      if (disposed) return;
      loading.textContent = t('status.error', { error: (e as Error).message ?? String(e) });
      root.dataset.network = 'error';
    });
  return root;
}
