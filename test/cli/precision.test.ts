/** --precision: honoured by run and compare up to --reps, stated truthfully; refused by sweep and sensitivity. */
import { describe, expect, it } from 'vitest';
import { minimal, orgflow, outFolder } from './orgflow-process.js';

describe('--precision', () => {
  it('run stops at --reps and says, in words and in --json, that the target was not reached', () => {
    const r = orgflow(['run', minimal, '--precision', '0.001', '--reps', '12', '--workers', '1', '--out', outFolder()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Minimal: 12 replications/m);
    expect(r.stdout).toMatch(
      /^Target precision not reached: median known within [\d.]+% after 12 replications \(target 0\.1%\); raise --reps\.$/m,
    );
    const json = JSON.parse(
      orgflow([
        'run',
        minimal,
        '--precision',
        '0.001',
        '--reps',
        '12',
        '--workers',
        '1',
        '--out',
        outFolder(),
        '--json',
      ]).stdout,
    );
    expect(json.scenarios[0].replications).toBe(12);
    expect(json.precision).toMatchObject({ target: 0.001, met: false, replications: 12 });
    expect(json.precision.reached).toBeGreaterThan(0.001);
  });

  it('compare says the target was reached only when it was, and never claims more than it got', () => {
    const loose = orgflow([
      'compare',
      minimal,
      '--precision',
      '0.5',
      '--reps',
      '30',
      '--workers',
      '1',
      '--out',
      outFolder(),
    ]);
    expect(loose.code).toBe(0);
    expect(loose.stdout).toMatch(
      /^Target precision reached: median known within [\d.]+% after 10 replications \(target 50%\)\.$/m,
    );
    const tight = JSON.parse(
      orgflow([
        'compare',
        minimal,
        '--precision',
        '0.001',
        '--reps',
        '12',
        '--workers',
        '1',
        '--out',
        outFolder(),
        '--json',
      ]).stdout,
    );
    expect(tight.scenarios[0].replications).toBe(12);
    expect(tight.precision).toMatchObject({ target: 0.001, met: false, replications: 12 });
  });

  it.each([['sweep', '--vary', 'teams.core.analyst=1,2'], ['sensitivity']])(
    '%s refuses it with exit 2 and one line saying to use --reps, and does not offer it',
    (command, ...extra) => {
      const r = orgflow([command, minimal, ...extra, '--precision', '0.05', '--out', outFolder()]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([
        `orgflow: --precision is not available for ${command}: it runs a fixed number of replications per ${command === 'sweep' ? 'point' : 'setting'}; use --reps <n>`,
      ]);
      expect(orgflow([command, '--help']).stdout).not.toContain('--precision');
    },
  );

  it('is offered by run and compare, with --reps as its cap', () => {
    for (const command of ['run', 'compare']) {
      const help = orgflow([command, '--help']).stdout.replace(/\s+/g, ' ');
      expect(help).toContain('--precision <fraction>');
      expect(help).toMatch(/with --precision, the most it may run \(default: \d+, or 200 with --precision\)/);
    }
  });
});
