/**
 * The journey the report draws is picked in the metrics layer, from a run's items and event
 * log: the live use case of the measured window with the most handovers (the lowest id among
 * equals), with its own rows of the log and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { journeyItem, journeyOf } from '../../src/metrics/journey.js';
import { EventLog, type LogKind } from '../../src/model/event-log.js';
import { newItemRecord, type ItemRecord } from '../../src/model/item-record.js';

function item(id: number, arrival: number, outcome: ItemRecord['outcome'], handovers: number): ItemRecord {
  return { ...newItemRecord(id, 'finance', 'forecast', arrival), outcome, handovers };
}

/** A log of interleaved rows of use cases 1, 2 and 3. */
function logOf(rows: [number, number, LogKind, string][]): EventLog {
  const log = new EventLog();
  for (const [time, id, kind, team] of rows)
    log.add({ time, kind, item: id, domain: 'finance', type: 'forecast', team });
  return log;
}

const log = logOf([
  [10, 1, 'arrival', ''],
  [11, 2, 'arrival', ''],
  [12, 1, 'activity_end', 'hub'],
  [13, 3, 'arrival', ''],
  [14, 2, 'handover', 'hub'],
  [15, 2, 'activity_end', 'spoke'],
  [16, 3, 'go_live', ''],
  [17, 2, 'go_live', ''],
]);

describe('the journey of a run', () => {
  it('is the live use case arrived after the warm-up with the most handovers', () => {
    const items = [
      item(1, 5, 'live', 9), // arrived during the warm-up
      item(2, 20, 'live', 3),
      item(3, 21, 'abandoned', 7),
      item(4, 22, 'in_progress', 8),
      item(5, 23, 'live', 2),
    ];
    expect(journeyItem({ items, warmup: 10 })?.id).toBe(2);
  });

  it('takes the lowest id among use cases with as many handovers, whatever their order', () => {
    const items = [item(7, 20, 'live', 4), item(3, 30, 'live', 4), item(5, 25, 'live', 4), item(2, 40, 'live', 1)];
    expect(journeyItem({ items, warmup: 0 })?.id).toBe(3);
    expect(journeyItem({ items: [...items].reverse(), warmup: 0 })?.id).toBe(3);
  });

  it("carries the use case's record and its rows of the log alone, in the log's order", () => {
    const chosen = item(2, 11, 'live', 1);
    const journey = journeyOf({ items: [item(1, 10, 'live', 0), chosen], warmup: 0, log: log.columns });
    expect(journey?.item).toEqual(chosen);
    expect(journey?.log.time).toEqual([11, 14, 15, 17]);
    expect(journey?.log.kind).toEqual(['arrival', 'handover', 'activity_end', 'go_live']);
    expect(journey?.log.team).toEqual(['', 'hub', 'spoke', '']);
    for (const column of Object.values(journey?.log ?? {})) expect(column).toHaveLength(4);
  });

  it('is absent when no use case of the measured window went live', () => {
    const items = [item(1, 5, 'live', 2), item(2, 20, 'abandoned', 3)];
    expect(journeyOf({ items, warmup: 10, log: log.columns })).toBeUndefined();
  });

  it('needs the event log: a run without one is refused, not given an empty journey', () => {
    expect(() => journeyOf({ items: [item(2, 11, 'live', 1)], warmup: 0, log: new EventLog(false).columns })).toThrow(
      /event log/,
    );
  });

  it('crosses between threads as it is (structured clone)', () => {
    const journey = journeyOf({ items: [item(2, 11, 'live', 1)], warmup: 0, log: log.columns });
    expect(structuredClone(journey)).toEqual(journey);
  });
});
