/**
 * Fitting a family to durations some of which had not ended when they were seen
 * (right-censored: an activity still under way at the export has taken at least so long).
 * Dropping those would leave out the longest, and bias every duration short; here each
 * finished duration counts by its density and each unfinished one by the probability of
 * lasting at least as long as it has (the survival function), and the likelihood is
 * maximised: in closed form for the exponential, by Nelder-Mead over the logs of the
 * parameters otherwise, from the fit to the finished durations alone.
 */
import gammaln from '@stdlib/math-base-special-gammaln';
import gammaCdf from '@stdlib/stats-base-dists-gamma-cdf';
import { normalCdf, type Rng } from '../random/index.js';
import { fitFamily, ksDistance } from './family-fits.js';
import { type FamilyFit, type FittedFamily, familyWith } from './fitted-family.js';
import { nelderMead } from './nelder-mead.js';

const LOG_2PI = Math.log(2 * Math.PI);
/** ln of a survival probability, floored where it underflows (an unfinished duration far in the tail). */
const logSurvival = (s: number): number => Math.log(Math.max(s, 1e-300));

/** The negative log-likelihood of `family` at log-parameters `theta`, finished `done` and unfinished `open`. */
function negativeLogLikelihood(
  family: Exclude<FittedFamily, 'exponential'>,
  done: readonly number[],
  open: readonly number[],
): (theta: readonly number[]) => number {
  const r = done.length;
  const sumLog = done.reduce((s, x) => s + Math.log(x), 0);
  const sumLog2 = done.reduce((s, x) => s + Math.log(x) ** 2, 0);
  const sum = done.reduce((s, x) => s + x, 0);
  switch (family) {
    case 'lognormal':
      return ([mu, logSigma]) => {
        const sigma = Math.exp(logSigma);
        const complete =
          -sumLog - r * logSigma - 0.5 * r * LOG_2PI - (sumLog2 - 2 * mu * sumLog + r * mu * mu) / (2 * sigma * sigma);
        const unfinished = open.reduce((s, c) => s + logSurvival(normalCdf(-(Math.log(c) - mu) / sigma)), 0);
        return -(complete + unfinished);
      };
    case 'gamma':
      return ([logShape, logScale]) => {
        const [shape, scale] = [Math.exp(logShape), Math.exp(logScale)];
        const complete = (shape - 1) * sumLog - sum / scale - r * (shape * logScale + gammaln(shape));
        const unfinished = open.reduce((s, c) => s + logSurvival(1 - gammaCdf(c, shape, 1 / scale)), 0);
        return -(complete + unfinished);
      };
    default:
      return ([logShape, logScale]) => {
        const shape = Math.exp(logShape);
        let powers = 0;
        for (const x of done) powers += Math.exp(shape * (Math.log(x) - logScale));
        for (const c of open) powers += Math.exp(shape * (Math.log(c) - logScale));
        return -(r * logShape - r * shape * logScale + (shape - 1) * sumLog - powers);
      };
  }
}

/**
 * `family` fitted to the finished durations `done` and the unfinished `open` (each a lower
 * bound), starting from `uncensored`, the family's fit to `done` alone. Its log-likelihood and
 * AIC are of both; its KS distance is left to the caller.
 */
export function censoredFit(
  family: FittedFamily,
  done: readonly number[],
  open: readonly number[],
  uncensored: Pick<FamilyFit, 'parameters'>,
): Omit<FamilyFit, 'ks'> {
  const lower = open.filter((c) => c > 0);
  if (family === 'exponential') {
    const total = done.reduce((s, x) => s + x, 0) + lower.reduce((s, c) => s + c, 0);
    const m = total / done.length;
    return familyWith('exponential', { mean: m }, -done.length * Math.log(m) - total / m);
  }
  const p = uncensored.parameters;
  const start = family === 'lognormal' ? [p.mu, Math.log(p.sigma)] : [Math.log(p.shape), Math.log(p.scale)];
  const best = nelderMead(negativeLogLikelihood(family, done, lower), start);
  const [a, b] = best.x;
  const parameters: Record<string, number> =
    family === 'lognormal' ? { mu: a, sigma: Math.exp(b) } : { shape: Math.exp(a), scale: Math.exp(b) };
  return familyWith(family, parameters, -best.fx);
}

/** One duration as seen: finished at `t`, or (not `done`) still running after `t`; `exposure` is how long it could be watched. */
export interface SeenDuration {
  done: boolean;
  t: number;
  exposure: number;
}

/**
 * The parametric-bootstrap p-value of `family`'s fit to durations some of which are
 * unfinished: the KS distance between the finished ones and the censored fit, against the
 * distances of `samples` samples drawn from that fit and censored the same way (each
 * duration seen for its own `exposure`), each refitted. The finished durations are short by
 * construction, so their distance to a right fit is not that of an uncensored sample; the
 * bootstrap reproduces that. Returns the fit to `seen` with its distance, and p.
 */
export function censoredFitTest(
  family: FittedFamily,
  seen: readonly SeenDuration[],
  rng: Rng,
  samples: number,
): { fit: FamilyFit; p: number } {
  const fitOf = (done: number[], open: number[]): FamilyFit => {
    done.sort((a, b) => a - b);
    const f = censoredFit(family, done, open, fitFamily(family, done));
    return { ...f, ks: ksDistance(done, f.cdf) };
  };
  const fit = fitOf(
    seen.filter((s) => s.done).map((s) => s.t),
    seen.filter((s) => !s.done).map((s) => s.t),
  );
  let asLarge = 0;
  for (let b = 0; b < samples; b++) {
    const done: number[] = [];
    const open: number[] = [];
    for (const s of seen) {
      const x = fit.sampler.sample(rng);
      if (x <= s.exposure) done.push(x);
      else open.push(s.exposure);
    }
    // a sample with almost nothing finished says nothing against the fit
    if (done.length < 2 || fitOf(done, open).ks >= fit.ks) asLarge++;
  }
  return { fit, p: (asLarge + 1) / (samples + 1) };
}
