import { createHash } from 'node:crypto';
import type { Experiment } from '../parse/parse-experiment.ts';

/** JSON with object keys sorted, so equal data always gives equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * SHA-256 of what determines an experiment's results: the base scenario (without its
 * name, description and sources), the factors in order, the design, the replications
 * and the outputs kept. Renaming or redocumenting an experiment keeps its hash.
 */
export function experimentHash(experiment: Experiment): string {
  const { name: _n, description: _d, sources: _s, ...base } = experiment.base as Record<string, unknown>;
  const identity = {
    base,
    factors: experiment.factors.map((f) => [f.path, f.spec]),
    design: experiment.design,
    replications: experiment.replications,
    outputs: experiment.outputs,
  };
  return createHash('sha256').update(canonicalJson(identity)).digest('hex');
}
