/**
 * The front as rows, for the terminal, the report, the tables and --json alike: each design's
 * structure, its change from the file in short and in a sentence, its people, its objectives
 * with their intervals, its replications and whether it keeps up with demand.
 */
import type { Verdict } from '../analysis/stability.js';
import type { BoundedEstimate } from '../statistics/estimate.js';
import type { DesignEvaluation } from './design-evaluation.js';
import { designSentence, figureText, listWords, shortMoney } from './design-words.js';
import { OBJECTIVE_INFO } from './objectives.js';
import type { OptimisationResult } from './optimise.js';

export interface FrontRow {
  /** 1, 2, ... in the front's order. */
  number: number;
  evaluation: DesignEvaluation;
  structure: string;
  /** `+2 ML engineers, -2 data scientists` (with the team where the structure varies several), or `as the file has it`. */
  change: string;
  /** path -> count of every variable. */
  design: Record<string, number>;
  people: number;
  cost: number;
  objectives: BoundedEstimate[];
  replications: number;
  verdict: Verdict | null;
  sentence: string;
}

/** The change from the file in short: `+2 ML engineers, -1 data scientist in hub`. */
export function shortChange(result: OptimisationResult, e: DesignEvaluation): string {
  const s = result.structures[e.design.structure];
  const teams = new Set(s.variables.map((v) => v.team));
  const parts = s.variables.flatMap((v, i) => {
    const d = e.design.values[i] - v.base;
    if (d === 0) return [];
    const who = Math.abs(d) === 1 ? v.person : v.people;
    return [`${d > 0 ? '+' : '-'}${Math.abs(d)} ${who}${teams.size > 1 ? ` in ${v.team}` : ''}`];
  });
  return parts.length === 0 ? 'as the file has it' : parts.join(', ');
}

/** The sentence of a design against its structure as the file has it (figures alone when that one was not simulated). */
function sentenceOf(result: OptimisationResult, e: DesignEvaluation): string {
  const structure = result.structures[e.design.structure];
  const reference = result.bases.find((b) => b.design.structure === e.design.structure);
  // against a file's staffing that does not keep up there is no like-for-like figure: its days grow with the run
  if (reference !== undefined && reference.replications.length > 0 && reference.verdict !== 'does-not-keep-up')
    return designSentence(e, reference, structure, result.objectives, result.structures.length > 1);
  const figures = result.objectives.map(
    (o, k) =>
      `${OBJECTIVE_INFO[o].words} ${figureText(o, e.estimates[k].estimate ?? Number.NaN, structure.spec.currency)}`,
  );
  const why =
    reference?.verdict === 'does-not-keep-up'
      ? 'does not keep up with its demand, so it has no figure to compare with'
      : `was not simulated: ${reference?.infeasible ?? 'not in the search'}`;
  return `For ${shortMoney(e.cost, structure.spec.currency)} a year, ${structure.name} with ${shortChange(result, e)}: ${listWords(figures)} (its file's own staffing ${why}).`;
}

export function frontRows(result: OptimisationResult): FrontRow[] {
  return result.front.map((e, k) => {
    const s = result.structures[e.design.structure];
    return {
      number: k + 1,
      evaluation: e,
      structure: s.name,
      change: shortChange(result, e),
      design: Object.fromEntries(s.variables.map((v, i) => [v.path, e.design.values[i]])),
      people: e.people,
      cost: e.cost,
      objectives: e.estimates,
      replications: e.replications.length,
      verdict: e.verdict,
      sentence: sentenceOf(result, e),
    };
  });
}
