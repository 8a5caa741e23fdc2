import type { AppContext } from '../app-context.ts';
import { h } from '../dom.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { TEAM_DECISIONS, TEAMS, type Team, type TeamChoices } from './team-choices.ts';

/** Where a round with roles stands: the index in {@link TEAMS} of the team whose turn it is, or TEAMS.length when all have decided. */
export type Turn = number;

/** The round's turn order, the current step marked for screen readers too. */
export function turnOrder(ctx: AppContext, turn: Turn): HTMLElement {
  const { t } = ctx;
  const steps = [...TEAMS.map((team) => t(`team.${team}` as MessageKey)), t('classroom.turnRun')];
  return h(
    'div',
    { class: 'turn-order' },
    h('p', { id: 'turn-order-label' }, t('classroom.turnOrder')),
    h('ol', { 'aria-labelledby': 'turn-order-label' }, ...steps.map((s, i) => h('li', { class: i < turn ? 'done' : i === turn ? 'current' : '', 'aria-current': i === turn ? 'step' : undefined }, s))),
  );
}

/**
 * One team's part of the round: its task, its controls (usable only on its turn) and the
 * button that passes the turn on.
 */
export function teamSection(ctx: AppContext, team: Team, turn: Turn, year: number, busy: boolean, controls: HTMLElement[], onDone: () => void): HTMLElement {
  const { t } = ctx;
  const index = TEAMS.indexOf(team);
  const mine = turn === index && !busy;
  const next = TEAMS[index + 1];
  return h(
    'section',
    { class: `team team-${team}${turn === index ? ' current' : ''}`, 'data-team': team, 'aria-labelledby': `team-${team}-title` },
    h('h4', { id: `team-${team}-title` }, `${index + 1}. ${t(`team.${team}` as MessageKey)}`),
    h('p', {}, t(`team.${team}.task` as MessageKey, { year })),
    h('fieldset', { disabled: !mine, 'aria-labelledby': `team-${team}-title` }, ...controls),
    h('button', { type: 'button', class: 'role-done', 'data-team': team, disabled: !mine, onclick: onDone }, next ? t(`team.passTo.${next}` as MessageKey) : t('team.passTo.run')),
  );
}

/** The college or firm team's decision for the coming year. */
export function teamChoice(ctx: AppContext, team: Exclude<Team, 'government'>, choices: TeamChoices, onChange: (value: number) => void): HTMLElement {
  const { t } = ctx;
  const sel = h(
    'select',
    { class: 'team-choice', 'data-team': team, onchange: () => onChange(Number(sel.value)) },
    ...TEAM_DECISIONS[team].options.map((o) => h('option', { value: String(o.value), selected: o.value === choices[team] }, t(o.label))),
  );
  return h('label', { class: 'game-lever-row' }, h('span', {}, t(`team.${team}.choice` as MessageKey)), sel);
}

/** The words of a team's choice, for the reactions and the rounds table. */
export function choiceLabel(ctx: AppContext, team: Exclude<Team, 'government'>, value: number): string {
  const o = TEAM_DECISIONS[team].options.find((x) => x.value === value);
  return o ? ctx.t(o.label) : String(value);
}
