/**
 * Chooses where an item goes after an activity. Loop-backs get less likely each time the
 * item takes one from that activity (teams learn): their probability is multiplied by
 * decay^k after k loop-backs, and after `cap` loop-backs they are closed; the probability
 * taken from them goes to the forward moves in proportion. An activity with no forward move
 * keeps its loop-backs as written.
 */
import type { Rng } from '../random/index.js';
import type { ActivityNode } from '../scenario/workflow-graph.js';

export interface IterationPolicy {
  decay: number;
  cap: number;
}

/** Index into node.transitions of the move taken, given `loopBacks` already taken from this activity. */
export function chooseTransition(node: ActivityNode, loopBacks: number, policy: IterationPolicy, rng: Rng): number {
  const transitions = node.transitions;
  const factor = loopBacks >= policy.cap ? 0 : policy.decay ** loopBacks;
  let backMass = 0;
  let forwardMass = 0;
  for (const t of transitions) {
    if (t.isLoopBack) backMass += t.probability;
    else forwardMass += t.probability;
  }
  const adjust = factor < 1 && forwardMass > 0;
  const forwardScale = adjust ? (forwardMass + backMass * (1 - factor)) / forwardMass : 1;
  const backScale = adjust ? factor : 1;
  const u = rng();
  let cumulative = 0;
  let last = -1;
  for (let i = 0; i < transitions.length; i++) {
    const t = transitions[i];
    const p = t.probability * (t.isLoopBack ? backScale : forwardScale);
    if (p <= 0) continue;
    last = i;
    cumulative += p;
    if (u < cumulative) return i;
  }
  return last; // rounding at the top end
}
