import { finite, type Distribution } from '../distribution.js';

/** Always the same value. */
export class Constant implements Distribution {
  readonly kind = 'constant';
  readonly variance = 0;
  constructor(readonly value: number) {
    finite('constant', 'value', value);
  }
  get mean(): number {
    return this.value;
  }
  sample(): number {
    return this.value;
  }
}

/** A distribution that always gives `value` (e.g. a fixed duration). */
export function constant(value: number): Constant {
  return new Constant(value);
}
