import { normalQuantile } from '../random/special-functions.js';

/**
 * The quantile of Student's t distribution with `df` degrees of freedom, by Hill's
 * algorithm 396 (Comm. ACM 13, 1970), accurate to about 1e-6 for df >= 1; exact forms for
 * df = 1 and 2.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  if (!(df >= 1)) throw new RangeError(`degrees of freedom must be >= 1, got ${df}`);
  if (p === 0.5) return 0;
  const upper = p > 0.5;
  const tail = upper ? 1 - p : p; // one-sided tail probability
  let t: number;
  if (df === 1) {
    t = Math.tan(Math.PI * (0.5 - tail));
  } else if (df === 2) {
    const q = 2 * tail;
    t = Math.sqrt(2 / (q * (2 - q)) - 2);
  } else {
    t = hill(2 * tail, df);
  }
  return upper ? t : -t;
}

/** Hill's inverse of the two-sided t tail probability `p` (P(|T| > t) = p). */
function hill(p: number, n: number): number {
  const a = 1 / (n - 0.5);
  const b = 48 / (a * a);
  let c = ((20700 * a) / b - 98) * a - 16;
  c = c * a + 96.36;
  const d = ((94.5 / (b + c) - 3) / b + 1) * Math.sqrt((a * Math.PI) / 2) * n;
  let x = d * p;
  let y = x ** (2 / n);
  if (y > 0.05 + a) {
    x = normalQuantile(p * 0.5);
    y = x * x;
    if (n < 5) c += 0.3 * (n - 4.5) * (x + 0.6);
    c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c;
    y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x;
    y = a * y * y;
    y = y > 0.002 ? Math.exp(y) - 1 : 0.5 * y * y + y;
  } else {
    y =
      (((1 / (((n + 6) / (n * y) - 0.089 * d - 0.822) * (n + 2) * 3) + 0.5 / (n + 4)) * y - 1) * (n + 1)) / (n + 2) +
      1 / y;
  }
  return Math.sqrt(n * y);
}
