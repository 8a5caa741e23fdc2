import { LEVER_NAMES } from '../../model/params/schema.ts';

/** Link parameters that are not scenario fields. */
export const VIEW_PARAMS = ['v', 'lang', 'preset', 'n', 'cmp', 'pu', 'tab', 'ey', 'y', 'sel', 'lesson', 'present'] as const;
/** Scenario fields at the top level that a link may set by their bare name. */
const TOP_LEVEL_FIELDS = ['seed', 'years', 'name', 'description'] as const;
/** Sections of a scenario a dotted link parameter may address. */
const SECTIONS = ['world', 'schools', 'firms', 'labour', 'economics', 'behaviour', 'policy', 'mechanisms'];
/** Policy fields settable by their bare name (levers and the evaluation interval). */
const POLICY_SHORT: readonly string[] = [...LEVER_NAMES, 'evaluationInterval'];

/** The scenario path a link parameter stands for, or undefined if it is not one. */
export function paramToPath(name: string): string | undefined {
  if ((POLICY_SHORT as readonly string[]).includes(name)) return `policy.${name}`;
  if ((TOP_LEVEL_FIELDS as readonly string[]).includes(name)) return name;
  const head = name.split('.')[0];
  if (name.includes('.') && SECTIONS.includes(head)) return name;
  return undefined;
}

/** The link parameter name of a scenario path (levers by their bare name). */
export function pathToParam(path: string): string {
  const [head, rest] = [path.slice(0, path.indexOf('.')), path.slice(path.indexOf('.') + 1)];
  if (head === 'policy' && POLICY_SHORT.includes(rest)) return rest;
  return path;
}
