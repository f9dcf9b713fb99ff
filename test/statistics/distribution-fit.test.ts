/**
 * Maximum-likelihood fits recover the parameters of samples drawn from each family, within
 * a few of their asymptotic standard errors (from the Fisher information); AIC picks the
 * family the sample came from when the families differ clearly; the bootstrap p-value
 * rejects a sample no family describes (two modes), which then stays empirical.
 */
import { describe, expect, it } from 'vitest';
import { Exponential, Gamma, Lognormal, RandomStreams, Weibull, type Distribution } from '../../src/random/index.js';
import { fitDistribution, fitFamily, ksDistance, medianInterval } from '../../src/statistics/distribution-fit.js';

const N = 800;
const draw = (d: Distribution, name: string, n = N): number[] => {
  const rng = new RandomStreams(11).stream(name);
  return Array.from({ length: n }, () => d.sample(rng)).sort((a, b) => a - b);
};
/** Tolerance: four standard errors. */
const within = (estimate: number, truth: number, se: number) =>
  expect(Math.abs(estimate - truth), `${estimate} against ${truth} (se ${se})`).toBeLessThan(4 * se);

describe('maximum-likelihood fits', () => {
  it('lognormal: mu and sigma', () => {
    const [mu, sigma] = [Math.log(5), 0.6];
    const fit = fitFamily(
      'lognormal',
      draw(new Lognormal({ median: 5, p90: Math.exp(mu + 1.2815515655446004 * sigma) }), 'ln'),
    );
    within(fit.parameters.mu, mu, sigma / Math.sqrt(N));
    within(fit.parameters.sigma, sigma, sigma / Math.sqrt(2 * N));
  });

  it('gamma: shape and scale', () => {
    const [shape, scale] = [2.5, 3];
    const fit = fitFamily('gamma', draw(new Gamma({ shape, scale }), 'gamma'));
    // var(shape) = shape / (n (shape psi'(shape) - 1)); psi'(2.5) = 0.4903577
    within(fit.parameters.shape, shape, Math.sqrt(shape / (N * (shape * 0.4903577 - 1))));
    within(fit.parameters.shape * fit.parameters.scale, shape * scale, Math.sqrt((shape * scale * scale) / N));
  });

  it('weibull: shape and scale', () => {
    const [shape, scale] = [1.8, 10];
    const fit = fitFamily('weibull', draw(new Weibull({ shape, scale }), 'weibull'));
    within(fit.parameters.shape, shape, (0.78 * shape) / Math.sqrt(N));
    within(fit.parameters.scale, scale, (1.053 * scale) / shape / Math.sqrt(N));
  });

  it('exponential: the mean', () => {
    const fit = fitFamily('exponential', draw(new Exponential({ mean: 4 }), 'exp'));
    within(fit.parameters.mean, 4, 4 / Math.sqrt(N));
  });

  it('the log-likelihood of a fit is the largest nearby: moving a parameter lowers it', () => {
    const xs = draw(new Gamma({ shape: 2, scale: 2 }), 'gamma-ll');
    const fit = fitFamily('gamma', xs);
    const { shape, scale } = fit.parameters;
    const ll = (k: number, t: number) =>
      xs.reduce((s, x) => s + (k - 1) * Math.log(x) - x / t, 0) - xs.length * (k * Math.log(t) + lgamma(k));
    expect(ll(shape, scale)).toBeCloseTo(fit.logLikelihood, 6);
    for (const [k, t] of [
      [shape * 1.02, scale],
      [shape * 0.98, scale],
      [shape, scale * 1.02],
      [shape, scale * 0.98],
    ])
      expect(ll(k, t)).toBeLessThan(fit.logLikelihood);
  });
});

describe('choosing a family and testing it', () => {
  const rng = () => new RandomStreams(3).stream('bootstrap');
  it.each([
    ['lognormal', new Lognormal({ median: 4, p90: 12 })],
    ['weibull', new Weibull({ shape: 3, scale: 5 })],
    ['exponential', new Exponential({ mean: 3 })],
  ] as const)('picks %s for a sample of it, and does not reject it', (family, d) => {
    const fit = fitDistribution(draw(d, `choice-${family}`, 400), rng());
    expect(fit.best.family).toBe(family);
    expect(fit.chosen).toBe(family);
    expect(fit.p).toBeGreaterThan(0.01);
  });

  it('rejects every family for a sample with two modes, and keeps it empirical', () => {
    const xs = [
      ...draw(new Lognormal({ median: 1, p90: 1.3 }), 'low', 300),
      ...draw(new Lognormal({ median: 10, p90: 13 }), 'high', 300),
    ];
    const fit = fitDistribution(xs, rng());
    expect(fit.p).toBeLessThan(0.01);
    expect(fit.chosen).toBe('empirical');
  });

  it('keeps a sample too small to test empirical, and says n, median and p90', () => {
    const fit = fitDistribution([3, 1, 2], rng());
    expect(fit).toMatchObject({ chosen: 'empirical', n: 3, median: 2 });
    expect(fit.p90).toBeCloseTo(2.8, 10);
  });

  it('refuses a bootstrap too small to reach the p-value it tests against', () => {
    expect(() => fitDistribution([1, 2, 3, 4, 5, 6], rng(), { bootstrap: 99, minimumP: 0.01 })).toThrow(/at least 100/);
  });

  it('measures the KS distance exactly on a small case', () => {
    // uniform(0, 1) against the points 0.2, 0.4, 0.9: the largest gap is 1/3 - 0.2 ... at 0.4: 2/3 - 0.4
    expect(ksDistance([0.2, 0.4, 0.9], (x) => x)).toBeCloseTo(2 / 3 - 0.4, 12);
  });
});

/** ln Gamma(x) by Stirling's series with a shift (accurate to 1e-12 for x > 0). */
function lgamma(x: number): number {
  let shift = 0;
  let y = x;
  while (y < 10) {
    shift -= Math.log(y);
    y += 1;
  }
  return (
    shift +
    (y - 0.5) * Math.log(y) -
    y +
    0.5 * Math.log(2 * Math.PI) +
    1 / (12 * y) -
    1 / (360 * y ** 3) +
    1 / (1260 * y ** 5)
  );
}

describe('the interval of a median', () => {
  it('covers the true median as often as its order statistics say, at least 95% (400 samples of 101 from an exponential)', () => {
    const rng = new RandomStreams(9).stream('median-interval');
    const d = new Exponential({ mean: 1 });
    const truth = Math.LN2;
    let covered = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const xs = Array.from({ length: 101 }, () => d.sample(rng)).sort((a, b) => a - b);
      const [lo, hi] = medianInterval(xs);
      if (lo <= truth && truth <= hi) covered++;
    }
    // its exact coverage: the 40th to 61st of 101 order statistics hold the median when 40 to 60
    // of the 101 fall below it, a binomial(101, 1/2) probability (about 0.96: order statistics
    // are discrete, so the interval is a little wider than 95%)
    let exact = 0;
    let c = 1; // C(101, k), built up from k = 0
    for (let k = 0; k <= 101; k++) {
      if (k >= 40 && k <= 60) exact += c / 2 ** 101;
      c = (c * (101 - k)) / (k + 1);
    }
    expect(exact).toBeGreaterThan(0.95);
    const sd = Math.sqrt((exact * (1 - exact)) / trials);
    expect(Math.abs(covered / trials - exact)).toBeLessThan(4 * sd);
  });
});

describe('fits with unfinished durations (right-censored)', () => {
  /** `n` durations from `d`, each seen at an exponential time of mean `seenAt`: finished ones, and the lower bounds of the rest. */
  const censor = (d: Distribution, seenAt: number, name: string, n = 2000) => {
    const rng = new RandomStreams(12).stream(name);
    const watch = new Exponential({ mean: seenAt });
    const done: number[] = [];
    const open: number[] = [];
    for (let i = 0; i < n; i++) {
      const [x, c] = [d.sample(rng), watch.sample(rng)];
      if (x <= c) done.push(x);
      else open.push(c);
    }
    return { done, open };
  };
  const familyIn = (fit: ReturnType<typeof fitDistribution>, family: string) =>
    fit.families.find((f) => f.family === family)?.parameters ?? {};
  const rng = () => new RandomStreams(1).stream('fit');

  it("recovers the lognormal's parameters where dropping the unfinished would bias them short", () => {
    const [mu, sigma] = [Math.log(4), 0.7];
    const { done, open } = censor(
      new Lognormal({ median: 4, p90: 4 * Math.exp(1.2815515655446004 * sigma) }),
      12,
      'ln',
    );
    expect(open.length).toBeGreaterThan(200); // about a fifth unfinished
    const fit = fitDistribution(done, rng(), { censored: open });
    expect(fit.censored).toBe(open.length);
    // the standard errors of the complete sample are a floor for the censored ones; 6 of them allow for the loss
    within(familyIn(fit, 'lognormal').mu, mu, (1.5 * sigma) / Math.sqrt(done.length));
    within(familyIn(fit, 'lognormal').sigma, sigma, (1.5 * sigma) / Math.sqrt(2 * done.length));
    const dropped = familyIn(fitDistribution(done, rng()), 'lognormal').mu;
    expect(mu - dropped).toBeGreaterThan((4 * sigma) / Math.sqrt(done.length)); // the bias the censored fit removes
  });

  it('recovers the Weibull, gamma and exponential means', () => {
    for (const [family, d, mean] of [
      ['weibull', new Weibull({ shape: 1.5, scale: 5 }), 4.5135],
      ['gamma', new Gamma({ shape: 2, scale: 2 }), 4],
      ['exponential', new Exponential({ mean: 4 }), 4],
    ] as const) {
      const { done, open } = censor(d, 10, family);
      const p = familyIn(fitDistribution(done, rng(), { censored: open }), family);
      const fitted = family === 'exponential' ? p.mean : family === 'gamma' ? p.shape * p.scale : p.scale * 0.9027453;
      const sd = family === 'weibull' ? 3.0716 : family === 'gamma' ? Math.sqrt(8) : 4;
      within(fitted, mean, (1.5 * sd) / Math.sqrt(done.length));
    }
  });
});

describe('the test of fit with unfinished durations', () => {
  it('keeps the right family where a quarter are unfinished (the bootstrap censors its samples the same way)', () => {
    // 300 lognormal durations, each watched for a uniform time up to 3 times the median
    const rng = new RandomStreams(21).stream('censored-test');
    const d = new Lognormal({ median: 10, p90: 25 });
    const done: number[] = [];
    const exposure: number[] = [];
    const open: number[] = [];
    for (let i = 0; i < 300; i++) {
      const [x, e] = [d.sample(rng), rng() * 30];
      if (x <= e) {
        done.push(x);
        exposure.push(e);
      } else open.push(e);
    }
    expect(open.length / 300).toBeGreaterThan(0.2);
    const fit = fitDistribution(done, new RandomStreams(1).stream('fit'), { censored: open, exposure });
    expect(fit.p).toBeGreaterThan(0.05);
    expect(fit.chosen).not.toBe('empirical');
    // without the exposures the samples are not censored, and the finished ones (short by construction) misfit
    const naive = fitDistribution(done, new RandomStreams(1).stream('fit'), { censored: open });
    expect(naive.p).toBeLessThan(fit.p);
  });
});
