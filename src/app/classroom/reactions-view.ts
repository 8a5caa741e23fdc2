import type { AppContext } from '../app-context.ts';
import { h } from '../dom.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { FirmReactions, RoundResult, YearLevers } from './policy-round.ts';
import { leverSummary } from './classroom-parts.ts';
import { choiceLabel } from './roles-panel.ts';

/**
 * How firms and colleges reacted to the year's levers, with the reasons the model
 * records: firms' moves and the benefit or cost item that weighed most for the movers
 * (from their recorded decisions, first seed), colleges' willingness, staff time and
 * conditions against the status quo (mean over seeds).
 */
export function reactionsView(ctx: AppContext, r: RoundResult, firms: FirmReactions | null, statusQuo: YearLevers): HTMLElement {
  const { t, fmt } = ctx;
  const item = (k: string) => t(`item.${k}` as MessageKey);
  const lines: HTMLElement[] = [];
  lines.push(
    h('p', { class: 'deep-line' }, t('classroom.deepLine', { year: r.year, deep: fmt.number(r.deep, 1), base: fmt.number(r.deepBaseline, 1), coop: fmt.percent(r.cooperating), coopBase: fmt.percent(r.cooperatingBaseline), cost: fmt.mYuan(r.extraCost, 2) })),
  );
  if (firms) {
    lines.push(
      h(
        'li',
        { class: 'firms-up' },
        t('classroom.firmsUp', { n: firms.joinedOrDeepened }),
        firms.pull ? ` ${t('classroom.pull', { item: item(firms.pull.item), value: fmt.kYuan(firms.pull.value, 1) })}` : '',
      ),
      h(
        'li',
        { class: 'firms-down' },
        t('classroom.firmsDown', { n: firms.leftOrCutBack }),
        firms.push ? ` ${t('classroom.push', { item: item(firms.push.item), value: fmt.kYuan(firms.push.value, 1) })}` : '',
      ),
      h('li', { class: 'firms-out' }, t('classroom.firmsOut', { n: firms.stayedOut })),
    );
  }
  lines.push(
    h(
      'li',
      { class: 'colleges' },
      t('classroom.colleges', {
        will: fmt.percent(r.schoolWillingness, 0),
        willBase: fmt.percent(r.schoolWillingnessBaseline, 0),
        full: fmt.percent(r.schoolsFull, 0),
        fullBase: fmt.percent(r.schoolsFullBaseline, 0),
        fac: fmt.percent(r.facilities, 0),
        facBase: fmt.percent(r.facilitiesBaseline, 0),
      }),
    ),
  );
  const [deepLine, ...items] = lines;
  // With roles: each team's decision beside the number it moved most directly.
  const teams = r.teams
    ? h(
        'div',
        { class: 'team-effects' },
        h('h4', {}, t('classroom.teamsTitle')),
        h(
          'ul',
          {},
          h('li', { class: 'team-government' }, t('classroom.team.government', { levers: leverSummary(ctx, r.levers, statusQuo) })),
          h('li', { class: 'team-college' }, t('classroom.team.college', { choice: choiceLabel(ctx, 'college', r.teams.college), will: fmt.percent(r.schoolWillingness, 0), willBase: fmt.percent(r.schoolWillingnessBaseline, 0) })),
          h('li', { class: 'team-firm' }, t('classroom.team.firm', { choice: choiceLabel(ctx, 'firm', r.teams.firm), n: firms?.joinedOrDeepened ?? 0, coop: fmt.percent(r.cooperating), coopBase: fmt.percent(r.cooperatingBaseline) })),
        ),
      )
    : null;
  return h('div', { class: 'reactions' }, h('h3', {}, t('classroom.reactions', { year: r.year })), deepLine, teams, h('ul', {}, ...items));
}
