import { createRng } from '../../model/rng.ts';
import type { DesignSpec } from '../schema/experiment-schema.ts';
import { factorQuantile, gridValues, type Factor } from './factor-values.ts';
import { latinHypercube } from './latin-hypercube.ts';
import { morrisDesign, type MorrisStep } from './morris-design.ts';
import { saltelliDesign } from './saltelli-design.ts';

/** The design points of an experiment: factor values per point, in factor order. */
export interface Design {
  readonly spec: DesignSpec;
  /** points[p][f]: value of factor f at design point p. */
  readonly points: readonly (readonly unknown[])[];
  /** Unit coordinates of sampling designs (absent for a grid). */
  readonly unit?: readonly (readonly number[])[];
  /** Morris designs: the step between consecutive points of each trajectory. */
  readonly morris?: { readonly steps: readonly (readonly MorrisStep[])[]; readonly delta: number };
}

/** Number of design points a spec gives for these factors, without building them. */
export function designSize(spec: DesignSpec, factors: readonly Factor[]): number {
  switch (spec.type) {
    case 'grid':
      return factors.reduce((n, f) => n * gridValues(f).length, 1);
    case 'latin-hypercube':
      return spec.samples;
    case 'morris':
      return spec.trajectories * (factors.length + 1);
    case 'sobol':
      return spec.samples * (factors.length + 2);
    default:
      return assertNever(spec);
  }
}

/**
 * Builds the design points. Sampling designs draw from a stream named after the design,
 * seeded with the experiment's master seed, so the same file always gives the same points.
 */
export function buildDesign(spec: DesignSpec, factors: readonly Factor[], masterSeed: number): Design {
  const k = factors.length;
  const fromUnit = (unit: number[][]): unknown[][] => unit.map((u) => factors.map((f, i) => factorQuantile(f, u[i])));
  switch (spec.type) {
    case 'grid': {
      const levels = factors.map(gridValues);
      const points: unknown[][] = [];
      const idx = new Array<number>(k).fill(0);
      const total = levels.reduce((n, l) => n * l.length, 1);
      for (let p = 0; p < total; p++) {
        points.push(idx.map((j, i) => levels[i][j]));
        // The last factor varies fastest, like nested loops in factor order.
        for (let i = k - 1; i >= 0; i--) {
          if (++idx[i] < levels[i].length) break;
          idx[i] = 0;
        }
      }
      return { spec, points };
    }
    case 'latin-hypercube': {
      const unit = latinHypercube(spec.samples, k, createRng(masterSeed, 'design:latin-hypercube'));
      return { spec, points: fromUnit(unit), unit };
    }
    case 'morris': {
      const m = morrisDesign(spec.trajectories, k, spec.levels, createRng(masterSeed, 'design:morris'));
      return { spec, points: fromUnit(m.unit), unit: m.unit, morris: { steps: m.steps, delta: m.delta } };
    }
    case 'sobol': {
      const unit = saltelliDesign(spec.samples, k);
      return { spec, points: fromUnit(unit), unit };
    }
    default:
      return assertNever(spec);
  }
}

function assertNever(x: never): never {
  throw new Error(`unknown design ${JSON.stringify(x)}`);
}
