/**
 * The growth of the portfolio from hand-made replications: time to production by the quarter
 * a use case arrived in, maintenance per quarter from the event log and models in production
 * at each quarter's end, every quarter boundary at warm-up + k * 91.25 days.
 */
import { describe, expect, it } from 'vitest';
import {
  deliveryByArrivalQuarter,
  maintenanceByQuarter,
  modelsInProductionByQuarter,
} from '../../src/analysis/portfolio-growth.js';
import type { LogColumns, LogKind } from '../../src/model/event-log.js';
import { emptyFlow, experimentOf, item, metrics, replication } from './synthetic.js';

const WARMUP = 100;
const Q = 365 / 4;
/** Two complete quarters after the warm-up and a little more. */
const HORIZON = WARMUP + 2 * Q + 10;

describe('delivery by arrival quarter', () => {
  const experiment = experimentOf([
    {
      name: 'A',
      replications: [
        replication(
          metrics(),
          {
            items: [
              item(1, WARMUP + Q, WARMUP + Q + 100), // the first day of quarter 2
              item(2, WARMUP, WARMUP + 10),
              item(3, 150, 180),
              item(4, WARMUP + Q - 0.01, WARMUP + Q + 19.99), // the last moment of quarter 1
              item(5, 300, NaN), // quarter 3: open, no median
            ],
          },
          0,
        ),
        replication(
          metrics(),
          {
            items: [
              item(6, 120, 160),
              item(7, 130, NaN),
              item(8, 140, 145, { outcome: 'abandoned', timeToProduction: NaN }),
            ],
          },
          1,
        ),
      ],
    },
    { name: 'B', replications: [replication(metrics(), { items: [item(1, 110, 115)] })] },
  ]);

  it('pools the replications, gives the median of each quarter in order with its use cases and those still open', () => {
    // quarter 1: live after 10, 30, 20, 40 days, one abandoned, one open (censored after them all): median 30
    expect(deliveryByArrivalQuarter(experiment, WARMUP)).toEqual([
      { scenario: 'A', quarter: 1, medianDays: 30, useCases: 6, open: 1 },
      { scenario: 'A', quarter: 2, medianDays: 100, useCases: 1, open: 0 },
      { scenario: 'B', quarter: 1, medianDays: 5, useCases: 1, open: 0 },
    ]);
  });
});

/** An event log with only what the maintenance sums read. */
function log(rows: [number, LogKind, number][]): LogColumns {
  return {
    time: rows.map((r) => r[0]),
    kind: rows.map((r) => r[1]),
    duration: rows.map((r) => r[2]),
  } as LogColumns;
}

describe('maintenance by quarter', () => {
  it('sums the maintenance ended in each complete quarter after the warm-up, mean over replications', () => {
    const experiment = experimentOf([
      {
        name: 'A',
        replications: [
          replication(metrics(), {
            log: log([
              [WARMUP - 1, 'maintenance_end', 100], // in the warm-up
              [WARMUP, 'maintenance_end', 3],
              [WARMUP + Q - 0.01, 'maintenance_end', 1],
              [WARMUP + 50, 'activity_end', 50], // not maintenance
              [WARMUP + 50, 'maintenance_start', 50],
              [WARMUP + Q, 'maintenance_end', 5],
              [WARMUP + 2 * Q, 'maintenance_end', 100], // in the partial quarter at the end
            ]),
          }),
          replication(metrics(), { log: log([[WARMUP + 50, 'maintenance_end', 2]]) }),
        ],
      },
    ]);
    expect(maintenanceByQuarter(experiment, WARMUP, HORIZON)).toEqual([
      { scenario: 'A', quarter: 1, maintenanceDays: 3 },
      { scenario: 'A', quarter: 2, maintenanceDays: 2.5 },
    ]);
  });

  it('needs the event logs', () => {
    const experiment = experimentOf([{ name: 'A', replications: [replication(metrics())] }]);
    expect(() => maintenanceByQuarter(experiment, WARMUP, HORIZON)).toThrow(
      new RangeError('maintenanceByQuarter needs the event logs: run the experiment with keepLogs: true'),
    );
  });
});

describe('models in production by quarter', () => {
  const flow = (time: number[], inProduction: number[]) => ({ ...emptyFlow(), time, inProduction });

  it("takes the last sample at or before each quarter's end, mean over replications", () => {
    const experiment = experimentOf([
      {
        name: 'A',
        replications: [
          replication(metrics(), {
            flow: flow([0, WARMUP, WARMUP + Q, WARMUP + Q + 1, WARMUP + 2 * Q, HORIZON], [1, 2, 3, 4, 5, 6]),
          }),
          replication(metrics(), { flow: flow([0, WARMUP + Q - 1, HORIZON], [10, 20, 30]) }),
        ],
      },
      { name: 'B', replications: [] },
    ]);
    expect(modelsInProductionByQuarter(experiment, WARMUP, HORIZON)).toEqual([
      { scenario: 'A', quarter: 1, models: (3 + 20) / 2 },
      { scenario: 'A', quarter: 2, models: (5 + 20) / 2 },
      { scenario: 'B', quarter: 1, models: 0 },
      { scenario: 'B', quarter: 2, models: 0 },
    ]);
  });
});
