/**
 * The stability verdict at and either side of each of its thresholds, from hand-made
 * estimates: 99% busy (over capacity whatever the growth), 95% busy (saturated), a growth of
 * 2% of the arrivals per quarter (material) and an interval that rules out 10% (keeps up).
 */
import { describe, expect, it } from 'vitest';
import { saturatedPools, stabilityOf } from '../../src/analysis/stability.js';

const e = (estimate: number, low: number, high: number) => ({ estimate, ci95: [low, high] as [number, number] });
/** 100 use cases arriving per quarter: material growth is above 2 per quarter, ruled out below 10. */
const arrivals = e(100, 90, 110);
const verdictOf = (growth: ReturnType<typeof e>, utilization: Record<string, number> = {}) =>
  stabilityOf('X', growth, arrivals, utilization).verdict;

describe('pools over capacity', () => {
  it('call a pool busy 99% of the time over capacity, even when work in progress does not grow', () => {
    const v = stabilityOf('Hub', e(0, -1, 1), arrivals, { 'hub/ml': 0.99 });
    expect(v.verdict).toBe('does-not-keep-up');
    expect(v.stable).toBe(false);
    expect(v.statement).toBe(
      'Hub does not keep up with demand: hub/ml 99% busy all the time, so the work waiting for it keeps piling up (work in progress changes by 0.0 per quarter (95% CI -1.0 to 1.0)); its time to production depends on how long you run it.',
    );
  });

  it('do not call a pool just under 99% busy over capacity', () => {
    expect(verdictOf(e(0, -1, 1), { 'hub/ml': 0.9899 })).toBe('keeps-up');
  });

  it('speak of "them" when several pools are over capacity, and of the growth without an interval from one replication', () => {
    const v = stabilityOf('Hub', e(3, NaN, NaN), arrivals, { 'a/x': 0.995, 'b/y': 1 });
    expect(v.statement).toBe(
      'Hub does not keep up with demand: b/y 100% busy, a/x 100% busy all the time, so the work waiting for them keeps piling up (work in progress changes by 3.0 per quarter); its time to production depends on how long you run it.',
    );
  });
});

describe('saturated pools', () => {
  it('count a pool exactly 95% busy as saturated and one just under as not', () => {
    expect(saturatedPools({ 'a/x': 0.95, 'b/y': 0.9499 })).toEqual([{ team: 'a', role: 'x', utilization: 0.95 }]);
  });

  it('list the most used first, and split team from role at the last slash', () => {
    expect(saturatedPools({ 'a/x': 0.96, 'finance/sme/expert': 0.98, 'c/z': 0.97 })).toEqual([
      { team: 'finance/sme', role: 'expert', utilization: 0.98 },
      { team: 'c', role: 'z', utilization: 0.97 },
      { team: 'a', role: 'x', utilization: 0.96 },
    ]);
  });

  it('come with the verdict, whatever it is', () => {
    expect(stabilityOf('X', e(0, -1, 1), arrivals, { 'a/x': 0.96, 'b/y': 0.5 }).saturated).toEqual([
      { team: 'a', role: 'x', utilization: 0.96 },
    ]);
  });
});

describe('a clear growth of work in progress', () => {
  it('is a failure to keep up just above 2% of the arrivals per quarter', () => {
    expect(verdictOf(e(2.01, 0.5, 3.5))).toBe('does-not-keep-up');
  });

  it('is a slow transient at exactly 2% of the arrivals per quarter, when the interval rules out 10%', () => {
    expect(verdictOf(e(2, 0.5, 3.5))).toBe('keeps-up');
  });

  it('is not clear when the interval reaches down to zero', () => {
    expect(verdictOf(e(5, 0, 9))).toBe('keeps-up');
    expect(verdictOf(e(5, 0.01, 9))).toBe('does-not-keep-up');
  });

  it('is measured against at least one arrival per quarter when fewer arrive', () => {
    const growth = e(0.015, 0.01, 0.02);
    expect(stabilityOf('X', growth, e(0.5, 0.4, 0.6), {}).verdict).toBe('keeps-up');
    expect(stabilityOf('X', growth, e(0.5, 0.4, 0.6), {}).stable).toBe(true);
    expect(stabilityOf('X', e(0.025, 0.01, 0.04), e(0.5, 0.4, 0.6), {}).verdict).toBe('does-not-keep-up');
  });

  it('names the saturated people, or says none is 95% busy and which is the busiest', () => {
    expect(stabilityOf('Fed', e(4.1, 3.2, 5), arrivals, { 'a/x': 0.5, 'b/y': 0.934, 'c/z': 0.7 }).statement).toBe(
      'Fed does not keep up with demand: work in progress grows by 4.1 per quarter (95% CI 3.2 to 5.0); its time to production depends on how long you run it. No pool of people is 95% busy (the busiest: b/y 93%): look also at gates, planning and handovers.',
    );
    expect(stabilityOf('Fed', e(4.1, 3.2, 5), arrivals, {}).statement).toBe(
      'Fed does not keep up with demand: work in progress grows by 4.1 per quarter (95% CI 3.2 to 5.0); its time to production depends on how long you run it. No pool of people is 95% busy: look also at gates, planning and handovers.',
    );
    expect(stabilityOf('Fed', e(1234.56, 1000, 1500), arrivals, { 'a/x': 0.96 }).statement).toBe(
      'Fed does not keep up with demand: work in progress grows by 1,234.6 per quarter (95% CI 1,000.0 to 1,500.0); its time to production depends on how long you run it. Saturated: a/x 96% busy.',
    );
  });
});

describe('keeping up', () => {
  it('needs the interval to rule out a growth of 10% of the arrivals per quarter', () => {
    expect(verdictOf(e(1, -5, 9.99))).toBe('keeps-up');
    expect(verdictOf(e(1, -5, 10))).toBe('cannot-tell');
  });

  it('is said with the growth and its interval, and the pools near saturation', () => {
    expect(stabilityOf('A', e(0.44, -0.1, 0.96), arrivals, {}).statement).toBe(
      'A keeps up with its demand: work in progress changes by 0.4 per quarter (95% CI -0.1 to 1.0).',
    );
    expect(stabilityOf('A', e(0.4, -0.1, 0.9), arrivals, { 'a/x': 0.951 }).statement).toBe(
      'A keeps up with its demand: work in progress changes by 0.4 per quarter (95% CI -0.1 to 0.9). Near saturation: a/x 95% busy.',
    );
  });
});

describe('cannot tell', () => {
  it('asks for more replications when the interval is too wide, naming the pools near saturation', () => {
    const v = stabilityOf('S', e(1.8, -12.4, 16), arrivals, { 'a/x': 0.96 });
    expect(v.verdict).toBe('cannot-tell');
    expect(v.stable).toBe(false);
    expect(v.statement).toBe(
      'Cannot tell yet whether S keeps up with its demand: work in progress changes by 1.8 per quarter (95% CI -12.4 to 16.0), too uncertain; run more replications (--reps). Near saturation: a/x 96% busy.',
    );
  });

  it('says there is no interval from one replication', () => {
    const v = stabilityOf('S', e(1.8, NaN, NaN), arrivals, {});
    expect(v.verdict).toBe('cannot-tell');
    expect(v.statement).toBe(
      'Cannot tell yet whether S keeps up with its demand: work in progress changes by 1.8 per quarter, with no interval from one replication; run more replications (--reps).',
    );
  });

  it('gives no verdict from half an interval', () => {
    expect(verdictOf(e(5, 1, NaN))).toBe('cannot-tell');
    expect(verdictOf(e(0, NaN, 1))).toBe('cannot-tell');
  });

  it('says the window is too short when there is no growth to read', () => {
    const v = stabilityOf('Short', e(NaN, NaN, NaN), arrivals, { 'a/x': 0.96 });
    expect(v).toEqual({
      verdict: 'cannot-tell',
      stable: false,
      saturated: [{ team: 'a', role: 'x', utilization: 0.96 }],
      statement:
        'Cannot tell whether Short keeps up with its demand: the measured window is too short to see a trend in work in progress (lengthen horizon_days).',
    });
  });
});
