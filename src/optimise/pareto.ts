/**
 * Pareto dominance for minimisation: fronts by non-dominated sorting, the crowding distance
 * that keeps a front spread (Deb et al., NSGA-II, 2002), and the area a two-objective front
 * dominates up to a reference point (its hyperarea).
 */

/** Whether `a` is no worse than `b` in every objective and better in one (both minimised). */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let better = false;
  for (let k = 0; k < a.length; k++) {
    if (a[k] > b[k]) return false;
    if (a[k] < b[k]) better = true;
  }
  return better;
}

/** The positions of the points no other point dominates, in their order. */
export function nonDominated(points: readonly (readonly number[])[]): number[] {
  return points.flatMap((p, i) => (points.some((q, j) => j !== i && dominates(q, p)) ? [] : [i]));
}

/** Fronts of positions: the first dominated by none, the next by none but the first, ... */
export function nonDominatedSort(points: readonly (readonly number[])[]): number[][] {
  const dominatedBy = points.map(() => 0);
  const dominating: number[][] = points.map(() => []);
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      if (dominates(points[i], points[j])) {
        dominating[i].push(j);
        dominatedBy[j]++;
      } else if (dominates(points[j], points[i])) {
        dominating[j].push(i);
        dominatedBy[i]++;
      }
    }
  }
  const fronts: number[][] = [];
  let current = points.flatMap((_, i) => (dominatedBy[i] === 0 ? [i] : []));
  while (current.length > 0) {
    fronts.push(current);
    const next: number[] = [];
    for (const i of current) {
      for (const j of dominating[i]) if (--dominatedBy[j] === 0) next.push(j);
    }
    current = next.sort((a, b) => a - b);
  }
  return fronts;
}

/** The crowding distance of each point of one front (Infinity at the ends of each objective). */
export function crowdingDistances(points: readonly (readonly number[])[]): number[] {
  const distance = points.map(() => 0);
  if (points.length === 0) return distance;
  for (let k = 0; k < points[0].length; k++) {
    const order = points.map((_, i) => i).sort((a, b) => points[a][k] - points[b][k] || a - b);
    const span = points[order[order.length - 1]][k] - points[order[0]][k];
    distance[order[0]] = Infinity;
    distance[order[order.length - 1]] = Infinity;
    if (!(span > 0)) continue;
    for (let r = 1; r < order.length - 1; r++)
      distance[order[r]] += (points[order[r + 1]][k] - points[order[r - 1]][k]) / span;
  }
  return distance;
}

/**
 * The area that two-objective points dominate within the box up to `reference` (both
 * minimised): the hyperarea (hypervolume in two dimensions). Points beyond the reference add
 * nothing.
 */
export function hyperarea(points: readonly (readonly number[])[], reference: readonly [number, number]): number {
  const inside = points.filter((p) => p[0] < reference[0] && p[1] < reference[1]);
  const front = nonDominated(inside).map((i) => inside[i]);
  front.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let area = 0;
  let ceiling = reference[1];
  for (const [x, y] of front) {
    if (y >= ceiling) continue;
    area += (reference[0] - x) * (ceiling - y);
    ceiling = y;
  }
  return area;
}
