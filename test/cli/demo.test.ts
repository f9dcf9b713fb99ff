/** orgflow demo: the engine's own check, with --reps like every other command. */
import { describe, expect, it } from 'vitest';
import { orgflow } from './orgflow-process.js';

describe('orgflow demo', () => {
  it('runs the Erlang C check with the replications --reps asks for', () => {
    const r = orgflow(['demo', '--reps', '2', '--customers', '2000']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 replications x 2,000 requests');
    expect(r.stdout).toMatch(/Erlang C says: +\d+\.\d{3} days/);
    expect(orgflow(['demo', '--help']).stdout).toMatch(/--reps <n> +independent replications \(default: 20\)/);
  });

  it('still takes the former --replications, unlisted, and refuses it together with --reps', () => {
    expect(orgflow(['demo', '--replications', '3', '--customers', '2000']).stdout).toContain(
      '3 replications x 2,000 requests',
    );
    expect(orgflow(['demo', '--help']).stdout).not.toContain('--replications');
    const both = orgflow(['demo', '--replications', '3', '--reps', '2']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("option '--replications <n>' cannot be used with option '--reps <n>'");
  });
});
