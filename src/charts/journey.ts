/**
 * One use case's journey: a swimlane per team over time, a bar per activity (coloured by
 * loop, outlined when it is rework), thin grey bars for waits, and dashed marks for
 * handovers.
 */
import type { LogColumns } from '../model/index.js';
import { humanise, OTHER_PALETTE, themed, type VegaLiteSpec } from './theme.js';

interface JourneyMarks {
  /** Activities, by team lane. */
  bars: Record<string, unknown>[];
  /** Waits for a person, in their team's lane (the last activity's when the row names none). */
  waits: Record<string, unknown>[];
  /** Handovers and clarifications. */
  handovers: Record<string, unknown>[];
  /** The first and last day of the journey, maintenance left out. */
  first: number;
  last: number;
}

/** The marks of use case `item` from its rows of the log. */
function journeyMarks(log: LogColumns, item: number): JourneyMarks {
  const bars: Record<string, unknown>[] = [];
  const waits: Record<string, unknown>[] = [];
  const handovers: Record<string, unknown>[] = [];
  let lastLane = '';
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < log.time.length; i++) {
    if (log.item[i] !== item) continue;
    const kind = log.kind[i];
    const end = log.time[i];
    const start = end - log.duration[i];
    const lane = log.team[i] || lastLane;
    if (kind !== 'maintenance_start' && kind !== 'maintenance_end') {
      first = Math.min(first, start);
      last = Math.max(last, end);
    }
    if (kind === 'activity_end') {
      bars.push({
        lane: humanise(lane),
        start,
        end,
        loop: log.loop[i],
        activity: log.activity[i],
        rework: log.detail[i] === 'rework' ? 'rework' : 'first pass',
        person: log.person[i],
      });
      lastLane = lane;
    } else if (kind === 'wait') {
      waits.push({ lane: humanise(lane), start, end });
    } else if (kind === 'handover' || kind === 'clarification') {
      handovers.push({
        start,
        end,
        what: kind === 'handover' ? `handover (${log.detail[i].replace('_', ' ')})` : 'clarification',
      });
    }
  }
  return { bars, waits, handovers, first, last };
}

export function journeyChart(log: LogColumns, item: number, description = ''): VegaLiteSpec {
  const { bars, waits, handovers, first, last } = journeyMarks(log, item);
  if (bars.length === 0) throw new RangeError(`use case ${item} has no activity in this log`);
  const lanes = [...new Set(bars.map((b) => b.lane as string))];
  const x = {
    field: 'start',
    type: 'quantitative',
    title: 'Day',
    scale: { domain: [Math.floor(first), Math.ceil(last)], nice: false },
  };
  return themed(
    {
      width: 640,
      height: { step: 36 },
      layer: [
        {
          data: { values: waits },
          mark: { type: 'bar', color: '#bbbbbb', size: 6 },
          encoding: { y: { field: 'lane', type: 'nominal', title: null, sort: lanes }, x, x2: { field: 'end' } },
        },
        {
          data: { values: bars },
          mark: { type: 'bar', size: 20, strokeWidth: 2 },
          encoding: {
            y: { field: 'lane', type: 'nominal', title: null, sort: lanes },
            x,
            x2: { field: 'end' },
            color: {
              field: 'loop',
              type: 'nominal',
              title: 'Loop',
              scale: { range: OTHER_PALETTE },
            },
            stroke: {
              field: 'rework',
              type: 'nominal',
              title: 'Pass',
              scale: { domain: ['first pass', 'rework'], range: ['white', OTHER_PALETTE[1]] },
              legend: { symbolFillColor: '#bbbbbb', symbolStrokeWidth: 3 },
            },
            tooltip: [
              { field: 'activity' },
              { field: 'person' },
              { field: 'start', format: '.1f' },
              { field: 'end', format: '.1f' },
            ],
          },
        },
        {
          data: { values: handovers },
          mark: { type: 'rule', strokeDash: [4, 3], color: OTHER_PALETTE[2], strokeWidth: 1.5 },
          encoding: { x, x2: { field: 'end' } },
        },
      ],
    },
    `Journey of use case ${item}${description ? ` (${description})` : ''}`,
    'Bars: work by team (outlined red: rework); grey: waiting for a person; dashed: handovers and clarifications',
  );
}
