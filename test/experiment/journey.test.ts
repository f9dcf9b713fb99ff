/**
 * The report does not run the model again: the first replication of each scenario brings
 * back the journey it draws, the same use case with the same rows as a full run with its
 * event log would give, and small beside that log.
 */
import { describe, expect, it } from 'vitest';
import { runExperiment, runReplicationTask } from '../../src/experiment/index.js';
import { journeyItem, logRowsOf } from '../../src/metrics/journey.js';
import { simulate } from '../../src/model/index.js';
import { validateScenario } from '../../src/scenario/index.js';
import { poolingScenario } from '../support/small-scenarios.js';

const spec = validateScenario(poolingScenario('fragmented', 2)).spec;
const task = { scenarioIndex: 0, replication: 0, seed: 11, spec, keepLog: false };

describe("a replication's journey", () => {
  it('is the use case, and its rows, that a full run of the same seed with its event log gives', () => {
    const full = simulate(spec, { seed: 11 });
    const expected = journeyItem(full);
    expect(expected).toBeDefined();
    const { journey } = runReplicationTask({ ...task, keepJourney: true });
    expect(journey?.item).toEqual(expected);
    expect(journey?.log).toEqual(logRowsOf(full.log, expected?.id ?? -1));
    expect(journey?.log.time.length).toBeLessThan(full.log.time.length / 20);
  });

  it('leaves the metrics as they are without it, and comes back only when asked for, without the whole log', () => {
    const plain = runReplicationTask({ ...task, keepItems: true });
    const withJourney = runReplicationTask({ ...task, keepItems: true, keepJourney: true });
    expect(plain.journey).toBeUndefined();
    expect(withJourney.log).toBeUndefined();
    expect(withJourney.metrics).toEqual(plain.metrics);
    expect(withJourney.items).toEqual(plain.items);
  });

  it('comes back from the first replication of each scenario of an experiment, from a worker thread too', async () => {
    const other = validateScenario(poolingScenario('pooled', 2)).spec;
    const scenarios = [
      { name: 'fragmented', spec },
      { name: 'pooled', spec: other },
    ];
    const experiment = await runExperiment(scenarios, { replications: 3, seed: 4, workers: 2 });
    for (const s of experiment.scenarios) {
      expect(s.replications.map((r) => r.journey !== undefined)).toEqual([true, false, false]);
      const first = s.replications[0];
      const full = simulate(s.name === 'pooled' ? other : spec, { seed: first.seed });
      expect(first.journey?.item.id).toBe(journeyItem(full)?.id);
    }
  });
});
