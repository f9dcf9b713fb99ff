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
 * The heap is kept in typed arrays: times, order keys and slot numbers, moved together while
 * sifting. The entries themselves sit still in a slot table, written once on insert and
 * cleared on pop. Two costs of V8 are avoided that way: a double held in an object field is
 * boxed (an allocation per event), and storing a pointer to a new object into a long-lived
 * array takes the garbage collector's slow write barrier, which a heap of objects would pay
 * on every level of every sift.
 *
 * Entries due now (zero delay: resource grants, succeeded events) are the majority in
 * queueing models, so they skip the heap and go into one FIFO lane per priority. Every
 * entry in a lane is due now and a lane is in sequence order, so taking the smallest of the
 * two lane heads and the heap top gives exactly the (time, priority, sequence) order, at
 * O(1) cost for zero-delay entries.
 */
export class Calendar<E> {
  private times = new Float64Array(256);
  private keys = new Float64Array(256);
  private slots = new Int32Array(256);
  private heapSize = 0;
  /** Entries by slot number; a slot is free while its entry is not in the heap. */
  private entries: (E | undefined)[] = [];
  private freeSlots = new Int32Array(256);
  private freeCount = 0;
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
   * priority URGENT or NORMAL goes into a zero-delay lane, unless it is `replaceable`: then
   * it goes into the heap, and the slot number returned lets {@link replace} swap it for
   * another entry (the slot is -1 for an entry in a lane).
   */
  insert(entry: E, time: number, priority: number, replaceable = false): number {
    const key = priority * PRIORITY_STRIDE + this.sequence++;
    if (time === this.time && priority <= NORMAL && priority >= URGENT && !replaceable) {
      (priority === URGENT ? this.urgentNow : this.normalNow).push(entry, key);
      return -1;
    }
    let slot: number;
    if (this.freeCount > 0) {
      slot = this.freeSlots[--this.freeCount];
      this.entries[slot] = entry;
    } else {
      slot = this.entries.length;
      this.entries.push(entry);
    }
    if (this.heapSize === this.times.length) this.grow();
    const times = this.times;
    const keys = this.keys;
    const slots = this.slots;
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && keys[parent] < key)) break;
      times[i] = pt;
      keys[i] = keys[parent];
      slots[i] = slots[parent];
      i = parent;
    }
    times[i] = time;
    keys[i] = key;
    slots[i] = slot;
    return slot;
  }

  /**
   * Puts `entry` in place of the one in `slot` (from a replaceable {@link insert}), which
   * must still be waiting; it keeps that one's time and order.
   */
  replace(slot: number, entry: E): void {
    this.entries[slot] = entry;
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
    const slot = this.slots[0];
    const top = this.entries[slot] as E;
    this.entries[slot] = undefined;
    this.freeSlots[this.freeCount++] = slot;
    this.time = this.times[0];
    this.removeTop();
    return top;
  }

  private removeTop(): void {
    const n = --this.heapSize;
    const times = this.times;
    const keys = this.keys;
    const slots = this.slots;
    const t = times[n];
    const k = keys[n];
    const s = slots[n];
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
      slots[i] = slots[c];
      i = c;
    }
    if (n > 0) {
      times[i] = t;
      keys[i] = k;
      slots[i] = s;
    }
  }

  private grow(): void {
    const size = this.times.length * 2;
    const times = new Float64Array(size);
    times.set(this.times);
    const keys = new Float64Array(size);
    keys.set(this.keys);
    const slots = new Int32Array(size);
    slots.set(this.slots);
    const freeSlots = new Int32Array(size);
    freeSlots.set(this.freeSlots);
    this.times = times;
    this.keys = keys;
    this.slots = slots;
    this.freeSlots = freeSlots;
  }
}
