/**
 * Maintenance of models in production against theory. Each model asks for maintenance as a
 * Poisson process until it retires, so request counts and the number of models in
 * production have closed forms; each tolerance is four standard deviations of the quantity
 * under the model's own theory (Poisson counts; the M/G/infinity queue that models in
 * production form), not a margin picked to pass.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type RunResult } from '../../src/model/index.js';
import { validateScenario } from '../../src/scenario/index.js';
import { maintenanceScenario, type MaintenanceScenarioOptions } from '../support/small-scenarios.js';

const DAYS_PER_MONTH = 365 / 12;
const SDS = 4;

function run(options: MaintenanceScenarioOptions, seed: number, sampleEveryDays = 7): RunResult {
  return simulate(validateScenario(maintenanceScenario(options)).spec, { seed, sampleEveryDays });
}

/** Maintenance requests that started in [from, to). */
function startsIn(result: RunResult, from: number, to: number): number {
  let n = 0;
  result.log.kind.forEach((k, row) => {
    if (k === 'maintenance_start' && result.log.time[row] >= from && result.log.time[row] < to) n++;
  });
  return n;
}

describe('maintenance requests of a model form a Poisson process', () => {
  it('one model, served by one heavily loaded person: requests number r x time, more than one at a time allows', () => {
    // One model live from day 0.001 to its retirement at day 20,000; one person takes 25 days
    // per request, so at r = 1 a month she is busy 82% of the time. The horizon leaves time
    // to serve every request, so the requests served are all the requests made.
    const life = 20_000;
    const effort = 25;
    const result = run({ horizon: life + 2_000, items: [0], perMonth: 1, effort, maintainers: 1, lifetime: life }, 5);
    const served = startsIn(result, 0, Infinity);
    expect(result.log.kind.filter((k) => k === 'maintenance_end').length).toBe(served);

    const perDay = 1 / DAYS_PER_MONTH;
    const expected = perDay * life; // Poisson: variance = mean
    expect(Math.abs(served - expected), `${served} requests, Poisson mean ${expected.toFixed(1)}`).toBeLessThanOrEqual(
      SDS * Math.sqrt(expected),
    );

    // A model that waits for each request to be served before drawing the next gap is a
    // renewal process with cycles of gap + service: mean 1/r + effort, variance 1/r^2.
    const cycle = 1 / perDay + effort;
    const serial = life / cycle;
    const serialSd = Math.sqrt((life * (1 / perDay) ** 2) / cycle ** 3);
    expect(served, `serial requests would number ${serial.toFixed(1)} (sd ${serialSd.toFixed(1)})`).toBeGreaterThan(
      serial + SDS * serialSd,
    );
  });
});

describe('models in production retire', () => {
  // Use cases arrive at 0.5 a day and go live at once: go-lives are Poisson at that rate, and
  // models in production form an M/G/infinity queue. Little's law: on average rate x mean
  // lifetime are in production. The time average over T days has variance rate x E[L^2] / T.
  const rate = 0.5;
  const [warmup, horizon] = [1_000, 6_000];
  const lifetimes = [
    { name: 'exponential', lifetime: { exponential: { mean: 100 } }, mean: 100, secondMoment: 2 * 100 ** 2 },
    {
      name: 'uniform',
      lifetime: { uniform: { min: 50, max: 150 } },
      mean: 100,
      secondMoment: 100 ** 2 + 100 ** 2 / 12,
    },
  ];

  it.each(lifetimes)(
    "keeps rate x mean lifetime in production on average (Little's law), $name lifetime",
    ({ lifetime, mean, secondMoment }) => {
      const result = run({ horizon, perDay: rate, perMonth: 0, effort: 1, maintainers: 1, lifetime }, 9, 1);
      const { time, inProduction } = result.flow;
      const measured = inProduction.filter((_, k) => time[k] >= warmup);
      const average = measured.reduce((s, x) => s + x, 0) / measured.length;
      const sd = Math.sqrt((rate * secondMoment) / (horizon - warmup));
      expect(
        Math.abs(average - rate * mean),
        `time average ${average.toFixed(2)}, Little ${rate * mean}, sd ${sd.toFixed(2)}`,
      ).toBeLessThanOrEqual(SDS * sd);
    },
  );
});

describe('a portfolio already in production at day 0', () => {
  it('asks for maintenance at N x r x the expected share still alive, decaying as models retire', () => {
    // 200 models, no new use cases, 2 requests a month each, exponential lifetime of a year;
    // 20 maintainers at 0.01 days a request serve each request as soon as it is made.
    const [models, perMonth, mean] = [200, 2, 365];
    const result = run(
      { horizon: 730, portfolio: models, perMonth, effort: 0.01, maintainers: 20, lifetime: { exponential: { mean } } },
      13,
    );
    const r = perMonth / DAYS_PER_MONTH;
    expect(result.flow.inProduction[0]).toBe(models);
    expect(result.items.length).toBe(0);

    const counts: number[] = [];
    for (const [from, to] of [
      [0, 365],
      [365, 730],
    ]) {
      // Requests of one model in [from, to): Poisson with mean r X, X its time alive in the
      // window: alive at `from` with probability p, then (memoryless) min(Exp(mean), to - from).
      const p = Math.exp(-from / mean);
      const w = to - from;
      const m1 = mean * (1 - Math.exp(-w / mean));
      const m2 = 2 * mean ** 2 * (1 - Math.exp(-w / mean) * (1 + w / mean));
      const [ex, varX] = [p * m1, p * m2 - (p * m1) ** 2];
      const expected = models * r * ex;
      const sd = Math.sqrt(models * (r * ex + r ** 2 * varX));
      const count = startsIn(result, from, to);
      expect(
        Math.abs(count - expected),
        `${count} requests in days ${from} to ${to}, expected ${expected.toFixed(0)} (sd ${sd.toFixed(1)})`,
      ).toBeLessThanOrEqual(SDS * sd);
      counts.push(count);
    }
    expect(counts[1]).toBeLessThan(counts[0]);

    // models alive at the first sample after a year: binomial(200, e^(-t / mean))
    const k = result.flow.time.findIndex((t) => t >= 365);
    const share = Math.exp(-result.flow.time[k] / mean);
    expect(Math.abs(result.flow.inProduction[k] - models * share)).toBeLessThanOrEqual(
      SDS * Math.sqrt(models * share * (1 - share)),
    );
  });
});
