/** How an estimate and its interval read, and a lower bound where the run did not reach the statistic. */
import { describe, expect, it } from 'vitest';
import { estimateText } from '../../src/analysis/estimate-text.js';

const e = (estimate: number, low: number, high: number) => ({ estimate, ci95: [low, high] as [number, number] });

describe('the text of an estimate', () => {
  it('gives the value rounded, with thousands grouped, and its interval', () => {
    expect(estimateText(e(1234.4, 1199.6, 1300.2))).toEqual({ value: '1,234', interval: '1,200 to 1,300' });
  });

  it('scales, keeps the decimals asked for even when they are zero, and puts the suffix on the value alone', () => {
    expect(estimateText(e(0.12, 0.1, 0.15), 1, 100, '%')).toEqual({ value: '12.0%', interval: '10.0 to 15.0' });
  });

  it('gives a lower bound as "> bound", with no interval', () => {
    expect(estimateText({ estimate: null, atLeast: 325.6, ci95: null })).toEqual({ value: '> 326', interval: null });
    expect(estimateText({ estimate: null, atLeast: 0.1234, ci95: null }, 1, 100, '%')).toEqual({
      value: '> 12.3%',
      interval: null,
    });
  });

  it('gives "-" when there is no estimate at all', () => {
    expect(estimateText(e(NaN, NaN, NaN))).toEqual({ value: '-', interval: null });
  });

  it('gives no interval from one replication, or when either end is missing', () => {
    expect(estimateText(e(5, NaN, NaN))).toEqual({ value: '5', interval: null });
    expect(estimateText(e(5, 4, NaN)).interval).toBeNull();
    expect(estimateText(e(5, NaN, 6)).interval).toBeNull();
  });
});
