/** Scheduling priority: URGENT entries due at the same time go before NORMAL ones. */
export const URGENT = 0;
/** The default scheduling priority. */
export const NORMAL = 1;

const PRIORITY_STRIDE = 2 ** 44;

/**
 * A FIFO of entries all due at one time, with their order keys in a typed ring.
 */
class Lane<E> {
  private entries: (E | undefined)[] = new Array(64);
  private keys = new Float64Array(64);
  private head = 0;
  length = 0;

  push(entry: E, key: number): void {
    if (this.length === this.keys.length) this.grow();
    const i = (this.head + this.length) & (this.keys.length - 1);
    this.entries[i] = entry;
    this.keys[i] = key;
    this.length++;
  }

  headKey(): number {
    return this.keys[this.head];
  }

  shift(): E {
    const entry = this.entries[this.head] as E;
    this.entries[this.head] = undefined;
    this.head = (this.head + 1) & (this.keys.length - 1);
    this.length--;
    return entry;
  }

  private grow(): void {
    const size = this.keys.length;
    const entries: (E | undefined)[] = new Array(size * 2);
    const keys = new Float64Array(size * 2);
    for (let i = 0; i < this.length; i++) {
      const j = (this.head + i) & (size - 1);
      entries[i] = this.entries[j];
      keys[i] = this.keys[j];
    }
    this.entries = entries;
    this.keys = keys;
    this.head = 0;
  }
}

/**
 * The event calendar: entries ordered by (time, priority, insertion sequence).
 *
 * Times and order keys live in Float64Arrays beside the entries, not on the entries: V8
 * boxes a double held in an object field, so keeping them out of the event objects saves
 * two allocations per event. Far-future entries sit in a binary heap over the three
 * parallel arrays. Entries due now (zero delay: resource grants, succeeded events) are the
 * majority in queueing models, so they skip the heap and go into one FIFO lane per
 * priority. Every entry in a lane is due now and a lane is in sequence order, so taking
 * the smallest of the two lane heads and the heap top gives exactly the
 * (time, priority, sequence) order, at O(1) cost for zero-delay entries.
 */
export class Calendar<E> {
  private times = new Float64Array(1024);
  private keys = new Float64Array(1024);
  private entries: (E | undefined)[] = new Array(1024);
  private heapSize = 0;
  private readonly urgentNow = new Lane<E>();
  private readonly normalNow = new Lane<E>();
  private sequence = 0;
  /** The time of the entry popped last (entries in the lanes are due at this time). */
  time: number;

  constructor(startTime: number) {
    this.time = startTime;
  }

  /** Number of entries waiting. */
  get size(): number {
    return this.heapSize + this.urgentNow.length + this.normalNow.length;
  }

  /**
   * Adds `entry`, due at `time` (never before the current time). An entry due now with
   * priority URGENT or NORMAL goes into a zero-delay lane.
   */
  insert(entry: E, time: number, priority: number): void {
    const key = priority * PRIORITY_STRIDE + this.sequence++;
    if (time === this.time && priority <= NORMAL && priority >= URGENT) {
      (priority === URGENT ? this.urgentNow : this.normalNow).push(entry, key);
      return;
    }
    if (this.heapSize === this.times.length) this.grow();
    const times = this.times;
    const keys = this.keys;
    const entries = this.entries;
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && keys[parent] < key)) break;
      times[i] = pt;
      keys[i] = keys[parent];
      entries[i] = entries[parent];
      i = parent;
    }
    times[i] = time;
    keys[i] = key;
    entries[i] = entry;
  }

  /** The time of the next entry, or Infinity when the calendar is empty. */
  nextTime(): number {
    if (this.urgentNow.length > 0 || this.normalNow.length > 0) return this.time;
    return this.heapSize > 0 ? this.times[0] : Infinity;
  }

  /** Removes and returns the next entry (and sets {@link time}), or undefined when empty. */
  pop(): E | undefined {
    const heapFirst = this.heapSize > 0 && this.times[0] === this.time;
    const u = this.urgentNow;
    if (u.length > 0) {
      if (!heapFirst || u.headKey() < this.keys[0]) return u.shift();
    }
    const n = this.normalNow;
    if (n.length > 0) {
      if (!heapFirst || n.headKey() < this.keys[0]) return n.shift();
    }
    if (this.heapSize === 0) return undefined;
    const top = this.entries[0] as E;
    this.time = this.times[0];
    this.removeTop();
    return top;
  }

  private removeTop(): void {
    const last = --this.heapSize;
    const times = this.times;
    const keys = this.keys;
    const entries = this.entries;
    const t = times[last];
    const k = keys[last];
    const e = entries[last];
    entries[last] = undefined;
    const n = last;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n) {
        const tr = times[c + 1];
        const tl = times[c];
        if (tr < tl || (tr === tl && keys[c + 1] < keys[c])) c++;
      }
      const tc = times[c];
      if (t < tc || (t === tc && k < keys[c])) break;
      times[i] = tc;
      keys[i] = keys[c];
      entries[i] = entries[c];
      i = c;
    }
    if (n > 0) {
      times[i] = t;
      keys[i] = k;
      entries[i] = e;
    }
  }

  private grow(): void {
    const size = this.times.length * 2;
    const times = new Float64Array(size);
    times.set(this.times);
    const keys = new Float64Array(size);
    keys.set(this.keys);
    this.times = times;
    this.keys = keys;
    this.entries.length = size;
  }
}
