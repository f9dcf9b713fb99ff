import { describe, expect, it } from 'vitest';
import { RandomStreams, replicationSeed } from '../../src/random/index.js';

const draw = (rng: () => number, n: number): number[] => Array.from({ length: n }, () => rng());

describe('RandomStreams', () => {
  it('gives a named stream the same numbers whatever other streams exist or their creation order', () => {
    const a = new RandomStreams(7);
    const b = new RandomStreams(7);
    b.stream('handover');
    draw(b.stream('effort'), 100);
    expect(draw(a.stream('arrivals/marketing'), 50)).toEqual(draw(b.stream('arrivals/marketing'), 50));
  });

  it('gives different names and different master seeds different numbers', () => {
    const s = new RandomStreams(7);
    expect(draw(s.stream('a'), 5)).not.toEqual(draw(s.stream('b'), 5));
    expect(draw(new RandomStreams(7).stream('a'), 5)).not.toEqual(draw(new RandomStreams(8).stream('a'), 5));
  });

  it('returns the same stream object for a name, so draws continue the sequence', () => {
    const s = new RandomStreams('x');
    const first = s.stream('effort')();
    const second = s.stream('effort')();
    expect(first).not.toBe(second);
    expect([first, second]).toEqual(draw(new RandomStreams('x').stream('effort'), 2));
    expect(s.names()).toEqual(['effort']);
  });

  it('draws uniforms in [0, 1) with mean 1/2', () => {
    const xs = draw(new RandomStreams(1).stream('u'), 100_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(3.29 * Math.sqrt(1 / 12 / xs.length));
  });

  it('derives distinct, reproducible replication seeds', () => {
    const seeds = Array.from({ length: 1000 }, (_, r) => replicationSeed(42, r));
    expect(new Set(seeds).size).toBe(1000);
    expect(replicationSeed(42, 3)).toBe(seeds[3]);
    expect(replicationSeed(43, 3)).not.toBe(seeds[3]);
  });

  it('rejects a master seed that is not a finite number or a string', () => {
    expect(() => new RandomStreams(NaN)).toThrow('master seed must be a finite number or a string, got NaN');
  });
});
