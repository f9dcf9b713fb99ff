/**
 * Nelder and Mead's downhill simplex: the minimum of a function of a few variables without
 * derivatives (reflection 1, expansion 2, contraction 1/2, shrink 1/2, as in Lagarias et al.,
 * 1998). Used for likelihoods with no closed-form maximum. (The npm package `fmin` does this,
 * but its build loads as an empty module under ESM.)
 */

export interface NelderMeadOptions {
  /** Steps of the first simplex along each axis (default 0.1). */
  step?: number;
  /** Stop when the simplex's values differ by less than this, relative (default 1e-10), and its points by less than 1e-8. */
  tolerance?: number;
  /** At most this many iterations (default 400 per variable). */
  maxIterations?: number;
}

/** The point near `start` where `f` is least (a local minimum), and its value. */
export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): { x: number[]; fx: number } {
  const n = start.length;
  const step = options.step ?? 0.1;
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 400 * n;
  const value = (x: number[]): number => {
    const y = f(x);
    return Number.isNaN(y) ? Number.POSITIVE_INFINITY : y;
  };
  let simplex = [start.slice(), ...start.map((_, i) => start.map((v, j) => (i === j ? v + step : v)))].map((x) => ({
    x,
    fx: value(x),
  }));
  const along = (from: number[], to: number[], t: number): number[] => from.map((v, i) => v + t * (to[i] - v));
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    simplex.sort((a, b) => a.fx - b.fx);
    const [best, worst] = [simplex[0], simplex[n]];
    // converged when the values agree and the simplex has shrunk (values alone can agree either side of the minimum)
    const flat = Math.abs(worst.fx - best.fx) <= tolerance * (Math.abs(best.fx) + tolerance);
    const small = simplex.every((p) =>
      p.x.every((v, i) => Math.abs(v - best.x[i]) <= 1e-8 * (1 + Math.abs(best.x[i]))),
    );
    if (flat && small) break;
    const centroid = start.map((_, i) => simplex.slice(0, n).reduce((s, p) => s + p.x[i], 0) / n);
    const reflected = along(centroid, worst.x, -1);
    const fr = value(reflected);
    if (fr < best.fx) {
      const expanded = along(centroid, worst.x, -2);
      const fe = value(expanded);
      simplex[n] = fe < fr ? { x: expanded, fx: fe } : { x: reflected, fx: fr };
      continue;
    }
    if (fr < simplex[n - 1].fx) {
      simplex[n] = { x: reflected, fx: fr };
      continue;
    }
    const outside = fr < worst.fx;
    const contracted = along(centroid, outside ? reflected : worst.x, 0.5);
    const fc = value(contracted);
    if (fc < (outside ? fr : worst.fx)) {
      simplex[n] = { x: contracted, fx: fc };
      continue;
    }
    simplex = simplex.map((p, i) => (i === 0 ? p : { x: along(best.x, p.x, 0.5), fx: value(along(best.x, p.x, 0.5)) }));
  }
  simplex.sort((a, b) => a.fx - b.fx);
  return { x: simplex[0].x, fx: simplex[0].fx };
}
