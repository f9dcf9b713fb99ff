import { describe, expect, it } from 'vitest';
import { settingEffect } from '../../src/experiment/sensitivity.js';

describe('the effect of a sensitivity setting when a p85 is beyond the run', () => {
  const reached = [100, 110, 120];
  it('is an estimate with its interval when both are reached', () => {
    const e = settingEffect('x2', [130, 150, 160], [130, 150, 160], reached, reached);
    expect(e.kind).toBe('estimate');
    expect(e.effect).toBeCloseTo((30 + 40 + 40) / 3, 12);
    expect(e.ci95[0]).toBeLessThan(e.effect);
  });

  it('is a lower bound when only the setting is beyond the run', () => {
    const e = settingEffect('x2', [130, NaN, 160], [130, 500, 160], reached, reached);
    expect(e).toMatchObject({ kind: 'at least', reached: false });
    expect(e.effect).toBeCloseTo((30 + 390 + 40) / 3, 12);
    expect(e.ci95.every(Number.isNaN)).toBe(true);
  });

  it('is an upper bound when only the base is beyond the run', () => {
    const e = settingEffect('x0.5', [60, 70, 80], [60, 70, 80], [100, NaN, 120], [100, 500, 120]);
    expect(e).toMatchObject({ kind: 'at most' });
    expect(e.effect).toBeCloseTo((-40 - 430 - 40) / 3, 12);
  });

  it('is unknown when both are beyond the run in some replication', () => {
    const e = settingEffect('x2', [NaN, 150, 160], [600, 150, 160], [NaN, 110, 120], [500, 110, 120]);
    expect(e.kind).toBe('unknown');
    expect(e.effect).toBeNaN();
  });
});
