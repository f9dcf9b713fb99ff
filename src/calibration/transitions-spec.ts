/**
 * The fitted moves out of each activity as the scenario writes them: probabilities rounded to
 * three decimals that sum to exactly 1, targets of the same loop by their id alone, and a
 * comment with each probability's 95% interval (Wilson's). Where the loop-backs were found to
 * decay, the probabilities written are the first pass's (the model applies the decay from there).
 */
import { percentText, proportionInterval } from '../statistics/proportion.js';
import type { FittedIterations } from './fit-iterations.js';
import type { FittedActivity } from './fit-workflow.js';

/** A transition target as the scenario writes it: an activity of the same loop by its id alone. */
const targetName = (key: string, loop: string): string =>
  key.startsWith(`${loop}.`) ? key.slice(loop.length + 1) : key;

/** Probabilities rounded to three decimals summing to exactly 1, the largest taking the rounding. */
function rounded(shares: ReadonlyMap<string, number>, loop: string): Record<string, number> {
  const entries = [...shares].sort((a, b) => b[1] - a[1]);
  const out: Record<string, number> = {};
  let sum = 0;
  for (const [target, share] of entries.slice(1)) {
    const p = Math.round(share * 1000) / 1000;
    if (p === 0) continue;
    out[targetName(target, loop)] = p;
    sum += p;
  }
  return { [targetName(entries[0][0], loop)]: Math.round((1 - sum) * 1000) / 1000, ...out };
}

/**
 * The `next` of activity `a` and its comment. `isLoopBack(target)` says whether a move goes
 * back to `a` or before it; `iterations.firstPassBack` holds the first-pass loop-back
 * probability of the activities whose decay was fitted.
 */
export function transitionsSpec(
  a: FittedActivity,
  isLoopBack: (target: string) => boolean,
  iterations: FittedIterations,
): { next: Record<string, number>; comment: string } {
  const total = [...a.next.values()].reduce((s, n) => s + n, 0);
  if (total === 0) return { next: { live: 1 }, comment: 'no move out of it seen: assumed to go live' };
  const shares = new Map([...a.next].map(([target, n]) => [target, n / total]));
  const firstPass = iterations.decay < 1 ? iterations.firstPassBack.get(a.key) : undefined;
  if (firstPass !== undefined) {
    let back = 0;
    for (const [target, n] of a.next) if (isLoopBack(target)) back += n;
    for (const [target, n] of a.next)
      shares.set(target, isLoopBack(target) ? (firstPass * n) / back : ((1 - firstPass) * n) / (total - back));
  }
  const intervals = [...a.next]
    .sort((x, y) => y[1] - x[1])
    .map(([target, n]) => {
      const [lo, hi] = proportionInterval(n, total);
      return `${targetName(target, a.loop)} ${n} (95% CI ${percentText(lo)} to ${percentText(hi)})`;
    });
  if (firstPass === undefined)
    return { next: rounded(shares, a.loop), comment: `from ${total} moves seen: ${intervals.join(', ')}` };
  return {
    next: rounded(shares, a.loop),
    comment: `from ${total} moves seen, pooled over passes: ${intervals.join(', ')}; the loop-backs are written at their first pass (${percentText(firstPass)} in all), as they fall by ${iterations.decay} a round`,
  };
}
