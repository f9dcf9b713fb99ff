/**
 * The skill resource: units that hold skills, requests that ask for one. With one skill per
 * unit it must behave exactly as a priority Resource; across skills a free unit takes the most
 * urgent request it can serve; units can be away, retired and added; and two people who each
 * hold both skills of two Poisson streams are one M/M/2 queue (Erlang C).
 */
import { describe, expect, it } from 'vitest';
import {
  Environment,
  InvalidArgumentError,
  Resource,
  SimulationError,
  SkillResource,
  type ProcessGenerator,
} from '../../src/engine/index.js';
import { RandomStreams, exponential } from '../../src/random/index.js';
import { mmc } from '../../src/statistics/queueing-theory.js';
import { covers, describeCoverage, replicate } from '../support/coverage.js';

/** A process that asks for `skill` at `arrive`, holds for `hold` and logs `name+start` and `name-end`. */
function user(
  env: Environment,
  res: SkillResource,
  name: string,
  spec: { arrive: number; hold: number; skill: number; priority?: number; preferred?: number },
  log: string[],
): ProcessGenerator {
  return (function* () {
    if (spec.arrive > 0) yield spec.arrive;
    const req = res.request(spec.skill, spec.priority ?? 0, spec.preferred ?? -1);
    yield req;
    log.push(`${name}@${req.unit}+${env.now}`);
    yield spec.hold;
    log.push(`${name}-${env.now}`);
    res.release(req);
  })();
}

describe('SkillResource with one skill per unit', () => {
  it('gives the same grants, at the same times, as a priority Resource under a random load', () => {
    const trace = (kind: 'skill' | 'resource'): string[] => {
      const env = new Environment();
      const rng = new RandomStreams(5).stream('load');
      const skill = new SkillResource(env, { skills: 1 });
      for (let u = 0; u < 3; u++) skill.addUnit([0]);
      const plain = new Resource(env, { capacity: 3, discipline: 'priority' });
      const log: string[] = [];
      for (let i = 0; i < 300; i++) {
        const arrive = Math.floor(rng() * 200);
        const hold = 1 + Math.floor(rng() * 6);
        const priority = Math.floor(rng() * 3);
        env.process(
          (function* (): ProcessGenerator {
            yield arrive;
            if (kind === 'skill') {
              const req = skill.request(0, priority);
              yield req;
              log.push(`${i}+${env.now}`);
              yield hold;
              skill.release(req);
            } else {
              const req = plain.request({ priority });
              yield req;
              log.push(`${i}+${env.now}`);
              yield hold;
              plain.release(req);
            }
          })(),
        );
      }
      env.run();
      return log;
    };
    const a = trace('skill');
    expect(a.length).toBe(300);
    expect(a).toEqual(trace('resource'));
  });

  it('serves the lowest priority number first, first come first served among equals', () => {
    const env = new Environment();
    const res = new SkillResource(env, { skills: 1 });
    res.addUnit([0]);
    const log: string[] = [];
    env.process(user(env, res, 'a', { arrive: 0, hold: 3, skill: 0, priority: 1 }, log));
    env.process(user(env, res, 'low', { arrive: 1, hold: 1, skill: 0, priority: 2 }, log));
    env.process(user(env, res, 'high1', { arrive: 2, hold: 1, skill: 0, priority: 0 }, log));
    env.process(user(env, res, 'high2', { arrive: 2, hold: 1, skill: 0, priority: 0 }, log));
    env.run();
    expect(log).toEqual(['a@0+0', 'a-3', 'high1@0+3', 'high1-4', 'high2@0+4', 'high2-5', 'low@0+5', 'low-6']);
  });
});

describe('SkillResource across skills', () => {
  it('a unit that comes free takes the earliest waiting request among its skills', () => {
    const env = new Environment();
    const res = new SkillResource(env, { skills: 2 });
    res.addUnit([0, 1]);
    const log: string[] = [];
    env.process(user(env, res, 'first', { arrive: 0, hold: 5, skill: 0 }, log));
    env.process(user(env, res, 'b', { arrive: 1, hold: 1, skill: 1 }, log));
    env.process(user(env, res, 'a', { arrive: 2, hold: 1, skill: 0 }, log));
    env.run();
    expect(log).toEqual(['first@0+0', 'first-5', 'b@0+5', 'b-6', 'a@0+6', 'a-7']);
  });

  it('a more urgent request for another skill goes first', () => {
    const env = new Environment();
    const res = new SkillResource(env, { skills: 2 });
    res.addUnit([0, 1]);
    const log: string[] = [];
    env.process(user(env, res, 'first', { arrive: 0, hold: 5, skill: 0 }, log));
    env.process(user(env, res, 'b', { arrive: 1, hold: 1, skill: 1, priority: 1 }, log));
    env.process(user(env, res, 'a', { arrive: 2, hold: 1, skill: 0, priority: 0 }, log));
    env.run();
    expect(log).toEqual(['first@0+0', 'first-5', 'a@0+5', 'a-6', 'b@0+6', 'b-7']);
  });

  it('grants the preferred unit when it can serve, else the free unit with the fewest skills', () => {
    const env = new Environment();
    const res = new SkillResource(env, { skills: 2 });
    res.addUnit([0, 1]);
    const specialist = res.addUnit([0]);
    expect(res.request(0).unit).toBe(specialist);
    const env2 = new Environment();
    const res2 = new SkillResource(env2, { skills: 2 });
    const v2 = res2.addUnit([0, 1]);
    res2.addUnit([0]);
    expect(res2.request(0, 0, v2).unit).toBe(v2);
  });

  it('a request for a skill no free unit holds waits, though other units are free', () => {
    const env = new Environment();
    const res = new SkillResource(env, { skills: 2 });
    res.addUnit([0]);
    const req = res.request(1);
    expect(req.isHolding).toBe(false);
    expect(res.queueLength(1)).toBe(1);
    res.addUnit([1]);
    expect(req.isHolding).toBe(true);
    expect(req.unit).toBe(1);
  });

  it('takes skills added during the run, with their own queue and statistics', () => {
    const env = new Environment();
    const res = new SkillResource(env, { skills: 0, monitor: true });
    const skill = res.addSkill();
    expect([skill, res.skillCount]).toEqual([0, 1]);
    const waiting = res.request(skill);
    expect(res.queueLength(skill)).toBe(1);
    res.addUnit([skill, res.addSkill()]);
    expect(waiting.unit).toBe(0);
    expect(res.busyOn(skill)).toBe(1);
  });

  it('counts units unavailable for a skill: busy on any skill, or away', () => {
    const env = new Environment();
    const res = new SkillResource(env, { skills: 2 });
    const shared = res.addUnit([0, 1]);
    res.addUnit([1]);
    expect(res.unavailableCount(1)).toBe(0);
    res.request(0); // goes to the shared unit, the only one with skill 0
    expect(res.unavailableCount(1)).toBe(1);
    expect(res.busyOn(0)).toBe(1);
    expect(res.busyOn(1)).toBe(0);
    res.setAvailable(1, false);
    expect(res.unavailableCount(1)).toBe(2);
    expect(res.isFree(shared)).toBe(false);
  });
});

describe('SkillResource units that come and go', () => {
  it('an absent unit is granted nothing, keeps what it holds, and serves the queue when it comes back', () => {
    const env = new Environment();
    const res = new SkillResource(env, { skills: 1 });
    res.addUnit([0]);
    const log: string[] = [];
    env.process(user(env, res, 'held', { arrive: 0, hold: 4, skill: 0 }, log));
    env.process(
      (function* (): ProcessGenerator {
        yield 1;
        res.setAvailable(0, false); // away while holding: the holder finishes
        yield 9;
        res.setAvailable(0, true);
      })(),
    );
    env.process(user(env, res, 'waits', { arrive: 2, hold: 1, skill: 0 }, log));
    env.run();
    expect(log).toEqual(['held@0+0', 'held-4', 'waits@0+10', 'waits-11']);
    expect(res.awayTimeOf(0)).toBe(9);
    // busy while there: day 0 to 1 (then away with the request in hand), and 10 to 11
    expect(res.busyTimeOf(0)).toBe(2);
  });

  it('a retired unit leaves at once when free, or when its request is released', () => {
    const env = new Environment();
    const res = new SkillResource(env, { skills: 1 });
    res.addUnit([0]);
    res.addUnit([0]);
    const held = res.request(0);
    res.retire(held.unit);
    res.retire(1);
    expect(res.holderCount(0)).toBe(1);
    expect(res.isRetired(1)).toBe(true);
    const waiting = res.request(0);
    expect(waiting.isHolding).toBe(false);
    res.release(held);
    expect(res.holderCount(0)).toBe(0);
    expect(waiting.isHolding).toBe(false);
    const newcomer = res.addUnit([0]);
    expect(waiting.unit).toBe(newcomer);
    expect(res.holds(0, 0)).toBe(false);
  });

  it('splits a unit busy time by skill, and starts a new window on reset', () => {
    const env = new Environment();
    const res = new SkillResource(env, { skills: 2, monitor: true });
    res.addUnit([0, 1]);
    const log: string[] = [];
    env.process(user(env, res, 'a', { arrive: 0, hold: 2, skill: 0 }, log));
    env.process(user(env, res, 'b', { arrive: 0, hold: 3, skill: 1 }, log));
    env.run({ until: 10 });
    expect(res.busyTimeOf(0, 0)).toBe(2);
    expect(res.busyTimeOf(0, 1)).toBe(3);
    expect(res.busyTimeOf(0)).toBe(5);
    expect(res.meanBusy(0)).toBeCloseTo(0.2, 12);
    expect(res.meanQueue(1)).toBeCloseTo(0.2, 12);
    res.resetStatistics();
    expect(res.busyTimeOf(0)).toBe(0);
  });

  it('refuses a skill out of range, a unit without skills or with one twice, and a double release', () => {
    const env = new Environment();
    const res = new SkillResource(env, { skills: 2 });
    expect(() => res.addUnit([])).toThrow(InvalidArgumentError);
    expect(() => res.addUnit([1, 1])).toThrow(/twice/);
    expect(() => res.addUnit([2])).toThrow(/skill must be/);
    res.addUnit([0]);
    expect(() => res.request(3)).toThrow(/skill must be/);
    expect(() => res.request(0, Number.NaN)).toThrow(/priority/);
    const req = res.request(0);
    res.release(req);
    expect(() => res.release(req)).toThrow(SimulationError);
    expect(() => res.isFree(5)).toThrow(/no unit 5/);
    expect(() => new SkillResource(env, { skills: -1 })).toThrow(/skills/);
  });
});

/**
 * Two Poisson streams (rates lambdaA for skill 0, lambdaB for skill 1) arriving until
 * `horizon`, exponential service of mean 1, two units: each holding both skills (pooled) or
 * one each (dedicated). Returns the mean wait, per stream, of the customers who arrived after
 * a tenth of the horizon (the warm-up).
 */
function twoStreams(pooled: boolean, lambdaA: number, lambdaB: number, horizon: number, seed: number) {
  const env = new Environment();
  const streams = new RandomStreams(seed);
  const res = new SkillResource(env, { skills: 2 });
  if (pooled) {
    res.addUnit([0, 1]);
    res.addUnit([0, 1]);
  } else {
    res.addUnit([0]);
    res.addUnit([1]);
  }
  const service = exponential({ mean: 1 });
  const waits: [number[], number[]] = [[], []];
  const warmup = horizon / 10;
  for (const [skill, rate] of [
    [0, lambdaA],
    [1, lambdaB],
  ] as const) {
    const gap = exponential({ mean: 1 / rate });
    const arrivals = streams.stream(`arrivals/${skill}`);
    const work = streams.stream(`service/${skill}`);
    env.process(
      (function* (): ProcessGenerator {
        for (;;) {
          yield gap.sample(arrivals);
          if (env.now >= horizon) return;
          const hold = service.sample(work);
          const keep = env.now >= warmup;
          env.process(
            (function* (): ProcessGenerator {
              const asked = env.now;
              const req = res.request(skill);
              yield req;
              if (keep) waits[skill].push(env.now - asked);
              yield hold;
              res.release(req);
            })(),
          );
        }
      })(),
    );
  }
  env.run();
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return { a: mean(waits[0]), b: mean(waits[1]) };
}

describe('two people, two roles, two Poisson streams: pooling against theory', () => {
  const [lambdaA, lambdaB] = [0.5, 0.3];

  it('each holding both roles: one M/M/2 queue with the combined arrivals (Erlang C), the same wait for both streams', () => {
    const theory = mmc(lambdaA + lambdaB, 1, 2).wq;
    const est = replicate(12, 201, (seed) => twoStreams(true, lambdaA, lambdaB, 60_000, seed));
    expect(covers(est.a, theory), describeCoverage(est.a, theory)).toBe(true);
    expect(covers(est.b, theory), describeCoverage(est.b, theory)).toBe(true);
  });

  it('one role each: two M/M/1 queues, each with its own stream', () => {
    const est = replicate(12, 202, (seed) => twoStreams(false, lambdaA, lambdaB, 60_000, seed));
    const theoryA = mmc(lambdaA, 1, 1).wq;
    const theoryB = mmc(lambdaB, 1, 1).wq;
    expect(covers(est.a, theoryA), describeCoverage(est.a, theoryA)).toBe(true);
    expect(covers(est.b, theoryB), describeCoverage(est.b, theoryB)).toBe(true);
    // and the two are far apart: the test can tell pooled from dedicated people
    const pooled = mmc(lambdaA + lambdaB, 1, 2).wq;
    expect(est.a.mean - est.a.halfWidth).toBeGreaterThan(pooled);
  });
});

describe('SkillResource units that change skills, and requests that change queues', () => {
  it('a free unit takes its new skills at once and serves a request waiting for them', () => {
    const env = new Environment();
    const res = new SkillResource(env, { skills: 2 });
    res.addUnit([0]);
    const waiting = res.request(1);
    res.setSkills(0, [1]);
    expect(waiting.unit).toBe(0);
    expect(res.holderCount(0)).toBe(0);
    expect(res.holderCount(1)).toBe(1);
  });

  it('a busy unit finishes its work with its old skills and takes the new ones when released', () => {
    const env = new Environment();
    const res = new SkillResource(env, { skills: 2 });
    res.addUnit([0]);
    const held = res.request(0);
    const forOld = res.request(0);
    const forNew = res.request(1);
    res.setSkills(0, [1]);
    expect(res.holds(0, 0)).toBe(true);
    res.release(held);
    expect(forOld.isHolding).toBe(false); // the unit has left skill 0
    expect(forNew.unit).toBe(0);
    expect(res.holds(0, 0)).toBe(false);
  });

  it('keeps the busy time a unit had on the skills it left', () => {
    const env = new Environment();
    const res = new SkillResource(env, { skills: 2 });
    res.addUnit([0]);
    env.process(
      (function* (): ProcessGenerator {
        const old = res.request(0);
        yield 2;
        res.release(old);
        res.setSkills(0, [1]);
        const next = res.request(1);
        yield 3;
        res.release(next);
      })(),
    );
    env.run();
    expect([res.busyTimeOf(0, 0), res.busyTimeOf(0, 1), res.busyTimeOf(0)]).toEqual([2, 3, 5]);
  });

  it('moves a waiting request to another queue in its place, and grants it at once if a unit is free', () => {
    const env = new Environment();
    const res = new SkillResource(env, { skills: 3 });
    res.addUnit([1]);
    const busy = res.request(1);
    const first = res.request(0, 0, -1, 'first');
    const second = res.request(1, 0, -1, 'second');
    res.requeue(first, 1);
    expect(res.waitingFor(1).map((r) => r.tag)).toEqual(['first', 'second']);
    res.release(busy);
    expect(first.unit).toBe(0);
    res.addUnit([2]);
    res.requeue(second, 2);
    expect(second.unit).toBe(1);
    expect(() => res.requeue(second, 0)).toThrow(/only a request waiting/);
  });

  it('keeps busy and away time since the start, through a reset of the window', () => {
    const env = new Environment();
    const res = new SkillResource(env, { skills: 1, monitor: true });
    res.addUnit([0]);
    env.process(
      (function* (): ProcessGenerator {
        const req = res.request(0);
        yield 3;
        res.release(req);
        res.setAvailable(0, false);
        yield 2;
        res.resetStatistics();
        yield 1;
        res.setAvailable(0, true);
      })(),
    );
    env.run({ until: 10 });
    expect(res.cumulativeBusy(0)).toBe(3);
    expect(res.cumulativeAway(0)).toBe(3);
    expect(res.awayTimeOf(0)).toBe(1);
  });
});
