import { createHash } from 'node:crypto';
import type { Experiment } from '../parse/parse-experiment.ts';
import { canonicalJson } from './canonical-json.ts';

// Kept here too: the hash's readers import it from this file.
export { canonicalJson };

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
