import { describe, expect, it } from 'vitest';
import { chiSquareTail, proportionInterval, sameProportionP } from '../../src/statistics/proportion.js';

describe('proportions', () => {
  it("gives Wilson's score interval (textbook values: 8 of 10, 0 of 10)", () => {
    const [lo, hi] = proportionInterval(8, 10);
    expect(lo).toBeCloseTo(0.4902, 4);
    expect(hi).toBeCloseTo(0.9433, 4);
    const [zeroLo, zeroHi] = proportionInterval(0, 10);
    expect(zeroLo).toBeCloseTo(0, 12);
    expect(zeroHi).toBeCloseTo(0.2775, 4);
    expect(proportionInterval(0, 0)).toEqual([0, 1]);
  });

  it('gives the chi-square tail (5% at 3.84 for one degree of freedom, 5% at 5.99 for two)', () => {
    expect(chiSquareTail(3.841458820694124, 1)).toBeCloseTo(0.05, 10);
    expect(chiSquareTail(5.991464547107979, 2)).toBeCloseTo(0.05, 10);
    expect(chiSquareTail(0, 3)).toBe(1);
  });

  it("tests whether groups share one proportion (Pearson's chi-square on a 2 x 2 table)", () => {
    // 10 of 100 against 20 of 100: statistic 3.9216, one degree of freedom
    expect(
      sameProportionP([
        { successes: 10, trials: 100 },
        { successes: 20, trials: 100 },
      ]),
    ).toBeCloseTo(chiSquareTail(3.9215686, 1), 6);
    expect(
      sameProportionP([
        { successes: 10, trials: 100 },
        { successes: 20, trials: 200 },
      ]),
    ).toBeCloseTo(1, 10);
    expect(sameProportionP([{ successes: 10, trials: 100 }])).toBeNaN();
    expect(
      sameProportionP([
        { successes: 0, trials: 10 },
        { successes: 0, trials: 20 },
      ]),
    ).toBeNaN();
  });
});
