/** A run too large stops before it starts, with exit 2, the figure, its value, what drives it and how to lift the bound. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { minimal, orgflow, outFolder, root } from './orgflow-process.js';

const centralized = join(root, 'scenarios', 'centralized.yaml');

describe('bounded runs', () => {
  it.each([
    { command: 'run', args: [centralized, '--set', 'domains.marketing.demand.dashboard=1e4'] },
    { command: 'compare', args: [centralized, '--set', 'domains.marketing.demand.dashboard=1e6'] },
    { command: 'sweep', args: [minimal, '--vary', 'domains.sales.demand.report=1,1e6'] },
    { command: 'sensitivity', args: [minimal, '--set', 'domains.sales.demand.report=1e6'] },
  ])(
    '$command $args.1 $args.2 stops at once: exit 2 naming the figure, horizon_days, demand and --max-use-cases',
    ({ command, args }) => {
      // without the bound these run out of memory (or for ever): the run is given 30 s
      const r = orgflow([command, ...args, '--workers', '1', '--quiet', '--out', outFolder()], 30_000);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        /orgflow: run too large: about [\d,]+ use cases in one replication of ".*", more than the bound of 200,000; they come from its horizon_days \([\d,]+ days\) and demand \([\d.e+]+ use cases per month over all domains and types/,
      );
      expect(r.stderr).toContain('--max-use-cases <n>');
      expect(r.stderr).not.toMatch(/internal error|\s+at .*:\d+:\d+/);
    },
  );

  it('bounds horizon_days even with no demand: exit 2 at once, naming horizon_days and its bound', () => {
    // without the bound this runs out of memory after about 40 s; the scenario check refuses it (validate too)
    const r = orgflow(
      [
        'run',
        minimal,
        '--set',
        'domains.sales.demand.report=0',
        '--horizon',
        '1e9',
        '--reps',
        '1',
        '--workers',
        '1',
        '--out',
        outFolder(),
      ],
      30_000,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /error at horizon_days: expected a number > 0 and <= 365000 \(simulated calendar days, at most a thousand years\), found 1000000000/,
    );
  });

  it('bounds the whole run too: replications times scenarios; --reps is named', () => {
    const r = orgflow(['compare', '--reps', '20000', '--workers', '1', '--out', outFolder()], 30_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /orgflow: run too large: about [\d,]+ use cases in the whole run .*more than the bound of 5,000,000/,
    );
    expect(r.stderr).toContain('lower --reps');
  });

  it('--max-use-cases lifts the bound', () => {
    // the minimal scenario: 2 use cases a month over 400 days, about 26 a replication
    expect(
      orgflow(['run', minimal, '--reps', '2', '--workers', '1', '--max-use-cases', '20', '--out', outFolder()]).code,
    ).toBe(2);
    expect(
      orgflow(['run', minimal, '--reps', '2', '--workers', '1', '--max-use-cases', '30', '--out', outFolder()]).code,
    ).toBe(0);
  });
});
