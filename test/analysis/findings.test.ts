/**
 * What a comparison found, computed in analysis for the terminal, the report and notebooks:
 * the best configuration by median time to production, its paired comparisons with every
 * other one, and a headline with its caveats.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  findingsOf,
  headlineOf,
  summariseExperiment,
  type ScenarioSummary,
  type Unreached,
} from '../../src/analysis/index.js';
import { runExperiment, type ExperimentResult } from '../../src/experiment/index.js';
import { validateScenario } from '../../src/scenario/index.js';
import { poolingScenario } from '../support/small-scenarios.js';

// a team per domain with slow handovers against one pooled team: pooling is clearly faster
const fragmented = { name: 'Team per domain', spec: validateScenario(poolingScenario('fragmented', 10)).spec };
const pooled = { name: 'Pooled team', spec: validateScenario(poolingScenario('pooled', 0)).spec };

let experiment: ExperimentResult;
let summaries: ScenarioSummary[];

beforeAll(async () => {
  experiment = await runExperiment([fragmented, pooled], { replications: 8, workers: 1, seed: 7 });
  summaries = summariseExperiment(experiment);
}, 120_000);

/** The summaries with `name`'s median made a lower bound: the run ended before half its use cases were live. */
function medianUnreached(name: string, atLeast: number): ScenarioSummary[] {
  const unreached: Unreached = { estimate: null, atLeast, ci95: null };
  return summaries.map((s) =>
    s.name === name ? { ...s, timeToProduction: { ...s.timeToProduction, p50: unreached } } : s,
  );
}

describe('the findings of a comparison', () => {
  it('name the configuration with the shortest median the best, whatever the order of the scenarios', () => {
    const findings = findingsOf(experiment);
    expect(findings.best).toBe('Pooled team');
    expect(findings.headline.best).toBe('Pooled team');
    expect(findings.summaries.map((s) => s.name)).toEqual(['Team per domain', 'Pooled team']);
  });

  it('compare the best with every other configuration, metric by metric', () => {
    const { comparisons } = findingsOf(experiment);
    expect(comparisons.length).toBeGreaterThan(0);
    expect(comparisons.every((c) => c.a === 'Pooled team' && c.b === 'Team per domain')).toBe(true);
    expect(comparisons.map((c) => c.metric)).toContain('timeToProduction.p50');
  });

  it('say in the headline how much faster the best is than the runner-up, with its interval', () => {
    expect(findingsOf(experiment).headline.text).toMatch(
      /^Pooled team: median \d+ days to production, \d+% faster than Team per domain \(95% CI \d+% to \d+%\)\./,
    );
  });

  it('quote the median comparison with the runner-up, not with a slower configuration', async () => {
    const slowest = { name: 'Slow handovers', spec: validateScenario(poolingScenario('fragmented', 40)).spec };
    const three = await runExperiment([slowest, fragmented, pooled], { replications: 8, workers: 1, seed: 7 });
    const findings = findingsOf(three);
    expect(findings.summaries.map((s) => s.name)).toEqual(['Slow handovers', 'Team per domain', 'Pooled team']);
    const medianAgainst = (name: string) =>
      findings.comparisons.find((c) => c.b === name && c.metric === 'timeToProduction.p50');
    const quoted = (name: string): string => {
      const c = medianAgainst(name);
      if (c === undefined) throw new Error(`no median comparison with ${name}`);
      const pct = (x: number): string => `${Math.round(x * 100)}%`;
      return `${pct(1 - c.ratio)} faster than ${name} (95% CI ${pct(1 - c.ratioCi95[1])} to ${pct(1 - c.ratioCi95[0])})`;
    };
    expect(quoted('Slow handovers')).not.toBe(quoted('Team per domain').replace('Team per domain', 'Slow handovers'));
    expect(findings.headline.text).toContain(quoted('Team per domain'));
  }, 120_000);

  it('rank a median the run does not reach after every reached one, however low its bound, and say so', () => {
    const findings = findingsOf(experiment, medianUnreached('Pooled team', 1));
    expect(findings.best).toBe('Team per domain');
    expect(findings.headline.text).toMatch(/against over 1 days/);
    expect(findings.headline.text).toMatch(
      /\(Pooled team: in at least one replication the run ended before half of the use cases that go live were live\.\)/,
    );
  });

  it('carry the caveats: the replications behind them, open use cases, and a configuration that does not keep up', () => {
    const unstable = summaries.map((s) =>
      s.name === 'Team per domain'
        ? { ...s, stable: false, verdict: 'does-not-keep-up' as const, stability: 'Team per domain grows.' }
        : s,
    );
    const { caveats } = findingsOf(experiment, unstable).headline;
    expect(caveats[0]).toBe('Team per domain grows.');
    expect(caveats.join('\n')).toMatch(/Simulated: 8 replications of each configuration/);
    expect(caveats.join('\n')).toMatch(/still open at the end/);
  });

  it("warn when Little's law did not hold in some run", () => {
    const broken = summaries.map((s, i) => (i === 0 ? { ...s, littleViolations: 1 } : s));
    expect(findingsOf(experiment, broken).headline.caveats.at(-1)).toMatch(/Little's law did not hold/);
    expect(findingsOf(experiment).headline.caveats.join('\n')).not.toMatch(/Little's law/);
  });

  it('give the median of a single configuration alone, with nothing to compare', () => {
    const single = { ...experiment, scenarios: experiment.scenarios.slice(1) };
    const findings = findingsOf(single);
    expect(findings.comparisons).toEqual([]);
    expect(findings.headline.text).toMatch(/^Pooled team: median \d+ days to production\./);
    expect(findings.headline.caveats.join('\n')).toMatch(/replications of the scenario/);
  });

  it('give the same headline through headlineOf', () => {
    expect(headlineOf(experiment, summaries)).toEqual(findingsOf(experiment, summaries).headline);
  });
});
