import { LEVER_NAMES, LEVER_TABLE, type LeverName } from '../../model/params/lever-table.ts';
import type { MessageKey } from '../i18n/messages.ts';

/** How a control's value is shown: as a percentage of 1, or as a plain number. */
export type Display = 'percent' | 'number' | 'integer';

/** A named point on a control's scale ("China 2019: 30%"). */
export interface Level {
  value: number;
  label: MessageKey;
}

/** A slider of the policy or assumptions panel. */
export interface ControlSpec {
  /** Scenario path the control edits. */
  path: string;
  label: MessageKey;
  help: MessageKey;
  /** Unit shown after the value. */
  unit: MessageKey;
  min: number;
  max: number;
  step: number;
  display: Display;
  levels: readonly Level[];
}

/** A policy lever's control (levers can also be scheduled or given an expression). */
export interface LeverSpec extends ControlSpec {
  lever: LeverName;
}

type Scale = Pick<ControlSpec, 'min' | 'max' | 'step' | 'display'>;

/** A share from 0 to 1, shown as a percentage. */
const PERCENT: Scale = { min: 0, max: 1, step: 0.05, display: 'percent' };

type Control = (typeof LEVER_TABLE)[LeverName]['control'];
// The lever table names the app's strings by their last part; these fail to compile on a
// unit or level the string tables do not have.
const unitKey = (unit: Control['unit']): MessageKey => `unit.${unit}`;
const levelKey = (label: Control['levels'][number]['label']): MessageKey => `level.${label}`;

/** A lever's control, all from its row of the lever table: scenario path, strings, slider, named levels. */
function leverSpec(name: LeverName): LeverSpec {
  const c: Control = LEVER_TABLE[name].control;
  return {
    lever: name,
    path: `policy.${name}`,
    label: `lever.${name}`,
    help: `lever.${name}.help`,
    unit: unitKey(c.unit),
    min: c.slider[0],
    max: c.slider[1],
    step: c.step,
    display: c.display,
    levels: c.levels.map((l: Control['levels'][number]) => ({ value: l.value, label: levelKey(l.label) })),
  };
}

/** The policy levers in the order of the policy panel, with plain-language labels and named levels. */
export const LEVER_SPECS: readonly LeverSpec[] = [...LEVER_NAMES].sort((a, b) => LEVER_TABLE[a].control.panel - LEVER_TABLE[b].control.panel).map(leverSpec);

/** How often groups are evaluated (0 = never): a choice, not a slider. */
export const EVALUATION_CHOICES: readonly { value: number; label: MessageKey }[] = [
  { value: 0, label: 'evaluation.never' },
  { value: 1, label: 'evaluation.every1' },
  { value: 2, label: 'evaluation.every2' },
  { value: 3, label: 'evaluation.every3' },
  { value: 5, label: 'evaluation.every5' },
];

/** A heading of the assumptions panel and its controls. */
export interface AssumptionGroup {
  title: MessageKey;
  controls: readonly ControlSpec[];
}

const share = (path: string, label: MessageKey, help: MessageKey, levels: Level[], unit: MessageKey = 'unit.index'): ControlSpec => ({
  path,
  label,
  help,
  unit,
  ...PERCENT,
  levels,
});

/** What the world is like (not decided by policy), grouped as in the assumptions panel. */
export const ASSUMPTION_GROUPS: readonly AssumptionGroup[] = [
  {
    title: 'assumptions.schools',
    controls: [
      share('schools.facilities', 'assume.facilities', 'assume.facilities.help', [
        { value: 0.35, label: 'level.weak' },
        { value: 0.65, label: 'level.strong' },
      ]),
      share('schools.teacherPractice', 'assume.teacherPractice', 'assume.teacherPractice.help', [
        { value: 0.3, label: 'level.weak' },
        { value: 0.6, label: 'level.strong' },
      ]),
      share('schools.alignment', 'assume.alignment', 'assume.alignment.help', [
        { value: 0.45, label: 'level.partial' },
        { value: 0.7, label: 'level.good' },
      ]),
    ],
  },
  {
    title: 'assumptions.labour',
    controls: [
      share('labour.cheapLabour', 'assume.cheapLabour', 'assume.cheapLabour.help', [
        { value: 0.2, label: 'level.scarce' },
        { value: 0.8, label: 'level.oversupply' },
      ]),
      {
        path: 'labour.cheapLabourTrend',
        label: 'assume.cheapLabourTrend',
        help: 'assume.cheapLabourTrend.help',
        unit: 'unit.perYear',
        min: -0.1,
        max: 0.1,
        step: 0.01,
        display: 'percent',
        levels: [
          { value: -0.05, label: 'level.shrinking' },
          { value: 0, label: 'level.constant' },
        ],
      },
    ],
  },
  {
    title: 'assumptions.firms',
    controls: [
      share('firms.highTechShare', 'assume.highTechShare', 'assume.highTechShare.help', [{ value: 0.3, label: 'level.statusQuo' }], 'unit.shareOfFirms'),
      share('firms.longHorizonShare', 'assume.longHorizonShare', 'assume.longHorizonShare.help', [{ value: 0.35, label: 'level.statusQuo' }], 'unit.shareOfFirms'),
    ],
  },
  {
    title: 'assumptions.size',
    controls: [
      {
        path: 'world.schools',
        label: 'assume.schools',
        help: 'assume.schools.help',
        unit: 'unit.colleges',
        min: 10,
        max: 300,
        step: 10,
        display: 'integer',
        levels: [{ value: 60, label: 'level.province' }],
      },
      {
        path: 'world.firms',
        label: 'assume.firms',
        help: 'assume.firms.help',
        unit: 'unit.firms',
        min: 500,
        max: 20000,
        step: 500,
        display: 'integer',
        levels: [{ value: 3000, label: 'level.province' }],
      },
      {
        path: 'years',
        label: 'assume.years',
        help: 'assume.years.help',
        unit: 'unit.years',
        min: 5,
        max: 50,
        step: 1,
        display: 'integer',
        levels: [{ value: 20, label: 'level.twoDecades' }],
      },
    ],
  },
];
