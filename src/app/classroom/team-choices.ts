import type { YearlyParam } from '../../model/params/yearly-field.ts';
import type { MessageKey } from '../i18n/messages.ts';

/** The teams of a game with roles, in turn order: the government sets the levers, then the colleges and the firms decide their part. */
export const TEAMS = ['government', 'college', 'firm'] as const;
export type Team = (typeof TEAMS)[number];

/** What the college and firm teams decided for one year: the value of their parameter. */
export interface TeamChoices {
  college: number;
  firm: number;
}

/** One option of a team: the value its parameter takes and the words for it. */
export interface TeamOption {
  value: number;
  label: MessageKey;
}

/**
 * The decision of each non-government team: which parameter of the model it sets (read every
 * year, docs/ODD.md "Yearly decisions of colleges and firms") and its options. The middle
 * option is the status quo's value (schools.placementValue 1 k¥, behaviour.searchRate 0.6).
 * Assumption: halving and tripling a placement's value, and 0.3 / 0.9 of firms searching,
 * are choices a college leadership or an industry association could plausibly make.
 */
export const TEAM_DECISIONS: Record<Exclude<Team, 'government'>, { param: YearlyParam; options: readonly TeamOption[] }> = {
  college: {
    param: 'schools.placementValue',
    options: [
      { value: 0.5, label: 'team.college.chore' },
      { value: 1, label: 'team.college.today' },
      { value: 3, label: 'team.college.reviews' },
    ],
  },
  firm: {
    param: 'behaviour.searchRate',
    options: [
      { value: 0.3, label: 'team.firm.wait' },
      { value: 0.6, label: 'team.firm.today' },
      { value: 0.9, label: 'team.firm.campaign' },
    ],
  },
};

/** The status quo's choices: what colleges and firms do when no team decides. */
export const STATUS_QUO_CHOICES: TeamChoices = { college: 1, firm: 0.6 };

/**
 * The scenario's `yearly` section for the teams' choices of each year: steps where a
 * choice changes, nothing for a team that always kept the status quo. Undefined when no
 * team ever moved, so a game without roles (or with teams that kept the status quo) runs
 * exactly the scenario it ran before roles existed.
 */
export function teamSchedule(teams: readonly TeamChoices[]): Partial<Record<YearlyParam, { from: number; value: number }[]>> | undefined {
  const out: Partial<Record<YearlyParam, { from: number; value: number }[]>> = {};
  for (const team of ['college', 'firm'] as const) {
    const steps: { from: number; value: number }[] = [];
    teams.forEach((c, year) => {
      if (steps.length === 0 ? c[team] !== STATUS_QUO_CHOICES[team] : steps[steps.length - 1].value !== c[team]) steps.push({ from: year, value: c[team] });
    });
    if (steps.length) out[TEAM_DECISIONS[team].param] = steps;
  }
  return Object.keys(out).length ? out : undefined;
}
