/**
 * Closed-form results of queueing theory, the yardstick the engine is validated against.
 * Notation: arrival rate lambda, service rate mu per server, c servers, offered load
 * a = lambda / mu, utilisation rho = a / c. Times are in the model's time unit.
 */

/** Erlang C: the probability that an arrival waits in an M/M/c queue with offered load `a`. */
export function erlangC(c: number, a: number): number {
  if (!Number.isInteger(c) || c < 1) throw new RangeError(`servers must be a whole number >= 1, got ${c}`);
  if (!(a >= 0 && a < c)) throw new RangeError(`offered load must be in [0, ${c}) for a stable queue, got ${a}`);
  // Erlang B by its stable recursion, then C from B
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho + rho * b);
}

/** M/M/c steady state: mean wait in queue Wq, mean queue length Lq, time in system W, number in system L. */
export function mmc(
  lambda: number,
  mu: number,
  c: number,
): { wq: number; lq: number; w: number; l: number; rho: number; pWait: number } {
  const a = lambda / mu;
  const pWait = erlangC(c, a);
  const wq = pWait / (c * mu - lambda);
  const w = wq + 1 / mu;
  return { wq, lq: lambda * wq, w, l: lambda * w, rho: a / c, pWait };
}

/**
 * M/G/1 by Pollaczek-Khinchine: mean wait in queue Wq = lambda E[S^2] / (2 (1 - rho)),
 * from the service time's mean and variance.
 */
export function mg1(
  lambda: number,
  serviceMean: number,
  serviceVariance: number,
): { wq: number; lq: number; w: number; l: number; rho: number } {
  const rho = lambda * serviceMean;
  if (!(rho < 1)) throw new RangeError(`utilisation must be < 1 for a stable queue, got ${rho}`);
  const secondMoment = serviceVariance + serviceMean * serviceMean;
  const wq = (lambda * secondMoment) / (2 * (1 - rho));
  const w = wq + serviceMean;
  return { wq, lq: lambda * wq, w, l: lambda * w, rho };
}

/** One station of an open Jackson network: servers and mean service time. */
export interface JacksonStation {
  servers: number;
  serviceMean: number;
}

/**
 * An open Jackson network: Poisson external arrivals `arrivalRates[i]` at station i and
 * routing probabilities `routing[i][j]` from i to j (the rest leaves). Solves the traffic
 * equations and returns, per station, the arrival rate and M/M/c measures, and the mean
 * time in system of a job (L / total external rate, by Little's law).
 */
export function jacksonNetwork(
  stations: readonly JacksonStation[],
  arrivalRates: readonly number[],
  routing: readonly (readonly number[])[],
): { rates: number[]; stationL: number[]; timeInSystem: number } {
  // traffic equations lambda = gamma + lambda P, by fixed-point iteration (converges for an open network)
  let rates = [...arrivalRates];
  for (let iter = 0; iter < 10000; iter++) {
    const next = arrivalRates.map((g, j) => g + rates.reduce((s, r, i) => s + r * routing[i][j], 0));
    const change = next.reduce((m, x, j) => Math.max(m, Math.abs(x - rates[j])), 0);
    rates = next;
    if (change < 1e-13) break;
  }
  const stationL = stations.map((s, i) => mmc(rates[i], 1 / s.serviceMean, s.servers).l);
  const external = arrivalRates.reduce((s, g) => s + g, 0);
  return { rates, stationL, timeInSystem: stationL.reduce((s, l) => s + l, 0) / external };
}

/** One class of a priority queue: its arrival rate and service time moments. */
export interface PriorityClass {
  lambda: number;
  serviceMean: number;
  serviceVariance: number;
}

/**
 * Mean waits in queue of a single-server non-preemptive priority queue (M/G/1 with
 * classes, Cobham's formula), classes listed from most to least urgent:
 * Wq_k = W0 / ((1 - sigma_{k-1}) (1 - sigma_k)), W0 = sum lambda_i E[S_i^2] / 2.
 */
export function nonPreemptivePriorityWaits(classes: readonly PriorityClass[]): number[] {
  const w0 = classes.reduce((s, k) => s + (k.lambda * (k.serviceVariance + k.serviceMean ** 2)) / 2, 0);
  let sigma = 0;
  return classes.map((k) => {
    const before = sigma;
    sigma += k.lambda * k.serviceMean;
    if (!(sigma < 1)) throw new RangeError(`total utilisation must be < 1, got ${sigma}`);
    return w0 / ((1 - before) * (1 - sigma));
  });
}
