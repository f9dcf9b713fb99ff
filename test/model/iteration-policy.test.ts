/**
 * Loop-backs get less likely each time a use case takes one from the same activity (the
 * team learns): their probability is multiplied by decay^k after k of them, they close after
 * `cap`, and what they lose goes to the forward moves in proportion. Checked on the chooser
 * with a chosen uniform draw, and on whole runs.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/index.js';
import { chooseTransition } from '../../src/model/transition-chooser.js';
import { validateScenario } from '../../src/scenario/index.js';
import type { ActivityNode, Transition } from '../../src/scenario/workflow-graph.js';
import { datedScenario, itemsOn } from '../support/small-scenarios.js';

const node = (...transitions: Transition[]): ActivityNode => ({ transitions }) as ActivityNode;
const back = (probability: number): Transition => ({ target: 'w.a', probability, isLoopBack: true });
const live = (probability: number): Transition => ({ target: 'live', probability, isLoopBack: false });
const abandon = (probability: number): Transition => ({ target: 'abandon', probability, isLoopBack: false });
/** A "random" stream that always draws u. */
const draw = (u: number) => () => u;

describe('the choice of the move after an activity', () => {
  const reviewed = node(back(0.4), live(0.6));

  it('takes the moves as written before any loop-back, by where the draw falls', () => {
    const policy = { decay: 0.5, cap: 10 };
    expect(chooseTransition(reviewed, 0, policy, draw(0.39))).toBe(0);
    expect(chooseTransition(reviewed, 0, policy, draw(0.41))).toBe(1);
  });

  it('multiplies the loop-back probability by decay^k after k loop-backs', () => {
    const policy = { decay: 0.5, cap: 10 };
    // after one: 0.4 x 0.5 = 0.2; after two: 0.4 x 0.25 = 0.1
    expect(chooseTransition(reviewed, 1, policy, draw(0.19))).toBe(0);
    expect(chooseTransition(reviewed, 1, policy, draw(0.21))).toBe(1);
    expect(chooseTransition(reviewed, 2, policy, draw(0.09))).toBe(0);
    expect(chooseTransition(reviewed, 2, policy, draw(0.11))).toBe(1);
  });

  it('keeps the loop-back probability as written when decay is 1 (no learning)', () => {
    const policy = { decay: 1, cap: 10 };
    expect(chooseTransition(reviewed, 5, policy, draw(0.39))).toBe(0);
    expect(chooseTransition(reviewed, 5, policy, draw(0.41))).toBe(1);
  });

  it('closes the loop-backs after cap of them, however low the draw', () => {
    const policy = { decay: 1, cap: 3 };
    expect(chooseTransition(reviewed, 2, policy, draw(0.39))).toBe(0);
    expect(chooseTransition(reviewed, 3, policy, draw(0))).toBe(1);
    expect(chooseTransition(reviewed, 4, policy, draw(0))).toBe(1);
  });

  it('gives what the loop-backs lose to the forward moves in proportion to their probabilities', () => {
    // back 0.5, live 0.3, abandon 0.2; after one loop-back with decay 0.5: back 0.25 and the
    // forward moves share 0.75 as 3:2, live 0.45, abandon 0.3
    const three = node(back(0.5), live(0.3), abandon(0.2));
    const policy = { decay: 0.5, cap: 10 };
    expect(chooseTransition(three, 1, policy, draw(0.24))).toBe(0);
    expect(chooseTransition(three, 1, policy, draw(0.26))).toBe(1);
    expect(chooseTransition(three, 1, policy, draw(0.69))).toBe(1);
    expect(chooseTransition(three, 1, policy, draw(0.71))).toBe(2);
    // closed (cap 1): live 0.6, abandon 0.4
    expect(chooseTransition(three, 1, { decay: 0.5, cap: 1 }, draw(0.59))).toBe(1);
    expect(chooseTransition(three, 1, { decay: 0.5, cap: 1 }, draw(0.61))).toBe(2);
  });

  it('keeps the loop-backs as written at an activity with no forward move', () => {
    const onlyBack = node(back(0.7), back(0.3));
    expect(chooseTransition(onlyBack, 20, { decay: 0.5, cap: 3 }, draw(0.69))).toBe(0);
    expect(chooseTransition(onlyBack, 20, { decay: 0.5, cap: 3 }, draw(0.71))).toBe(1);
  });

  it('takes the last possible move when rounding leaves the draw above the total, never one of probability 0', () => {
    const rounded = node(live(0.3), abandon(0.7 - 1e-12), back(0));
    expect(chooseTransition(rounded, 0, { decay: 1, cap: 10 }, draw(1 - 1e-13))).toBe(1);
    expect(chooseTransition(node(back(0), live(1)), 0, { decay: 1, cap: 10 }, draw(0))).toBe(1);
  });
});

/**
 * Forty use cases, each reviewed in one day by one of forty reviewers; after each review the
 * use case goes back to it with probability `loopBack`, else live.
 */
function reviewLoops(loopBack: number, iterations: { decay: number; cap: number }) {
  const spec = validateScenario(
    datedScenario({
      domains: { d: { items: itemsOn('job', ...Array.from({ length: 40 }, () => 0)) } },
      teams: { t: { home: 'centre', headcount: { reviewer: 40 } } },
      workflow: {
        start: 'w.review',
        iterations,
        loops: {
          w: {
            activities: { review: { role: 'reviewer', effort: 1, next: { review: loopBack, live: 1 - loopBack } } },
          },
        },
      },
    }),
  ).spec;
  return simulate(spec, { seed: 3 }).items;
}

describe('loop-backs in a run', () => {
  it('with decay 0, a use case loops back at most once from an activity: the team learns at once', () => {
    const items = reviewLoops(0.5, { decay: 0, cap: 10 });
    const iterations = items.map((i) => i.iterations);
    expect(Math.max(...iterations)).toBe(1);
    expect(iterations.filter((k) => k === 1).length).toBeGreaterThan(10);
  });

  it('with decay 1, loop-backs keep their probability: some use cases loop back several times', () => {
    const items = reviewLoops(0.5, { decay: 1, cap: 10 });
    expect(Math.max(...items.map((i) => i.iterations))).toBeGreaterThanOrEqual(3);
  });

  it('stops loop-backs at the cap: with a loop-back of 0.9, nearly all use cases go round exactly cap times', () => {
    const items = reviewLoops(0.9, { decay: 1, cap: 2 });
    const iterations = items.map((i) => i.iterations);
    expect(Math.max(...iterations)).toBe(2);
    expect(iterations.filter((k) => k === 2).length).toBeGreaterThan(25);
  });

  it('counts each pass after the first as rework: one day of work, a day of rework per loop-back', () => {
    for (const i of reviewLoops(0.5, { decay: 1, cap: 10 })) {
      expect(i.outcome).toBe('live');
      expect(i.work).toBe(1);
      expect(i.rework).toBe(i.iterations);
      expect(i.reworkPasses).toBe(i.iterations);
      expect(i.activities).toBe(i.iterations + 1);
      expect(i.end).toBe(i.iterations + 1);
    }
  });
});
