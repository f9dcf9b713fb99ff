/**
 * A first-in first-out queue on a growable ring buffer.
 *
 * `Array.prototype.shift` is O(n) and the queues of a busy resource can hold many
 * thousands of waiters, so waiting lines use this O(1) queue instead.
 */
export class RingQueue<T> {
  private buffer: (T | undefined)[];
  private mask: number;
  private head = 0;
  private count = 0;

  constructor(initialCapacity = 16) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.buffer = new Array<T | undefined>(capacity);
    this.mask = capacity - 1;
  }

  /** Number of items in the queue. */
  get length(): number {
    return this.count;
  }

  /** Adds an item at the back. */
  push(item: T): void {
    if (this.count === this.buffer.length) this.grow();
    this.buffer[(this.head + this.count) & this.mask] = item;
    this.count++;
  }

  /** Removes and returns the front item, or undefined when empty. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.buffer[this.head];
    this.buffer[this.head] = undefined; // let the item be collected
    this.head = (this.head + 1) & this.mask;
    this.count--;
    return item;
  }

  /** The front item without removing it, or undefined when empty. */
  peek(): T | undefined {
    return this.count === 0 ? undefined : this.buffer[this.head];
  }

  /** Removes the first occurrence of `item`; returns whether it was found. O(n). */
  remove(item: T): boolean {
    for (let i = 0; i < this.count; i++) {
      if (this.buffer[(this.head + i) & this.mask] === item) {
        for (let j = i; j < this.count - 1; j++) {
          this.buffer[(this.head + j) & this.mask] = this.buffer[(this.head + j + 1) & this.mask];
        }
        this.buffer[(this.head + this.count - 1) & this.mask] = undefined;
        this.count--;
        return true;
      }
    }
    return false;
  }

  /** The items from front to back (a copy). */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.buffer[(this.head + i) & this.mask] as T);
    return out;
  }

  private grow(): void {
    const old = this.buffer;
    const next = new Array<T | undefined>(old.length * 2);
    for (let i = 0; i < this.count; i++) next[i] = old[(this.head + i) & this.mask];
    this.buffer = next;
    this.mask = next.length - 1;
    this.head = 0;
  }
}
