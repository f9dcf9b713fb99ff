import { mean, sampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { Environment, Tally, TimeWeighted } from '../../src/engine/index.js';

describe('Tally', () => {
  it('matches simple-statistics on count, mean, variance, min and max', () => {
    const xs = [3.2, 7.1, 0.5, 9.9, 4.4, 4.4, 12.0];
    const t = new Tally();
    for (const x of xs) t.add(x);
    expect([t.count, t.min, t.max]).toEqual([7, 0.5, 12]);
    expect(t.mean).toBeCloseTo(mean(xs), 12);
    expect(t.variance).toBeCloseTo(sampleVariance(xs), 12);
  });

  it('forgets everything on reset (end of warm-up)', () => {
    const t = new Tally();
    t.add(100);
    t.reset();
    t.add(1);
    t.add(3);
    expect([t.count, t.mean, t.min, t.max]).toEqual([2, 2, 1, 3]);
    expect(new Tally().mean).toBeNaN();
  });
});

describe('TimeWeighted', () => {
  it('averages a value over the time it was held, and restarts its window on reset', () => {
    const env = new Environment();
    const q = new TimeWeighted(env, 0);
    env.process(
      (function* () {
        yield env.timeout(2);
        q.update(3); // 0 for 2
        yield env.timeout(4);
        q.update(1); // 3 for 4
        yield env.timeout(4); // 1 for 4
      })(),
    );
    env.run();
    expect(q.mean).toBeCloseTo((0 * 2 + 3 * 4 + 1 * 4) / 10, 12);
    expect([q.min, q.max, q.value]).toEqual([0, 3, 1]);
    q.reset();
    env.run(15);
    expect(q.mean).toBe(1);
    expect(q.duration).toBe(5);
  });
});
