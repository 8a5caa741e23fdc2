import type { LeverName } from '../../model/params/schema.ts';
import type { RunOutput } from '../../runner/run-request.ts';
import type { AppContext } from '../app-context.ts';
import { h, replace } from '../dom.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { PRIORITY, type RunService } from '../scheduling/run-service.ts';
import { ensembleSeeds } from '../state/comparison.ts';
import { LEVER_SPECS } from '../state/controls-catalog.ts';
import { buildScenario, presetOrDefault } from '../state/scenario-edits.ts';
import { classroomChart, roundsTable } from './classroom-parts.ts';
import { reactionsView } from './reactions-view.ts';
import { gameScore, PROGRAMME_COST_M, scoreDecimals } from './game-score.ts';
import { scoreView } from './score-view.ts';
import { gameNotes } from './game-notes.ts';
import { teamChoice, teamSection, turnOrder } from './roles-panel.ts';
import { STATUS_QUO_CHOICES, TEAMS, type TeamChoices } from './team-choices.ts';
import { firmReactions, GAME_BUDGET_M, GAME_LEVERS, GAME_SEEDS, GAME_YEARS, gameInput, roundResult, spent, type FirmReactions, type RoundResult, type YearLevers } from './policy-round.ts';

/** One play of the game; kept while the page is open, so switching tab or language loses nothing. */
interface Play {
  seed: number;
  team: string;
  /** The levers of every year decided so far. */
  decided: YearLevers[];
  rounds: RoundResult[];
  /** Per seed: the game's run of the years decided so far. */
  runs: RunOutput[];
  reactions: FirmReactions | null;
  /** The levers the panel shows for the next year. */
  next: YearLevers;
  /** Played with government, college and firm teams taking turns. */
  roles: boolean;
  /** Whose turn it is this round (index in TEAMS; TEAMS.length when the year can run). */
  turn: number;
  /** The college and firm teams' choices of every year decided so far, and for the next year. */
  teams: TeamChoices[];
  nextTeams: TeamChoices;
}

/** Scores of finished plays in this page, for teams comparing on the same seeds. */
const finished: { team: string; seed: number; score: number }[] = [];
let play: Play | null = null;

/** Firms of the game's world (the status quo's), for counting depth points. */
const gameFirms = (): number => {
  const s = buildScenario('baseline', {});
  return s.ok ? s.value.world.firms : NaN;
};

const statusQuoLevers = (): YearLevers => {
  const s = buildScenario('baseline', {});
  const policy = s.ok ? (s.value.policy as unknown as Record<string, unknown>) : {};
  return Object.fromEntries(GAME_LEVERS.map((l) => [l, typeof policy[l] === 'number' ? (policy[l] as number) : 0]));
};

function newPlay(seed: number, team = '', roles = false): Play {
  return { seed, team, decided: [], rounds: [], runs: [], reactions: null, next: statusQuoLevers(), roles, turn: 0, teams: [], nextTeams: { ...STATUS_QUO_CHOICES } };
}

/**
 * The classroom policy game (pass the projector): the class is the government for ten
 * simulated years with a budget. Each round it sets the levers for the next year, the
 * model runs that year (the same pure model: the levers become steps from their year),
 * and the page shows how firms and colleges reacted and why. Score: extra depth points
 * per 100 M¥ against the status quo on the same seeds (game-score.ts); a replay uses the same seeds.
 */
export function classroomView(ctx: AppContext, runs: RunService, width: number): HTMLElement & { dispose(): void } {
  const { t, fmt } = ctx;
  play ??= newPlay(1);
  const root = h('section', { class: 'classroom-view', 'data-round': String(play.rounds.length) }) as unknown as HTMLElement & { dispose(): void };
  const controller = new AbortController();
  root.dispose = () => controller.abort();
  const base = presetOrDefault('baseline').input;
  const statusQuo = statusQuoLevers();
  const firms = gameFirms();
  let baseline: RunOutput[] = [];
  let busy = false;

  const seeds = () => ensembleSeeds(play!.seed, GAME_SEEDS);
  const baselineReady = () =>
    Promise.all(seeds().map((s) => runs.run({ ...base, years: GAME_YEARS } as typeof base, s, PRIORITY.preview, controller.signal))).then((outs) => {
      baseline = outs;
    });
  let ready = baselineReady();

  const head = h('div', { class: 'classroom-head' });
  const panel = h('div', { class: 'classroom-panel' });
  const result = h('div', { class: 'classroom-result', 'aria-live': 'polite' });
  root.append(head, h('div', { class: 'classroom-body' }, panel, result));

  async function advance() {
    const p = play!;
    if (busy || p.rounds.length >= GAME_YEARS) return;
    busy = true;
    root.dataset.busy = 'true';
    drawPanel();
    try {
      await ready;
      const left = GAME_BUDGET_M - spent(p.rounds);
      // An empty treasury pays for nothing: the year runs with status-quo levers.
      const levers = left > 0 ? { ...p.next } : { ...statusQuo };
      const decided = [...p.decided, levers];
      const choices = { ...p.nextTeams };
      const teams = p.roles ? [...p.teams, choices] : undefined;
      const input = gameInput(base, decided, statusQuo, teams);
      const outs = await Promise.all(seeds().map((s) => runs.run(input, s, PRIORITY.preview, controller.signal)));
      const year = decided.length - 1;
      const inspected = await runs.inspect(input, seeds()[0], {}, controller.signal);
      p.decided = decided;
      if (teams) p.teams = teams;
      p.turn = 0;
      p.runs = outs;
      p.rounds = [...p.rounds, { ...roundResult(year, levers, p.runs, baseline, firms), ...(teams ? { teams: choices } : {}) }];
      p.reactions = firmReactions(inspected.snapshot, year);
      if (p.rounds.length === GAME_YEARS) finished.push({ team: p.team, seed: p.seed, score: gameScore(p.rounds) });
    } catch (e) {
      if (!controller.signal.aborted) replace(result, h('p', { class: 'error' }, t('status.error', { error: (e as Error).message ?? String(e) })));
      return;
    } finally {
      busy = false;
      delete root.dataset.busy;
    }
    drawAll();
  }

  function restart(seed: number, roles = play?.roles ?? false) {
    play = newPlay(seed, play?.team ?? '', roles);
    ready = baselineReady();
    drawAll();
  }

  function drawHead() {
    const p = play!;
    const seedInput = h('input', { type: 'number', class: 'game-seed', min: 1, max: 1_000_000, step: 1, value: String(p.seed), 'aria-label': t('classroom.seed') });
    const team = h('input', { type: 'text', class: 'team', maxlength: 40, value: p.team, 'aria-label': t('classroom.team'), placeholder: t('classroom.teamHint'), oninput: () => (p.team = team.value.trim()) });
    replace(
      head,
      h('h2', {}, t('classroom.title')),
      h('p', {}, t('classroom.intro', { years: GAME_YEARS, budget: fmt.mYuan(GAME_BUDGET_M, 0), seeds: GAME_SEEDS, fixed: fmt.mYuan(PROGRAMME_COST_M, 0) })),
      gameNotes(ctx),
      h(
        'div',
        { class: 'classroom-setup' },
        h('label', {}, t('classroom.team'), ' ', team),
        h('label', {}, t('classroom.seed'), ' ', seedInput),
        h('button', { type: 'button', class: 'new-game', onclick: () => restart(Math.max(1, Math.floor(Number(seedInput.value)) || 1)) }, t('classroom.newGame')),
        h('button', { type: 'button', class: 'replay', onclick: () => restart(p.seed) }, t('classroom.replay')),
        h('label', { class: 'roles-toggle' }, h('input', { type: 'checkbox', class: 'roles', checked: p.roles, onchange: (e: Event) => restart(p.seed, (e.target as HTMLInputElement).checked) }), ' ', t('classroom.roles')),
      ),
      h('p', { class: 'muted' }, t('classroom.rolesHelp')),
    );
  }

  function drawPanel() {
    const p = play!;
    const year = p.rounds.length;
    root.dataset.round = String(year);
    if (year >= GAME_YEARS) {
      const score = gameScore(p.rounds);
      return replace(
        panel,
        h('h3', {}, t('classroom.over')),
        h('p', { class: 'final-score', 'data-score': String(score) }, t('classroom.finalScore', { score: fmt.number(score, scoreDecimals(score)) })),
        finished.length
          ? h('ol', { class: 'plays' }, ...finished.map((f) => h('li', {}, t('classroom.play', { team: f.team || t('classroom.noTeam'), seed: f.seed, score: fmt.number(f.score, scoreDecimals(f.score)) }))))
          : null,
      );
    }
    const left = GAME_BUDGET_M - spent(p.rounds);
    const empty = left <= 0;
    const selects = GAME_LEVERS.map((lever: LeverName) => {
      const spec = LEVER_SPECS.find((s) => s.lever === lever);
      const levels = spec ? [...spec.levels] : [];
      const current = p.next[lever] ?? statusQuo[lever] ?? 0;
      if (!levels.some((l) => l.value === current)) levels.unshift({ value: current, label: 'classroom.statusQuoLevel' as MessageKey });
      const sel = h(
        'select',
        { class: 'game-lever', 'data-lever': lever, disabled: empty || busy, onchange: () => (p.next = { ...p.next, [lever]: Number(sel.value) }) },
        ...levels.map((l) => h('option', { value: String(l.value), selected: l.value === current }, `${t(l.label)} (${spec?.display === 'percent' ? fmt.percent(l.value) : fmt.number(l.value, 2)})`)),
      );
      return h('label', { class: 'game-lever-row' }, h('span', {}, t(`lever.${lever}` as MessageKey)), sel);
    });
    const heading = [
      h('h3', {}, t('classroom.round', { round: year + 1, years: GAME_YEARS, year })),
      h('p', { class: 'budget', 'data-left': String(left) }, t('classroom.budgetLeft', { left: fmt.mYuan(Math.max(0, left), 1), budget: fmt.mYuan(GAME_BUDGET_M, 0) })),
    ];
    const advanceButton = h('button', { type: 'button', class: 'advance primary', disabled: busy || (p.roles && p.turn < TEAMS.length), onclick: () => void advance() }, busy ? t('classroom.running') : t('classroom.advance', { year }));
    const levers = h('div', { class: 'game-levers' }, ...selects);
    if (!p.roles)
      return replace(panel, ...heading, empty ? h('p', { class: 'warning' }, t('classroom.empty')) : h('p', {}, t('classroom.setLevers', { year })), levers, advanceButton);
    // With roles the teams decide in turn; each Done passes the turn on and moves focus to the next team's first control.
    const done = () => {
      p.turn++;
      drawPanel();
      (panel.querySelector('.team.current select, .team.current button, button.advance:not([disabled])') as HTMLElement | null)?.focus();
    };
    const setTeam = (team: 'college' | 'firm') => (v: number) => (p.nextTeams = { ...p.nextTeams, [team]: v });
    replace(
      panel,
      ...heading,
      turnOrder(ctx, p.turn),
      teamSection(ctx, 'government', p.turn, year, busy, [...(empty ? [h('p', { class: 'warning' }, t('classroom.empty'))] : []), levers], done),
      teamSection(ctx, 'college', p.turn, year, busy, [teamChoice(ctx, 'college', p.nextTeams, setTeam('college'))], done),
      teamSection(ctx, 'firm', p.turn, year, busy, [teamChoice(ctx, 'firm', p.nextTeams, setTeam('firm'))], done),
      advanceButton,
    );
  }

  function drawResult() {
    const p = play!;
    if (p.rounds.length === 0) return replace(result, h('p', { class: 'muted' }, t('classroom.noRounds')));
    const last = p.rounds[p.rounds.length - 1];
    replace(
      result,
      scoreView(ctx, p.rounds),
      reactionsView(ctx, last, p.reactions, statusQuo),
      // Beside the lever panel the chart has a little over half the view; below it (narrow screens, see styles.css) all of it.
      classroomChart(ctx, p.runs, baseline, last.year, Math.min(Math.floor(matchMedia('(max-width: 900px)').matches ? width - 40 : width * 0.55), 720), firms),
      roundsTable(ctx, p.rounds, statusQuo),
    );
  }

  function drawAll() {
    drawHead();
    drawPanel();
    drawResult();
  }
  drawAll();
  void ready.then(() => play!.rounds.length && drawResult());
  return root;
}
