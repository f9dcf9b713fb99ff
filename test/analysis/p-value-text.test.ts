import { describe, expect, it } from 'vitest';
import { pValueText } from '../../src/analysis/index.js';

describe('p-values as text', () => {
  it('keep apart what two decimals would merge, and say when there is none', () => {
    expect(pValueText(0.4321)).toBe('0.43');
    expect(pValueText(0.01)).toBe('0.01');
    expect(pValueText(0.005)).toBe('0.005');
    expect(pValueText(0.0004)).toBe('<0.001');
    expect(pValueText(Number.NaN)).toBe('-');
  });
});
