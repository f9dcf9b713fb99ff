import { describe, expect, it } from 'vitest';
import {
  Environment,
  type Interrupt,
  Preempted,
  Resource,
  type Process,
  type ProcessGenerator,
  type Request,
} from '../../src/engine/index.js';

function user(
  env: Environment,
  res: Resource,
  name: string,
  arrive: number,
  hold: number,
  log: string[],
  priority = 0,
): ProcessGenerator {
  return (function* () {
    yield env.timeout(arrive);
    const req = res.request({ priority });
    yield req;
    log.push(`${name}+${env.now}`);
    yield env.timeout(hold);
    // logged before the release, which hands the unit to the next waiting process at once
    log.push(`${name}-${env.now}`);
    res.release(req);
  })();
}

describe('Resource', () => {
  it('serves requests first come, first served with a FIFO discipline', () => {
    const env = new Environment();
    const res = new Resource(env, { capacity: 1 });
    const log: string[] = [];
    env.process(user(env, res, 'a', 0, 3, log));
    env.process(user(env, res, 'b', 1, 1, log, 5));
    env.process(user(env, res, 'c', 2, 1, log, -5)); // priorities are ignored by FIFO
    env.run();
    expect(log).toEqual(['a+0', 'a-3', 'b+3', 'b-4', 'c+4', 'c-5']);
  });

  it('serves the lowest priority number first with the priority discipline, FIFO among equals', () => {
    const env = new Environment();
    const res = new Resource(env, { capacity: 1, discipline: 'priority' });
    const log: string[] = [];
    env.process(user(env, res, 'a', 0, 3, log, 1));
    env.process(user(env, res, 'low', 1, 1, log, 2));
    env.process(user(env, res, 'high1', 2, 1, log, 0));
    env.process(user(env, res, 'high2', 2, 1, log, 0));
    env.run();
    expect(log).toEqual(['a+0', 'a-3', 'high1+3', 'high1-4', 'high2+4', 'high2-5', 'low+5', 'low-6']);
  });

  it('serves several users at once up to its capacity', () => {
    const env = new Environment();
    const res = new Resource(env, { capacity: 2 });
    const log: string[] = [];
    for (const [i, name] of ['a', 'b', 'c'].entries()) env.process(user(env, res, name, 0, 2 + i, log));
    env.run();
    expect(log).toEqual(['a+0', 'b+0', 'a-2', 'c+2', 'b-3', 'c-6']);
  });

  it('lets an urgent request preempt a less urgent user, who gets an Interrupt with a Preempted cause', () => {
    const env = new Environment();
    const res = new Resource(env, { capacity: 1, preemptive: true });
    const log: string[] = [];
    env.process(
      (function* (): ProcessGenerator {
        const req = res.request({ priority: 5 });
        yield req;
        try {
          yield env.timeout(10);
          res.release(req);
        } catch (e) {
          const cause = (e as Interrupt).cause as Preempted;
          log.push(`preempted at ${env.now}, held since ${cause.usageSince}`);
          res.release(req); // releasing a preempted request is harmless
        }
      })(),
    );
    env.process(user(env, res, 'incident', 3, 2, log, 0));
    env.run();
    // the incident's request is granted on the spot; the interrupt reaches the user at the same time, just after
    expect(log).toEqual(['incident+3', 'preempted at 3, held since 0', 'incident-5']);
  });

  it('preempts a user holding for a plain delay, whose abandoned wake-up then does not resume it', () => {
    const env = new Environment();
    const res = new Resource(env, { capacity: 1, preemptive: true });
    const log: string[] = [];
    env.process(
      (function* (): ProcessGenerator {
        let req = res.request({ priority: 5 });
        yield req;
        try {
          yield 10;
          log.push('finished uninterrupted');
        } catch (e) {
          log.push(`preempted at ${env.now}: ${(e as Interrupt).cause instanceof Preempted}`);
          req = res.request({ priority: 5 }); // ask again, and do the whole job
          yield req;
          yield 10;
          log.push(`redone at ${env.now}`);
        }
        res.release(req);
      })(),
    );
    env.process(user(env, res, 'incident', 3, 2, log, 0));
    env.run();
    expect(log).toEqual(['incident+3', 'preempted at 3: true', 'incident-5', 'redone at 15']);
  });

  it('names the preempting process, and reaches a holder that waited for its request inside anyOf', () => {
    const env = new Environment();
    const res = new Resource(env, { capacity: 1, preemptive: true });
    const log: string[] = [];
    const processes: { urgent?: Process } = {};
    env.process(
      (function* (): ProcessGenerator {
        const req = res.request({ priority: 5 });
        // a reneging wait: the request or a patience deadline, whichever comes first
        yield env.anyOf([req, env.timeout(100)]);
        try {
          yield env.timeout(10);
        } catch (e) {
          const cause = (e as Interrupt).cause as Preempted;
          log.push(`preempted at ${env.now} by ${cause.by === processes.urgent ? 'urgent' : String(cause.by)}`);
        }
        res.release(req);
      })(),
    );
    processes.urgent = env.process(user(env, res, 'urgent', 2, 1, log, 0));
    env.run();
    expect(log).toEqual(['urgent+2', 'preempted at 2 by urgent', 'urgent-3']);
  });

  it('does not interrupt a process that preempts its own less urgent unit', () => {
    const env = new Environment();
    const res = new Resource(env, { capacity: 1, preemptive: true });
    const log: string[] = [];
    env.process(
      (function* (): ProcessGenerator {
        const routine = res.request({ priority: 5 });
        yield routine;
        const urgent = res.request({ priority: 0 }); // takes the unit from its own routine request
        yield urgent;
        log.push(`urgent+${env.now}, routine holding: ${routine.isHolding}`);
        yield env.timeout(1);
        res.release(urgent);
        res.release(routine); // preempted: releasing it does nothing
        log.push(`done ${env.now}, in use ${res.inUse}`);
      })(),
    );
    env.run();
    expect(log).toEqual(['urgent+0, routine holding: false', 'done 1, in use 0']);
  });

  it('does not preempt a user of equal or more urgent priority', () => {
    const env = new Environment();
    const res = new Resource(env, { capacity: 1, preemptive: true });
    const log: string[] = [];
    env.process(user(env, res, 'a', 0, 4, log, 0));
    env.process(user(env, res, 'b', 1, 1, log, 0));
    env.run();
    expect(log).toEqual(['a+0', 'a-4', 'b+4', 'b-5']);
  });

  it('grants waiting requests when capacity grows and stops granting when it shrinks', () => {
    const env = new Environment();
    const res = new Resource(env, { capacity: 1 });
    const log: string[] = [];
    for (const name of ['a', 'b', 'c']) env.process(user(env, res, name, 0, 4, log));
    env.process(
      (function* (): ProcessGenerator {
        yield env.timeout(1);
        res.setCapacity(2);
        yield env.timeout(1);
        res.setCapacity(0);
      })(),
    );
    env.run({ until: 20 });
    // b is hired in at 1; at 2 capacity drops to 0: a and b finish, c never starts
    expect(log).toEqual(['a+0', 'b+1', 'a-4', 'b-5']);
    expect(res.queueLength).toBe(1);
    expect(res.inUse).toBe(0);
  });

  it('withdraws a waiting request on release and refuses a double release', () => {
    const env = new Environment();
    const res = new Resource(env, { capacity: 1 });
    const holder = res.request();
    const waiting = res.request();
    expect(res.queueLength).toBe(1);
    res.release(waiting);
    expect(res.queueLength).toBe(0);
    res.release(holder);
    expect(() => res.release(holder)).toThrow('released twice');
  });

  it('refuses a request of another resource, holding or waiting, and leaves both resources as they were', () => {
    const env = new Environment();
    const pumps = new Resource(env, { capacity: 1, name: 'pumps' });
    const bays = new Resource(env, { capacity: 1, name: 'bays' });
    const holding = pumps.request();
    const waiting = pumps.request();
    expect(() => bays.release(holding)).toThrow('that request belongs to pumps, not bays');
    expect(() => bays.release(waiting)).toThrow('that request belongs to pumps, not bays');
    expect([pumps.inUse, pumps.queueLength, bays.inUse, holding.isHolding]).toEqual([1, 1, 0, true]);
  });

  it('grants a free unit on the spot: the request is already processed', () => {
    const env = new Environment();
    const res = new Resource(env, { capacity: 1 });
    const first: Request = res.request();
    const second: Request = res.request();
    expect([first.processed, first.isHolding, second.processed]).toEqual([true, true, false]);
  });

  it('keeps time-weighted statistics of use and queue when monitored', () => {
    const env = new Environment();
    const res = new Resource(env, { capacity: 1, monitor: true });
    const log: string[] = [];
    env.process(user(env, res, 'a', 0, 4, log));
    env.process(user(env, res, 'b', 0, 4, log));
    env.run({ until: 10 });
    expect(res.busyMonitor!.mean).toBeCloseTo(8 / 10, 12);
    expect(res.queueMonitor!.mean).toBeCloseTo(4 / 10, 12);
  });

  it('rejects an invalid capacity or discipline, naming the value', () => {
    const env = new Environment();
    expect(() => new Resource(env, { capacity: -1 })).toThrow('capacity must be a whole number >= 0, got -1');
    expect(() => new Resource(env, { capacity: 1.5 })).toThrow('got 1.5');
    expect(() => new Resource(env, { discipline: 'lifo' as never })).toThrow('invalid discipline: lifo');
  });
});

describe('Resource: handing a released unit to the next waiting process', () => {
  it('resumes the waiting process inside release(), at the same time, without a calendar event', () => {
    const env = new Environment();
    const res = new Resource(env, { capacity: 1 });
    const log: string[] = [];
    env.process(
      (function* (): ProcessGenerator {
        const req = res.request();
        yield req;
        yield 2;
        log.push('a releases');
        res.release(req);
        log.push(`a goes on, b holding: ${res.inUse === 1 && res.queueLength === 0}`);
      })(),
    );
    env.process(
      (function* (): ProcessGenerator {
        const req = res.request();
        yield req;
        log.push(`b starts at ${env.now}`);
        yield 1;
        res.release(req);
      })(),
    );
    env.run();
    expect(log).toEqual(['a releases', 'b starts at 2', 'a goes on, b holding: true']);
    // a's wake-up at 2 and b's at 3: the grant to b took no event of its own
    expect(env.eventCount).toBe(2);
  });

  it('leaves a wait inside anyOf, or a callback, to the calendar: the releaser goes on first', () => {
    const env = new Environment();
    const res = new Resource(env, { capacity: 1 });
    const log: string[] = [];
    const holder = res.request();
    const waiting = res.request();
    env.process(
      (function* (): ProcessGenerator {
        yield env.anyOf([waiting, env.timeout(100)]);
        log.push(`granted at ${env.now}`);
      })(),
    );
    env.process(
      (function* (): ProcessGenerator {
        yield 1;
        res.release(holder);
        log.push('released');
      })(),
    );
    env.run();
    expect(log).toEqual(['released', 'granted at 1']);
  });

  it('serves a long chain of zero-time users without deep recursion, in FIFO order', () => {
    const env = new Environment();
    const res = new Resource(env, { capacity: 1 });
    const served: number[] = [];
    const users = 50_000;
    const first = res.request(); // held until time 1, while all users queue
    env.process(
      (function* (): ProcessGenerator {
        yield 1;
        res.release(first);
      })(),
    );
    for (let i = 0; i < users; i++) {
      env.process(
        (function* (): ProcessGenerator {
          const req = res.request();
          yield req;
          served.push(i);
          res.release(req); // hands the unit on at once: a chain as deep as the queue, unless bounded
        })(),
      );
    }
    env.run();
    expect(served).toEqual(Array.from({ length: users }, (_, i) => i));
    expect([res.inUse, res.queueLength]).toEqual([0, 0]);
  });

  it('stops the run with the error of a handed-over process that fails, without failing the releaser', () => {
    const env = new Environment();
    const res = new Resource(env, { capacity: 1 });
    const log: string[] = [];
    const releaser = env.process(
      (function* (): ProcessGenerator {
        const req = res.request();
        yield req;
        yield 1;
        res.release(req);
        log.push('releaser went on');
        yield 1;
        log.push('releaser finished');
      })(),
    );
    env.process(
      (function* (): ProcessGenerator {
        yield res.request();
        throw new Error('broken model step');
      })(),
    );
    expect(() => env.run()).toThrow('broken model step');
    expect(log).toEqual(['releaser went on']);
    expect([releaser.isAlive, env.now]).toEqual([true, 1]);
  });

  it('preempts a holder whose step handed a unit to the preempting process, once the holder has yielded', () => {
    const env = new Environment();
    const desks = new Resource(env, { capacity: 1 });
    const experts = new Resource(env, { capacity: 1, preemptive: true });
    const log: string[] = [];
    env.process(
      (function* (): ProcessGenerator {
        const expert = experts.request({ priority: 5 });
        yield expert;
        const desk = desks.request();
        yield desk;
        yield 1;
        desks.release(desk); // the waiting process starts here, and takes the expert
        log.push(`routine goes on, expert holding: ${expert.isHolding}`);
        try {
          yield 10;
          log.push('routine finished');
        } catch (e) {
          log.push(`routine preempted at ${env.now}: ${(e as Interrupt).cause instanceof Preempted}`);
        }
      })(),
    );
    env.process(
      (function* (): ProcessGenerator {
        const desk = desks.request();
        yield desk;
        const expert = experts.request({ priority: 0 });
        yield expert;
        log.push(`urgent has the expert at ${env.now}`);
        yield 2;
        experts.release(expert);
        desks.release(desk);
      })(),
    );
    env.run();
    expect(log).toEqual([
      'urgent has the expert at 1',
      'routine goes on, expert holding: false',
      'routine preempted at 1: true',
    ]);
  });
});
