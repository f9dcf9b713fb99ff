import { describe, expect, it } from 'vitest';
import {
  Environment,
  EventAlreadyTriggeredError,
  type Interrupt,
  type ProcessGenerator,
} from '../../src/engine/index.js';

describe('Process', () => {
  it('holds for timeouts and logs (name, time) pairs in order', () => {
    const env = new Environment();
    const log: [string, number][] = [];
    function* clock(name: string, tick: number): ProcessGenerator {
      for (let i = 0; i < 3; i++) {
        log.push([name, env.now]);
        yield env.timeout(tick);
      }
    }
    env.process(clock('fast', 1));
    env.process(clock('slow', 2));
    env.run();
    // at t=2 'slow' goes first: its timeout was scheduled at t=0, fast's at t=1 (insertion order)
    expect(log).toEqual([
      ['fast', 0],
      ['slow', 0],
      ['fast', 1],
      ['slow', 2],
      ['fast', 2],
      ['slow', 4],
    ]);
    expect(env.now).toBe(6);
  });

  it('runs a new process at once until its first yield, then its creator goes on', () => {
    const env = new Environment();
    const log: string[] = [];
    env.process(
      (function* (): ProcessGenerator {
        log.push('parent before');
        env.process(
          (function* (): ProcessGenerator {
            log.push('child starts');
            yield env.timeout(1);
            log.push('child ends');
          })(),
        );
        log.push('parent after');
        yield env.timeout(2);
      })(),
    );
    env.run();
    expect(log).toEqual(['parent before', 'child starts', 'parent after', 'child ends']);
  });

  it('lets a process wait for another and receive its return value', () => {
    const env = new Environment();
    const worker = env.process(
      (function* (): ProcessGenerator<string> {
        yield env.timeout(3);
        return 'report';
      })(),
    );
    let got: [string, number] | null = null;
    env.process(
      (function* (): ProcessGenerator {
        const v: string = yield worker;
        got = [v, env.now];
      })(),
    );
    env.run();
    expect(got).toEqual(['report', 3]);
  });

  it('continues at once when yielding an event that has already been processed', () => {
    const env = new Environment();
    const done = env.timeout(1, 'x');
    const times: number[] = [];
    env.process(
      (function* (): ProcessGenerator {
        yield env.timeout(5);
        const v = yield done;
        times.push(env.now);
        expect(v).toBe('x');
      })(),
    );
    env.run();
    expect(times).toEqual([5]);
  });

  it('throws a failed event into the waiting process, which can catch it', () => {
    const env = new Environment();
    const ev = env.event<number>();
    let caught = '';
    env.process(
      (function* (): ProcessGenerator {
        try {
          yield ev;
        } catch (e) {
          caught = (e as Error).message;
        }
      })(),
    );
    env.process(
      (function* (): ProcessGenerator {
        yield env.timeout(1);
        ev.fail(new Error('data access denied'));
      })(),
    );
    env.run();
    expect(caught).toBe('data access denied');
  });

  it('stops the run with the error of a process that fails with nobody waiting for it', () => {
    const env = new Environment();
    env.process(
      (function* (): ProcessGenerator {
        yield env.timeout(1);
        throw new Error('model bug');
      })(),
    );
    expect(() => env.run()).toThrow('model bug');
  });

  it('hands a process failure to the process waiting for it', () => {
    const env = new Environment();
    const child = env.process(
      (function* (): ProcessGenerator {
        yield env.timeout(1);
        throw new Error('child failed');
      })(),
    );
    let seen = '';
    env.process(
      (function* (): ProcessGenerator {
        try {
          yield child;
        } catch (e) {
          seen = (e as Error).message;
        }
      })(),
    );
    env.run();
    expect(seen).toBe('child failed');
  });

  it('rejects a yield of something that is not an event or a delay, naming what it got', () => {
    const env = new Environment();
    // the process starts at once, so the mistake surfaces from env.process() itself
    expect(() =>
      env.process(
        (function* (): Generator<unknown, void, unknown> {
          yield undefined;
        })() as ProcessGenerator,
      ),
    ).toThrow('must yield events or delays, got undefined (a bare yield)');
    env.process(
      (function* (): Generator<unknown, void, unknown> {
        yield env.timeout(1);
        yield 'soon';
      })() as ProcessGenerator,
    );
    expect(() => env.run()).toThrow('must yield events or delays, got string');
  });

  it('interrupts a waiting process with a cause, taking it off the event it waited for', () => {
    const env = new Environment();
    const log: [string, number][] = [];
    const sleeper = env.process(
      (function* (): ProcessGenerator {
        try {
          yield env.timeout(10);
          log.push(['woke normally', env.now]);
        } catch (e) {
          log.push([`interrupted: ${(e as Interrupt).cause}`, env.now]);
          yield env.timeout(1);
          log.push(['resumed', env.now]);
        }
      })(),
    );
    env.process(
      (function* (): ProcessGenerator {
        yield env.timeout(4);
        sleeper.interrupt('urgent incident');
      })(),
    );
    env.run();
    expect(log).toEqual([
      ['interrupted: urgent incident', 4],
      ['resumed', 5],
    ]);
  });

  it('says which event a process waits for, on the calendar or not, and takes it off either on interrupt', () => {
    const env = new Environment();
    const gate = env.event<string>();
    const log: string[] = [];
    let holdFor: ReturnType<typeof env.timeout> | null = null;
    const sleeper = env.process(
      (function* (): ProcessGenerator {
        holdFor = env.timeout(10);
        try {
          yield holdFor;
        } catch {
          log.push(`interrupted at ${env.now} while holding`);
        }
        try {
          yield gate;
        } catch {
          log.push(`interrupted at ${env.now} at the gate`);
        }
        yield env.timeout(1);
        log.push(`done at ${env.now}`);
      })(),
    );
    expect(sleeper.target).toBe(holdFor);
    env.process(
      (function* (): ProcessGenerator {
        yield env.timeout(2);
        sleeper.interrupt();
        yield env.timeout(1);
        expect(sleeper.target).toBe(gate);
        sleeper.interrupt();
        gate.succeed('open'); // nobody waits for it any more
      })(),
    );
    env.run();
    expect(log).toEqual(['interrupted at 2 while holding', 'interrupted at 3 at the gate', 'done at 4']);
    expect(sleeper.target).toBeNull();
  });

  it('refuses to interrupt a finished process or itself', () => {
    const env = new Environment();
    const p = env.process(
      (function* (): ProcessGenerator {
        yield env.timeout(1);
      })(),
    );
    env.run();
    expect(() => p.interrupt()).toThrow('cannot interrupt a process that has finished');
    const self: { p?: ReturnType<typeof env.process> } = {};
    self.p = env.process(
      (function* (): ProcessGenerator {
        yield env.timeout(1);
        self.p!.interrupt();
      })(),
    );
    expect(() => env.run()).toThrow('a process cannot interrupt itself');
    expect(self.p!.isRunning).toBe(false);
  });

  it('refuses to trigger an event twice', () => {
    const env = new Environment();
    const ev = env.event();
    ev.succeed(1);
    expect(() => ev.succeed(2)).toThrow(EventAlreadyTriggeredError);
    expect(() => ev.fail(new Error('x'))).toThrow(EventAlreadyTriggeredError);
  });

  it('moves events from pending to triggered to processed', () => {
    const env = new Environment();
    const ev = env.event<string>();
    expect(ev.state).toBe('pending');
    expect(() => ev.value).toThrow('pending');
    ev.succeed('ok');
    expect(ev.state).toBe('triggered');
    env.run();
    expect(ev.state).toBe('processed');
    expect(ev.value).toBe('ok');
  });

  it('explains a call with a generator function instead of a generator', () => {
    const env = new Environment();
    expect(() => env.process(function* () {} as unknown as ProcessGenerator)).toThrow(
      'env.process() needs a generator',
    );
    expect(() => env.process({ not: 'a generator' } as unknown as ProcessGenerator)).toThrow(
      'env.process() needs a generator',
    );
    expect(() => env.process(null as unknown as ProcessGenerator)).toThrow('env.process() needs a generator');
  });
});

describe('allOf and anyOf', () => {
  it('allOf waits for every event and gives their values', () => {
    const env = new Environment();
    const a = env.timeout(2, 'a');
    const b = env.timeout(5, 'b');
    let result: unknown[] = [];
    let at = -1;
    env.process(
      (function* (): ProcessGenerator {
        const v = yield env.allOf([a, b]);
        result = v.values();
        at = env.now;
      })(),
    );
    env.run();
    expect([result, at]).toEqual([['a', 'b'], 5]);
  });

  it('anyOf resumes at the first event and says which one happened', () => {
    const env = new Environment();
    const approval = env.timeout(7, 'approved');
    const deadline = env.timeout(3, 'deadline');
    let first: unknown;
    let at = -1;
    env.process(
      (function* (): ProcessGenerator {
        const v = yield env.anyOf([approval, deadline]);
        first = v.has(deadline) ? v.get(deadline) : v.get(approval);
        at = env.now;
      })(),
    );
    env.run();
    expect([first, at]).toEqual(['deadline', 3]);
  });

  it('fails as soon as one of its events fails', () => {
    const env = new Environment();
    const bad = env.event();
    let caught = '';
    env.process(
      (function* (): ProcessGenerator {
        try {
          yield env.allOf([env.timeout(5), bad]);
        } catch (e) {
          caught = `${(e as Error).message}@${env.now}`;
        }
      })(),
    );
    env.process(
      (function* (): ProcessGenerator {
        yield env.timeout(1);
        bad.fail(new Error('gate rejected'));
      })(),
    );
    env.run();
    expect(caught).toBe('gate rejected@1');
  });

  it('succeeds at once on an empty list', () => {
    const env = new Environment();
    let at = -1;
    env.process(
      (function* (): ProcessGenerator {
        yield env.timeout(2);
        yield env.allOf([]);
        at = env.now;
      })(),
    );
    env.run();
    expect(at).toBe(2);
  });
});

describe('holding for a plain delay (yield d)', () => {
  it('holds like a timeout and wakes in the same order of events', () => {
    // the same clocks as above, holding with `yield tick` in one run and with
    // `yield env.timeout(tick)` in the other: the logs match entry for entry
    const logs = [true, false].map((plain) => {
      const env = new Environment();
      const log: [string, number][] = [];
      function* clock(name: string, tick: number): ProcessGenerator {
        for (let i = 0; i < 3; i++) {
          log.push([name, env.now]);
          yield plain ? tick : env.timeout(tick);
        }
      }
      env.process(clock('fast', 1));
      env.process(clock('slow', 2));
      env.process(clock('now', 0));
      env.run();
      return { log, now: env.now, events: env.eventCount };
    });
    expect(logs[0]).toEqual(logs[1]);
    expect(logs[0].log.slice(0, 4)).toEqual([
      ['fast', 0],
      ['slow', 0],
      ['now', 0],
      ['now', 0],
    ]);
    expect(logs[0].now).toBe(6);
  });

  it('resumes with undefined, and is neither running nor waiting for an event while it holds', () => {
    const env = new Environment();
    let received: unknown = 'unset';
    const holder = env.process(
      (function* (): ProcessGenerator {
        received = yield 2.5;
      })(),
    );
    expect(holder.isAlive).toBe(true);
    expect(holder.isRunning).toBe(false);
    expect(holder.target).toBeNull();
    expect(env.peek()).toBe(2.5);
    env.run();
    expect(received).toBeUndefined();
    expect(env.now).toBe(2.5);
    expect(holder.processed).toBe(true);
  });

  it('throws a delay that is not a finite number >= 0 into the process, naming it', () => {
    for (const bad of [-1, NaN, Infinity]) {
      const env = new Environment();
      let message = '';
      env.process(
        (function* (): ProcessGenerator {
          try {
            yield bad;
          } catch (e) {
            message = (e as Error).message;
          }
        })(),
      );
      env.run();
      expect(message).toBe(`a process yielded the delay ${bad}: a delay must be a finite number >= 0`);
    }
  });

  it('stops at run(until) between wake-ups, and goes on from there', () => {
    const env = new Environment();
    const log: number[] = [];
    env.process(
      (function* (): ProcessGenerator {
        for (;;) {
          yield 3;
          log.push(env.now);
        }
      })(),
    );
    env.run(10);
    expect(log).toEqual([3, 6, 9]);
    expect(env.now).toBe(10);
    env.run(13);
    expect(log).toEqual([3, 6, 9, 12]);
  });

  it('is cut short by an interrupt, and the abandoned wake-up does not resume the process later', () => {
    const env = new Environment();
    const log: [string, number][] = [];
    const sleeper = env.process(
      (function* (): ProcessGenerator {
        try {
          yield 10;
          log.push(['woke normally', env.now]);
        } catch (e) {
          log.push([`interrupted: ${(e as Interrupt).cause}`, env.now]);
        }
        // hold again past the abandoned wake-up at t=10, then once more
        yield 8;
        log.push(['second hold over', env.now]);
        yield 1;
        log.push(['third hold over', env.now]);
      })(),
    );
    env.process(
      (function* (): ProcessGenerator {
        yield 4;
        sleeper.interrupt('urgent work');
      })(),
    );
    env.run();
    expect(log).toEqual([
      ['interrupted: urgent work', 4],
      ['second hold over', 12],
      ['third hold over', 13],
    ]);
    // the abandoned wake-up still passes as an event nobody waits for, as an abandoned timeout would
    expect(env.now).toBe(13);
  });

  it('is interrupted while holding for zero time, before the wake-up due at the same time', () => {
    const env = new Environment();
    const log: string[] = [];
    let sleeper: ReturnType<Environment['process']> | null = null;
    env.process(
      (function* (): ProcessGenerator {
        yield 1;
        sleeper = env.process(
          (function* (): ProcessGenerator {
            try {
              yield 0;
              log.push('woke');
            } catch {
              log.push(`interrupted at ${env.now}`);
            }
            yield 0;
            log.push(`held again until ${env.now}`);
          })(),
        );
        sleeper.interrupt();
      })(),
    );
    env.run();
    expect(log).toEqual(['interrupted at 1', 'held again until 1']);
  });
});
