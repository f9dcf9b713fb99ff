import { describe, expect, it } from 'vitest';
import { Environment, Store, type ProcessGenerator } from '../../src/engine/index.js';

describe('Store', () => {
  it('hands items from producers to consumers in FIFO order, consumers waiting while empty', () => {
    const env = new Environment();
    const store = new Store<string>(env);
    const log: string[] = [];
    env.process(
      (function* (): ProcessGenerator {
        for (let i = 0; i < 2; i++) {
          const got = yield store.get();
          log.push(`${got}@${env.now}`);
        }
      })(),
    );
    env.process(
      (function* (): ProcessGenerator {
        yield env.timeout(2);
        yield store.put('x');
        yield env.timeout(1);
        yield store.put('y');
      })(),
    );
    env.run();
    expect(log).toEqual(['x@2', 'y@3']);
  });

  it('makes producers wait while full', () => {
    const env = new Environment();
    const store = new Store<number>(env, { capacity: 1 });
    const log: string[] = [];
    env.process(
      (function* (): ProcessGenerator {
        for (const n of [1, 2]) {
          yield store.put(n);
          log.push(`put ${n}@${env.now}`);
        }
      })(),
    );
    env.process(
      (function* (): ProcessGenerator {
        yield env.timeout(5);
        const n = yield store.get();
        log.push(`got ${n}@${env.now}`);
      })(),
    );
    env.run();
    expect(log).toEqual(['put 1@0', 'got 1@5', 'put 2@5']);
    expect(store.items).toEqual([2]);
  });

  it('takes the first item by its order in a priority store, FIFO among equals', () => {
    const env = new Environment();
    const store = new Store<{ name: string; rank: number }>(env, { order: (a, b) => a.rank - b.rank });
    for (const [name, rank] of [
      ['c', 3],
      ['a1', 1],
      ['b', 2],
      ['a2', 1],
    ] as const)
      store.put({ name, rank });
    expect(store.items.map((i) => i.name)).toEqual(['a1', 'a2', 'b', 'c']);
    const taken: string[] = [];
    env.process(
      (function* (): ProcessGenerator {
        while (store.size > 0) taken.push((yield store.get()).name);
      })(),
    );
    env.run();
    expect(taken).toEqual(['a1', 'a2', 'b', 'c']);
  });

  it('withdraws a waiting get', () => {
    const env = new Environment();
    const store = new Store<number>(env);
    const get = store.get();
    expect(store.waitingGetters).toBe(1);
    expect(store.cancel(get)).toBe(true);
    store.put(1);
    expect(store.size).toBe(1);
  });

  it('rejects an invalid capacity', () => {
    expect(() => new Store(new Environment(), { capacity: 0 })).toThrow(
      'store capacity must be a whole number >= 1 or Infinity, got 0',
    );
  });
});
