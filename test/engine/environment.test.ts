import { describe, expect, it } from 'vitest';
import { Environment, EventLimitError, type ProcessGenerator } from '../../src/engine/index.js';

function ticker(env: Environment, log: number[]): ProcessGenerator {
  return (function* () {
    for (;;) {
      log.push(env.now);
      yield env.timeout(1);
    }
  })();
}

describe('Environment.run', () => {
  it('runs until a time: events due at that time are left, and the clock is set to it', () => {
    const env = new Environment();
    const log: number[] = [];
    env.process(ticker(env, log));
    env.run(3);
    expect(log).toEqual([0, 1, 2]);
    expect(env.now).toBe(3);
    env.run({ until: 5.5 });
    expect(log).toEqual([0, 1, 2, 3, 4, 5]);
    expect(env.now).toBe(5.5);
  });

  it('runs until an event has been processed', () => {
    const env = new Environment();
    const log: number[] = [];
    env.process(ticker(env, log));
    const milestone = env.timeout(2.5);
    env.run({ until: milestone });
    expect(env.now).toBe(2.5);
    expect(log).toEqual([0, 1, 2]);
  });

  it('runs until a condition holds', () => {
    const env = new Environment();
    const log: number[] = [];
    env.process(ticker(env, log));
    env.run({ stopWhen: () => log.length >= 4 });
    expect(log).toEqual([0, 1, 2, 3]);
    expect(env.now).toBe(3);
  });

  it('stops a runaway model at its event bound with a clear error', () => {
    const env = new Environment();
    env.process(
      (function* (): ProcessGenerator {
        for (;;) yield env.timeout(0);
      })(),
    );
    expect(() => env.run({ until: 10, maxEvents: 1000 })).toThrow(EventLimitError);
    expect(() => env.run({ maxEvents: 10 })).toThrow(/maxEvents bound/);
  });

  it('runs until no events remain and counts them', () => {
    const env = new Environment();
    env.process(
      (function* (): ProcessGenerator {
        yield env.timeout(1);
        yield env.timeout(2);
      })(),
    );
    expect(env.run()).toBe(2);
    expect(env.now).toBe(3);
    expect(env.peek()).toBe(Infinity);
  });

  it('steps one event at a time', () => {
    const env = new Environment();
    env.timeout(4);
    expect(env.peek()).toBe(4);
    expect(env.step()).toBe(true);
    expect(env.now).toBe(4);
    expect(env.step()).toBe(false);
  });

  it('rejects a time in the past and a negative delay', () => {
    const env = new Environment(10);
    expect(() => env.run(5)).toThrow('until must be a time >= now (10), got 5');
    expect(() => env.timeout(-1)).toThrow('timeout delay must be a finite number >= 0, got -1');
    expect(() => env.timeout(NaN)).toThrow('got NaN');
  });
});
