import { scenarioJsonSchema } from './json-schema.ts';

/** The parts of a JSON Schema node that the parameter tables read. */
export interface JsonNode {
  type?: string;
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonNode>;
  prefixItems?: JsonNode[];
  anyOf?: JsonNode[];
}

/** One documented parameter of the scenario schema. */
export interface ParameterRow {
  path: string;
  default: unknown;
  range: string;
  unit: string;
  source: string;
  assumed: boolean;
}

/**
 * A parameter's unit as its description states it: money (k¥, M¥), months, years,
 * counts, a unit of the description's "in units of …", else a dimensionless 0–1 share
 * or index when the range is 0–1.
 */
export function unitOf(doc: string, node: JsonNode, lever: boolean): string {
  const units = /in units of ([^),;]+)/.exec(doc);
  if (/discount rate/.test(doc)) return '1/year';
  // A head count whose description also prices the staff's time in k¥.
  if (/^full-time staff/.test(doc)) return 'persons';
  if (/M¥/.test(doc)) return 'M¥';
  if (/k¥/.test(doc)) return 'k¥';
  if (units) return units[1].trim();
  if (/share of (?:a |the |an intern's )?(?:regular )?wage|% of (?:a |the )?(?:regular )?wage|relative to a skilled worker|output per unit/.test(doc)) return 'share of wage';
  if (/\bmonths?\b/.test(doc)) return 'months';
  if (/\byears? before|every k years|two decades/.test(doc)) return 'years';
  if (node.type === 'integer') return 'count';
  if (/interns per|hires per year|students|graduates/.test(doc)) return 'persons/year';
  const item = node.prefixItems?.[0] ?? (lever ? node.anyOf?.[0] : node) ?? node;
  if (item.minimum === 0 && item.maximum === 1) return '0–1';
  return '—';
}

/** Cleans a description for the model document: no references to design notes users do not have. */
export function cleanSource(doc: string): string {
  return doc
    .replace(/\s*\((?:[^()]*?)MODEL\.md §\d+(?:[^()]*?)\)/g, (m) => {
      const inner = m.replace(/^\s*\(|\)$/g, '').replace(/;?\s*MODEL\.md §\d+/g, '').replace(/,\s*$/, '').trim();
      return inner ? ` (${inner})` : '';
    })
    .replace(/\s*MODEL\.md §\d+/g, ' docs/ODD.md')
    .trim();
}

function rangeOf(node: JsonNode, lever: boolean): string {
  // A schedule (a list of {from, value} steps) is ranged by its values.
  const steps = (node as { items?: { properties?: { value?: JsonNode } } }).items?.properties?.value;
  const item = node.prefixItems?.[0] ?? steps ?? (lever ? node.anyOf?.[0] : node) ?? node;
  const lo = item.minimum;
  const hi = item.maximum;
  if (lo === undefined && hi === undefined) return '—';
  return `${lo ?? '−∞'}–${hi ?? '∞'}${node.prefixItems ? ' each' : ''}`;
}

function show(v: unknown): string {
  if (v === undefined) return 'none';
  if (Array.isArray(v)) return `[${v.join(', ')}]`;
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** Every documented number of the scenario schema, by section (`top` for the top-level fields). */
export function parameterRows(): Record<string, ParameterRow[]> {
  const schema = scenarioJsonSchema() as JsonNode;
  const out: Record<string, ParameterRow[]> = { top: [] };
  for (const [key, node] of Object.entries(schema.properties ?? {})) {
    if (node.properties) {
      out[key] = [];
      const walk = (n: JsonNode, path: string) => {
        if (n.properties && n.type === 'object') {
          for (const [k, v] of Object.entries(n.properties)) walk(v, `${path}.${k}`);
          return;
        }
        out[key].push(row(path, n));
      };
      for (const [k, v] of Object.entries(node.properties)) walk(v, `${key}.${k}`);
    } else if (node.type === 'integer' || node.type === 'number') out.top.push(row(key, node));
  }
  return out;
}

function row(path: string, n: JsonNode): ParameterRow {
  const doc = n.description ?? '';
  const lever = Array.isArray(n.anyOf);
  return { path, default: n.default, range: rangeOf(n, lever), unit: unitOf(doc, n, lever), source: cleanSource(doc), assumed: /^assumption:/i.test(doc.trim()) };
}

/** The Markdown table of one section's parameters. */
export function parameterTable(rows: readonly ParameterRow[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = ['| Parameter | Default | Range | Unit | Source |', '|---|---|---|---|---|'];
  for (const r of rows) lines.push(`| \`${r.path}\` | ${esc(show(r.default))} | ${r.range} | ${esc(r.unit)} | ${esc(r.source)} |`);
  return `${lines.join('\n')}\n`;
}
