import { describe, expect, it } from 'vitest';
import { crowdingDistances, dominates, hyperarea, nonDominated, nonDominatedSort } from '../../src/optimise/index.js';

describe('Pareto dominance', () => {
  it('dominates only when no worse in every objective and better in one', () => {
    expect(dominates([1, 2], [2, 2])).toBe(true);
    expect(dominates([1, 2], [1, 2])).toBe(false);
    expect(dominates([1, 3], [2, 2])).toBe(false);
  });

  it('sorts points into fronts', () => {
    const points = [
      [1, 5],
      [2, 2],
      [5, 1],
      [3, 3],
      [4, 4],
      [2, 6],
    ];
    expect(nonDominated(points)).toEqual([0, 1, 2]);
    expect(nonDominatedSort(points)).toEqual([[0, 1, 2], [3, 5], [4]]);
  });

  it('gives the ends of a front an infinite crowding distance and the middle the sum of its normalised gaps', () => {
    const d = crowdingDistances([
      [0, 10],
      [4, 4],
      [10, 0],
    ]);
    expect(d[0]).toBe(Infinity);
    expect(d[2]).toBe(Infinity);
    expect(d[1]).toBeCloseTo(10 / 10 + 10 / 10, 12);
  });

  it('measures the hyperarea worked out by hand, ignoring dominated points and points beyond the reference', () => {
    // staircase: (1,3) and (2,1) up to (4,4): [1,4]x[3,4] and [2,4]x[1,4], 3 + 6 less their overlap of 2
    expect(
      hyperarea(
        [
          [1, 3],
          [2, 1],
          [3, 3],
          [5, 0],
        ],
        [4, 4],
      ),
    ).toBe(7);
    expect(hyperarea([], [4, 4])).toBe(0);
  });
});
