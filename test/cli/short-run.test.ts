/** A run too short for any configuration to reach its 75th percentile still draws its charts (no box, no internal error). */
import { describe, expect, it } from 'vitest';
import { orgflow, outFolder } from './orgflow-process.js';

describe('a short run', () => {
  it('draws the box chart without boxes when no 75th percentile is reached', () => {
    const r = orgflow(['compare', '--horizon', '730', '--reps', '10', '--out', outFolder(), '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('internal error');
  });
});
