import { describe, expect, it } from 'vitest';
import { abandonmentNote, fitAbandonment } from '../../src/calibration/fit-abandonment.js';
import type { HistoryCase } from '../../src/calibration/history.js';

const cases = (type: string, live: number, abandoned: number, open = 0): HistoryCase[] =>
  [
    ...Array.from({ length: live }, () => 'live' as const),
    ...Array.from({ length: abandoned }, () => 'abandoned' as const),
    ...Array.from({ length: open }, () => 'in_progress' as const),
  ].map((outcome, i) => ({ id: `${type}${i}`, type, outcome }) as unknown as HistoryCase);

describe('abandonment by type', () => {
  it('counts the ended cases of each type, leaves open ones out, and gives intervals', () => {
    const fit = fitAbandonment([...cases('report', 90, 10, 7), ...cases('model', 60, 40)]);
    expect(fit.byType.map((t) => [t.type, t.ended, t.abandoned])).toEqual([
      ['model', 100, 40],
      ['report', 100, 10],
    ]);
    for (const t of fit.byType) {
      expect(t.ci95[0]).toBeLessThan(t.abandoned / t.ended);
      expect(t.ci95[1]).toBeGreaterThan(t.abandoned / t.ended);
    }
    expect(fit.sameShareP).toBeLessThan(0.001);
    expect(abandonmentNote(fit)).toMatch(/the types differ .* their mix/);
  });

  it('says when there are too few to test', () => {
    const fit = fitAbandonment([...cases('report', 1, 2), ...cases('model', 1, 0)]);
    expect(fit.sameShareP).toBeNaN();
    expect(abandonmentNote(fit)).toMatch(/too few to test whether the types differ/);
  });

  it('says when the types do not differ', () => {
    const fit = fitAbandonment([...cases('report', 90, 10), ...cases('model', 89, 11)]);
    expect(fit.sameShareP).toBeGreaterThan(0.5);
    expect(abandonmentNote(fit)).toMatch(/no difference between the types shows/);
  });
});
