import type { Snapshot } from '../../model/simulate.ts';
import type { InspectPick, Lesson } from '../../scenario/lesson-schema.ts';
import type { AppContext } from '../app-context.ts';
import { h, replace } from '../dom.ts';
import type { RunService } from '../scheduling/run-service.ts';
import type { Selection } from '../state/app-state.ts';
import { buildScenario, presetOrDefault } from '../state/scenario-edits.ts';
import { inspectorView } from '../views/inspector-view.ts';
import { LESSON_SEED } from './lesson-run.ts';
import { ensembleSeeds } from '../state/comparison.ts';

/**
 * The agent a lesson's explanation opens: the first (by index) that fits the pick in the
 * year shown; when none fits (no firm went deep in this run), the nearest kind that exists,
 * so the inspector always has something to explain.
 */
export function pickAgent(pick: InspectPick, edges: Int32Array, snap: Snapshot): Selection {
  const firms = snap.firms.n;
  const deepest = new Int8Array(firms);
  const perSchool = new Int32Array(snap.schools.n);
  for (let i = 0; i + 2 < edges.length; i += 3) {
    const f = edges[i];
    const depth = edges[i + 2] & 7;
    if (depth > deepest[f]) deepest[f] = depth;
    perSchool[edges[i + 1]]++;
  }
  const firstFirm = (ok: (f: number) => boolean): number => {
    for (let f = 0; f < firms; f++) if (ok(f)) return f;
    return -1;
  };
  const order: Record<InspectPick, ((f: number) => boolean)[]> = {
    'deep-firm': [(f) => deepest[f] >= 3, (f) => deepest[f] === 2, (f) => deepest[f] >= 1],
    'shallow-firm': [(f) => deepest[f] === 1, (f) => deepest[f] >= 1],
    'idle-firm': [(f) => deepest[f] === 0],
    'idle-low-tech-firm': [(f) => deepest[f] === 0 && snap.firms.tech[f] === 0, (f) => deepest[f] === 0],
    'busy-college': [],
  };
  if (pick === 'busy-college') {
    let best = 0;
    for (let s = 1; s < perSchool.length; s++) if (perSchool[s] > perSchool[best]) best = s;
    return { kind: 'school', index: best };
  }
  for (const ok of order[pick]) {
    const f = firstFirm(ok);
    if (f >= 0) return { kind: 'firm', index: f };
  }
  return { kind: 'firm', index: 0 };
}

/**
 * Opens the inspector on the lesson's telling agent, in the first seed's run of the
 * scenario (or comparison) at the lesson's year. The inspector reads the lesson's scenario,
 * not the one in the side panel.
 */
export function lessonInspector(ctx: AppContext, runs: RunService, lesson: Lesson): HTMLElement {
  const holder = h('div', { class: 'lesson-inspector', 'data-state': 'loading' }, h('p', { class: 'loading' }, ctx.t('inspector.loading')));
  const id = lesson.explanation.inspect.in === 'comparison' && lesson.run.comparison ? lesson.run.comparison : lesson.run.scenario;
  const input = presetOrDefault(id).input;
  const built = buildScenario(id, {});
  const seed = ensembleSeeds(LESSON_SEED, 1)[0];
  const year = lesson.run.year;
  const show = (selection: Selection | null, network: readonly Int32Array[], firms: number) => {
    if (!selection) return replace(holder);
    // The inspector reads the selection and the scenario from its context: give it the lesson's.
    const view: AppContext = Object.create(ctx, {
      state: { get: () => ({ ...ctx.state, selection }) },
      scenario: { get: () => (built.ok ? built.value : ctx.scenario) },
    });
    holder.dataset.kind = selection.kind;
    holder.dataset.index = String(selection.index);
    replace(holder, inspectorView(view, { runs, input, seed, year, network, scenarioFirms: firms, onSelect: (s) => show(s, network, firms) }));
  };
  runs
    .inspect(input, seed, { years: year + 1 })
    .then((out) => {
      const network = out.output.network ?? [];
      holder.dataset.state = 'ready';
      show(pickAgent(lesson.explanation.inspect.pick, network[year] ?? new Int32Array(0), out.snapshot), network, out.snapshot.firms.n);
    })
    .catch((e: unknown) => {
      holder.dataset.state = 'error';
      replace(holder, h('p', { class: 'error' }, ctx.t('status.error', { error: (e as Error).message ?? String(e) })));
    });
  return holder;
}
