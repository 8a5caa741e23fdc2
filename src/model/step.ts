import { policyPhase } from './phases/policy.ts';
import { labourMarketPhase } from './phases/labour-market.ts';
import { firmTurnoverPhase } from './phases/firm-turnover.ts';
import { matchingPhase } from './phases/matching.ts';
import { decisionsPhase } from './phases/decisions.ts';
import { capabilitiesPhase } from './phases/capabilities.ts';
import { employmentPhase } from './phases/employment.ts';
import { evaluationPhase } from './phases/evaluation.ts';
import { learningPhase } from './phases/learning.ts';
import { recordPhase } from './phases/record.ts';
import type { World } from './state.ts';

/** The yearly phases of docs/ODD.md (Process overview and scheduling), in their fixed order. */
export const PHASES = [
  'policy',
  'labour market',
  'firm turnover',
  'matching',
  'decisions',
  'capabilities',
  'graduates and employment',
  'evaluation',
  'learning',
  'record',
] as const;

function resetYear(w: World): void {
  const c = w.counters;
  c.newLastYear = 0;
  c.endedAfterOneYear = 0;
  c.closedAfterOneYear = 0;
  c.internOutput = 0;
  c.grossTrainingCost = 0;
  c.hires = 0;
  c.retained = 0;
  c.graduates = 0;
  c.employed = 0;
  c.skillSum = 0;
  const l = w.ledger;
  l.taxForgone = 0;
  l.subsidies = 0;
  l.schoolFunding = 0;
  l.evaluationRewards = 0;
  l.adminCost = 0;
}

/**
 * Runs one simulated year on `w` and writes its metrics into `row` (unless `record` is
 * false: a spin-up year that no one reads).
 */
export function stepYear(w: World, row: Float64Array, record = true): void {
  resetYear(w);
  policyPhase(w);
  labourMarketPhase(w);
  firmTurnoverPhase(w);
  matchingPhase(w);
  decisionsPhase(w);
  capabilitiesPhase(w);
  employmentPhase(w);
  evaluationPhase(w);
  learningPhase(w);
  if (record) recordPhase(w, row);
  w.year++;
}
