/**
 * The learning decay of loop-backs against a brute-force answer: the likelihood of the moves
 * out of an activity, maximised over a grid of both the decay and the first-pass loop-back
 * probability, must give the fit's decay, first-pass probability, profile interval and test.
 */
import { describe, expect, it } from 'vitest';
import { fitIterations } from '../../src/calibration/fit-iterations.js';
import type { ActivityInstance, HistoryCase } from '../../src/calibration/history.js';
import { chiSquareTail } from '../../src/statistics/proportion.js';

const step = (activity: string, t: number): ActivityInstance => ({
  activity,
  start: t,
  end: t + 1,
  enabled: Number.NaN,
  resource: '',
  role: 'r',
  team: 't',
  loop: 'work',
  line: 0,
});

/** A case through work.a then work.b, looping back from b to a `loops` times, then live. */
function caseWith(loops: number, id: number): HistoryCase {
  const names = ['work.a', 'work.b'];
  for (let k = 0; k < loops; k++) names.push('work.a', 'work.b');
  return {
    id: String(id),
    domain: 'd',
    type: 't',
    arrival: 0,
    outcome: 'live',
    activities: names.map((n, i) => step(n, i * 10)),
  };
}

/** 60 cases with no loop-back, 25 with one, 10 with two, 5 with three. */
const cases = [
  ...Array.from({ length: 60 }, (_, i) => caseWith(0, i)),
  ...Array.from({ length: 25 }, (_, i) => caseWith(1, 100 + i)),
  ...Array.from({ length: 10 }, (_, i) => caseWith(2, 200 + i)),
  ...Array.from({ length: 5 }, (_, i) => caseWith(3, 300 + i)),
];
// departures from b after k loop-backs: [n, back]
const cells: [number, number, number][] = [
  [0, 100, 40],
  [1, 40, 15],
  [2, 15, 5],
  [3, 5, 0],
];
const logLikelihood = (b: number, d: number): number =>
  cells.reduce((s, [k, n, back]) => {
    const p = b * d ** k;
    return s + (back > 0 ? back * Math.log(p) : 0) + (n - back) * Math.log1p(-p);
  }, 0);

describe('the learning decay of loop-backs', () => {
  it('is the maximum of the likelihood over both parameters, with its profile interval and test', () => {
    const fit = fitIterations(cases, ['work.a', 'work.b']);
    // brute force: the profile over decays 0.001..1, each maximised over first-pass probabilities 0.0005..0.9995
    const profile = Array.from({ length: 1000 }, (_, i) => {
      const d = (i + 1) / 1000;
      let best = -Infinity;
      let at = 0;
      for (let j = 1; j < 2000; j++) {
        const ll = logLikelihood(j / 2000, d);
        if (ll > best) [best, at] = [ll, j / 2000];
      }
      return { d, ll: best, b: at };
    });
    const top = profile.reduce((m, x) => (x.ll > m.ll ? x : m));
    expect(fit.decay).toBeCloseTo(top.d, 2);
    expect(fit.firstPassBack.get('work.b') ?? NaN).toBeCloseTo(top.b, 2);
    const inside = profile.filter((x) => 2 * (top.ll - x.ll) <= 3.841458820694124);
    expect(fit.ci95?.[0] ?? NaN).toBeCloseTo(inside[0].d, 2);
    expect(fit.ci95?.[1] ?? NaN).toBeCloseTo(inside[inside.length - 1].d, 2);
    expect(fit.noLearningP).toBeCloseTo(0.5 * chiSquareTail(2 * (top.ll - profile[999].ll), 1), 3);
    expect(fit.moves).toBe(160);
    expect(fit.firstPassBack.has('work.a')).toBe(false); // a only ever goes forward
  });

  it('is not fitted where no activity is left both backwards and forwards, and counts the cap from the history', () => {
    const none = fitIterations([caseWith(0, 1), caseWith(0, 2)], ['work.a', 'work.b']);
    expect(none).toMatchObject({ decay: 1, ci95: null, cap: 10 });
    const many = fitIterations([caseWith(12, 1), caseWith(0, 2)], ['work.a', 'work.b']);
    expect(many.cap).toBe(12);
  });
});
