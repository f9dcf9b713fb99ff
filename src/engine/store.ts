import { BinaryHeap } from './binary-heap.js';
import { InvalidArgumentError } from './errors.js';
import { Event } from './event.js';
import type { Environment } from './environment.js';
import { RingQueue } from './ring-queue.js';

/** Options of a {@link Store}. */
export interface StoreOptions<T> {
  /** Most items held at once; a put waits while the store is full. Default Infinity. */
  capacity?: number;
  /**
   * Makes it a priority store: get() takes the item that sorts first by this comparison
   * (negative when `a` goes first), FIFO among equals. Default: FIFO.
   */
  order?: (a: T, b: T) => number;
  /** A name for messages and reports. */
  name?: string;
}

/** An event that succeeds when the item has been put into the store. */
export class StorePut<T> extends Event<undefined> {
  constructor(
    env: Environment,
    readonly item: T,
  ) {
    super(env);
  }
}

/** An event that succeeds with the item taken from the store. */
export class StoreGet<T> extends Event<T> {}

interface Entry<T> {
  item: T;
  sequence: number;
}

/**
 * A queue of items between processes: put() adds (waiting while full), get() takes (waiting
 * while empty). Producers and consumers are served first come, first served.
 *
 * ```ts
 * const inbox = new Store<string>(env);
 * env.process(function* () { yield inbox.put('job'); }());
 * env.process(function* () { const job = yield inbox.get(); }());
 * ```
 */
export class Store<T> {
  readonly name: string;
  readonly capacity: number;
  private readonly fifo: RingQueue<Entry<T>> | null;
  private readonly sorted: BinaryHeap<Entry<T>> | null;
  private readonly getters = new RingQueue<StoreGet<T>>();
  private readonly putters = new RingQueue<StorePut<T>>();
  private sequence = 0;
  private readonly entryBefore: ((a: Entry<T>, b: Entry<T>) => boolean) | null;

  constructor(
    readonly env: Environment,
    options: StoreOptions<T> = {},
  ) {
    const capacity = options.capacity ?? Infinity;
    if (!(capacity >= 1) || (capacity !== Infinity && !Number.isInteger(capacity))) {
      throw new InvalidArgumentError(`store capacity must be a whole number >= 1 or Infinity, got ${capacity}`);
    }
    this.capacity = capacity;
    this.name = options.name ?? 'store';
    const order = options.order;
    if (order !== undefined) {
      const before = (a: Entry<T>, b: Entry<T>): boolean => {
        const c = order(a.item, b.item);
        return c < 0 || (c === 0 && a.sequence < b.sequence);
      };
      this.entryBefore = before;
      this.sorted = new BinaryHeap<Entry<T>>(before);
      this.fifo = null;
    } else {
      this.entryBefore = null;
      this.fifo = new RingQueue<Entry<T>>();
      this.sorted = null;
    }
  }

  /** Number of items held. */
  get size(): number {
    return this.fifo !== null ? this.fifo.length : (this.sorted as BinaryHeap<Entry<T>>).length;
  }

  /** Number of get() calls waiting for an item. */
  get waitingGetters(): number {
    return this.getters.length;
  }

  /** The items held, in the order get() would take them. */
  get items(): T[] {
    if (this.fifo !== null) return this.fifo.toArray().map((e) => e.item);
    const before = this.entryBefore as (a: Entry<T>, b: Entry<T>) => boolean;
    const entries = (this.sorted as BinaryHeap<Entry<T>>).toArray();
    return entries.sort((a, b) => (before(a, b) ? -1 : 1)).map((e) => e.item);
  }

  /** Adds `item`; the returned event succeeds once it is in (at once unless full). */
  put(item: T): StorePut<T> {
    const event = new StorePut<T>(this.env, item);
    if (this.size < this.capacity && this.putters.length === 0) {
      this.add(item);
      event._settle(undefined);
      this.serveGetters();
    } else {
      this.putters.push(event);
    }
    return event;
  }

  /** Takes the next item; the returned event succeeds with it (at once unless empty). */
  get(): StoreGet<T> {
    const event = new StoreGet<T>(this.env);
    if (this.size > 0 && this.getters.length === 0) {
      event._settle(this.take());
      this.admitPutters();
    } else {
      this.getters.push(event);
    }
    return event;
  }

  /** Withdraws a put or get that is still waiting; returns whether it was waiting. */
  cancel(event: StorePut<T> | StoreGet<T>): boolean {
    return event instanceof StorePut ? this.putters.remove(event) : this.getters.remove(event);
  }

  private add(item: T): void {
    const entry = { item, sequence: this.sequence++ };
    if (this.fifo !== null) this.fifo.push(entry);
    else (this.sorted as BinaryHeap<Entry<T>>).push(entry);
  }

  private take(): T {
    const entry = (this.fifo !== null ? this.fifo.shift() : (this.sorted as BinaryHeap<Entry<T>>).shift()) as Entry<T>;
    return entry.item;
  }

  private serveGetters(): void {
    while (this.size > 0 && this.getters.length > 0) {
      (this.getters.shift() as StoreGet<T>).succeed(this.take());
      this.admitPutters();
    }
  }

  private admitPutters(): void {
    while (this.size < this.capacity && this.putters.length > 0) {
      const put = this.putters.shift() as StorePut<T>;
      this.add(put.item);
      put.succeed(undefined);
    }
  }
}
