/**
 * A binary min-heap ordered by a comparison function.
 *
 * Used for priority waiting lines (resources, stores). The comparison must be a strict
 * total order (break ties with an insertion sequence) so that results are deterministic.
 */
export class BinaryHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly before: (a: T, b: T) => boolean) {}

  /** Number of items in the heap. */
  get length(): number {
    return this.items.length;
  }

  /** Adds an item. O(log n). */
  push(item: T): void {
    const items = this.items;
    let i = items.length;
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent];
      if (!this.before(item, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = item;
  }

  /** The smallest item without removing it, or undefined when empty. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** Removes and returns the smallest item, or undefined when empty. O(log n). */
  shift(): T | undefined {
    const items = this.items;
    if (items.length === 0) return undefined;
    const top = items[0];
    const last = items.pop() as T;
    if (items.length > 0) this.siftDown(0, last);
    return top;
  }

  /** Removes `item` if present; returns whether it was found. O(n). */
  remove(item: T): boolean {
    const items = this.items;
    const i = items.indexOf(item);
    if (i < 0) return false;
    const last = items.pop() as T;
    if (i < items.length) {
      this.siftDown(i, last);
      // the moved item may also need to go up
      let j = items.indexOf(last);
      while (j > 0) {
        const parent = (j - 1) >> 1;
        if (!this.before(items[j], items[parent])) break;
        [items[j], items[parent]] = [items[parent], items[j]];
        j = parent;
      }
    }
    return true;
  }

  /** The items in heap order (a copy; not sorted). */
  toArray(): T[] {
    return this.items.slice();
  }

  private siftDown(start: number, item: T): void {
    const items = this.items;
    const n = items.length;
    let i = start;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.before(items[child + 1], items[child])) child++;
      if (!this.before(items[child], item)) break;
      items[i] = items[child];
      i = child;
    }
    items[i] = item;
  }
}
