import { defaultGoalState, parseGoalField, type GoalPanelState } from './goal-state.ts';

const FIELDS = ['output', 'year', 'level', 'confidence', 'budget', 'levers', 'size', 'seeds', 'seed', 'run'] as const satisfies readonly (keyof GoalPanelState)[];

/** Link parameters of the Goal panel: `goal.output`, `goal.year`, `goal.level`, … and `goal.run=1` once a search was started. */
export const GOAL_LINK_PARAMS: readonly string[] = FIELDS.map((f) => `goal.${f}`);

const text = (g: GoalPanelState, f: (typeof FIELDS)[number]): string => {
  const v = g[f];
  if (f === 'run') return v ? '1' : '0';
  if (v === null) return '';
  return Array.isArray(v) ? v.join(',') : String(v);
};

/** The Goal panel's part of a link; each bad field keeps its default and is reported. */
export function decodeGoal(get: (name: string) => string | undefined, bad: (name: string, value: string, detail: string) => void): GoalPanelState {
  const goal = defaultGoalState() as unknown as Record<string, unknown>;
  for (const f of FIELDS) {
    const raw = get(`goal.${f}`);
    if (raw === undefined) continue;
    const r = parseGoalField(f, raw.slice(0, 400));
    if (r.ok) goal[f] = r.value;
    else bad(`goal.${f}`, raw, r.error);
  }
  return goal as unknown as GoalPanelState;
}

/** Writes the Goal panel's fields that differ from a fresh visit. */
export function encodeGoal(goal: GoalPanelState, p: URLSearchParams): void {
  const d = defaultGoalState();
  for (const f of FIELDS) if (text(goal, f) !== text(d, f)) p.set(`goal.${f}`, text(goal, f));
}
