/** The precision a --precision run reached, in plain words. */
import type { PrecisionOutcome } from '../experiment/index.js';

/** A percentage with two significant digits, or more when needed to tell it from `other`. */
function percent(x: number, other: number): string {
  for (let digits = 2; ; digits++) {
    const text = `${+(x * 100).toPrecision(digits)}%`;
    if (digits >= 6 || text !== `${+(other * 100).toPrecision(digits)}%` || x === other) return text;
  }
}

export function precisionLine(p: PrecisionOutcome): string {
  const target = percent(p.target, p.reached);
  const after = `after ${p.replications} replication${p.replications === 1 ? '' : 's'}`;
  if (p.met)
    return `Target precision reached: median known within ${percent(p.reached, p.target)} ${after} (target ${target}).`;
  const reached = Number.isFinite(p.reached)
    ? `median known within ${percent(p.reached, p.target)}`
    : 'the precision of the median could not be measured (some replication ended before half its use cases went live)';
  return `Target precision not reached: ${reached} ${after} (target ${target}); raise --reps.`;
}

/** The precision as --json prints it: `reached` is null when it could not be measured. */
export function precisionJson(p: PrecisionOutcome): {
  target: number;
  reached: number | null;
  met: boolean;
  replications: number;
} {
  return {
    target: p.target,
    reached: Number.isFinite(p.reached) ? p.reached : null,
    met: p.met,
    replications: p.replications,
  };
}
