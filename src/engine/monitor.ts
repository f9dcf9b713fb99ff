import type { Environment } from './environment.js';

/**
 * Running statistics of observed values (count, mean, variance, min, max), one value at a
 * time, in constant memory (Welford's update, numerically stable).
 */
export class Tally {
  private n = 0;
  private runningMean = 0;
  private sumSquares = 0;
  private low = Infinity;
  private high = -Infinity;

  /** Records one observation. */
  add(value: number): void {
    this.n++;
    const delta = value - this.runningMean;
    this.runningMean += delta / this.n;
    this.sumSquares += delta * (value - this.runningMean);
    if (value < this.low) this.low = value;
    if (value > this.high) this.high = value;
  }

  /** Forgets every observation (e.g. at the end of a warm-up). */
  reset(): void {
    this.n = 0;
    this.runningMean = 0;
    this.sumSquares = 0;
    this.low = Infinity;
    this.high = -Infinity;
  }

  get count(): number {
    return this.n;
  }
  /** Mean of the observations; NaN when there are none. */
  get mean(): number {
    return this.n === 0 ? NaN : this.runningMean;
  }
  /** Sample variance (n - 1 denominator); NaN with fewer than two observations. */
  get variance(): number {
    return this.n < 2 ? NaN : this.sumSquares / (this.n - 1);
  }
  get std(): number {
    return Math.sqrt(this.variance);
  }
  /** Smallest observation; NaN when there are none. */
  get min(): number {
    return this.n === 0 ? NaN : this.low;
  }
  /** Largest observation; NaN when there are none. */
  get max(): number {
    return this.n === 0 ? NaN : this.high;
  }
}

/**
 * A quantity that holds its value between changes (queue length, busy servers), averaged
 * over time: the mean is the area under the value divided by the time observed.
 */
export class TimeWeighted {
  private current: number;
  private lastChange: number;
  private windowStart: number;
  private area = 0;
  private low: number;
  private high: number;

  constructor(
    private readonly env: Environment,
    initialValue = 0,
  ) {
    this.current = initialValue;
    this.lastChange = env.now;
    this.windowStart = env.now;
    this.low = initialValue;
    this.high = initialValue;
  }

  /** Records that the quantity changed to `value` now. */
  update(value: number): void {
    const now = this.env.now;
    this.area += this.current * (now - this.lastChange);
    this.lastChange = now;
    this.current = value;
    if (value < this.low) this.low = value;
    if (value > this.high) this.high = value;
  }

  /** Starts a new observation window now, keeping the current value (end of warm-up). */
  reset(): void {
    this.area = 0;
    this.lastChange = this.env.now;
    this.windowStart = this.env.now;
    this.low = this.current;
    this.high = this.current;
  }

  /** The value now. */
  get value(): number {
    return this.current;
  }
  /** Time observed since creation or the last reset. */
  get duration(): number {
    return this.env.now - this.windowStart;
  }
  /** The integral of the value over the window up to now. */
  get integral(): number {
    return this.area + this.current * (this.env.now - this.lastChange);
  }
  /** The time-average up to now; NaN over an empty window. */
  get mean(): number {
    const span = this.duration;
    return span > 0 ? this.integral / span : NaN;
  }
  get min(): number {
    return this.low;
  }
  get max(): number {
    return this.high;
  }
}
