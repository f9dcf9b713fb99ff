import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../src/statistics/nelder-mead.js';

describe('Nelder-Mead', () => {
  it("finds the minimum of Rosenbrock's valley and of a shifted bowl", () => {
    const rosenbrock = nelderMead((x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2, [-1.2, 1], {
      tolerance: 1e-14,
      maxIterations: 5000,
    });
    expect(rosenbrock.x[0]).toBeCloseTo(1, 3);
    expect(rosenbrock.x[1]).toBeCloseTo(1, 3);
    const bowl = nelderMead((x) => (x[0] - 3) ** 2 + 2 * (x[1] + 1) ** 2 + 5, [0, 0]);
    expect(bowl.x[0]).toBeCloseTo(3, 4);
    expect(bowl.x[1]).toBeCloseTo(-1, 4);
    expect(bowl.fx).toBeCloseTo(5, 8);
  });

  it('treats a NaN as no better than anything', () => {
    const r = nelderMead((x) => (x[0] < 0 ? Number.NaN : (x[0] - 2) ** 2), [1]);
    expect(r.x[0]).toBeCloseTo(2, 4);
  });
});
