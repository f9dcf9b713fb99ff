import { describe, expect, it } from 'vitest';
import { Calendar, NORMAL, URGENT } from '../../src/engine/calendar.js';

describe('Calendar', () => {
  it('pops entries in (time, priority, insertion) order, whether they sit in the heap or a zero-delay lane', () => {
    const cal = new Calendar<string>(0);
    cal.insert('b@2', 2, NORMAL);
    cal.insert('now-normal-1', 0, NORMAL);
    cal.insert('a@1', 1, NORMAL);
    cal.insert('now-urgent', 0, URGENT);
    cal.insert('now-normal-2', 0, NORMAL);
    cal.insert('c@1-urgent', 1, URGENT);
    cal.insert('d@1', 1, NORMAL);
    const order: string[] = [];
    for (let e = cal.pop(); e !== undefined; e = cal.pop()) order.push(`${e}:${cal.time}`);
    expect(order).toEqual([
      'now-urgent:0',
      'now-normal-1:0',
      'now-normal-2:0',
      'c@1-urgent:1',
      'a@1:1',
      'd@1:1',
      'b@2:2',
    ]);
  });

  it('puts an entry due now after a heap entry due at the same time that was scheduled before it', () => {
    const cal = new Calendar<string>(0);
    cal.insert('early', 5, NORMAL);
    cal.insert('trigger', 5, NORMAL);
    expect(cal.pop()).toBe('early'); // clock is now 5
    cal.insert('zero-delay', 5, NORMAL); // a lane entry, scheduled after 'trigger'
    expect([cal.pop(), cal.pop()]).toEqual(['trigger', 'zero-delay']);
  });

  it('keeps a replaceable entry due now in order with the lane, and a replacement takes its place', () => {
    const cal = new Calendar<string>(0);
    cal.insert('lane-1', 0, NORMAL);
    const slot = cal.insert('wake-up', 0, NORMAL, true);
    cal.insert('lane-2', 0, NORMAL);
    const later = cal.insert('later', 3, NORMAL, true);
    expect(slot).toBeGreaterThanOrEqual(0);
    expect(cal.insert('in-lane', 0, NORMAL)).toBe(-1);
    cal.replace(later, 'replacement');
    const order: string[] = [];
    for (let e = cal.pop(); e !== undefined; e = cal.pop()) order.push(`${e}:${cal.time}`);
    expect(order).toEqual(['lane-1:0', 'wake-up:0', 'lane-2:0', 'in-lane:0', 'replacement:3']);
  });

  it('matches a sorted reference on 20,000 random inserts and pops', () => {
    const cal = new Calendar<number>(0);
    const reference: { time: number; key: number; id: number }[] = [];
    let seed = 7;
    const rand = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    let now = 0;
    let seq = 0;
    const popped: number[] = [];
    const expected: number[] = [];
    for (let step = 0; step < 20000; step++) {
      if (rand() < 0.55) {
        const delay = rand() < 0.3 ? 0 : Math.floor(rand() * 20);
        const priority = rand() < 0.2 ? URGENT : NORMAL;
        cal.insert(seq, now + delay, priority);
        reference.push({ time: now + delay, key: priority * 1e9 + seq, id: seq });
        seq++;
      } else if (reference.length > 0) {
        reference.sort((a, b) => a.time - b.time || a.key - b.key);
        const next = reference.shift()!;
        expected.push(next.id);
        popped.push(cal.pop()!);
        now = cal.time;
      }
    }
    expect(popped).toEqual(expected);
    expect(cal.size).toBe(reference.length);
  });
});
