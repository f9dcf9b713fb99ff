/**
 * Raw 32-bit words from keyed streams, little-endian on stdout, for a statistical battery:
 *
 *   node dist/bench/random-quality.js | dieharder -g 200 -a       (dieharder: Debian's package)
 *
 * The words come as the model draws them: short streams of consecutive keys (the use cases
 * 0, 1, 2, ... of one family), `--words` from each, one stream after the other
 * (`--layout sequential`) or a word from each of `--streams` streams in turn (`--layout
 * interleaved`), so a battery sees both each stream and the streams side by side. The
 * master seed and the family are fixed, as in a run. It writes until stdout is closed.
 */
import { RandomStreams } from '../src/random/index.js';
import { benchCommandLine } from './command-line.js';

const { values: args, fail } = benchCommandLine(
  'usage: node dist/bench/random-quality.js [--layout sequential|interleaved] [--words N] [--streams N] | dieharder -g 200 -a',
  {
    layout: { type: 'string', default: 'sequential' },
    words: { type: 'string', default: '64' },
    streams: { type: 'string', default: '1000' },
  },
);
const words = Number(args.words);
const streamCount = Number(args.streams);
if (!Number.isInteger(words) || words < 1) fail(`--words must be a whole number >= 1, got ${args.words}`);
if (!Number.isInteger(streamCount) || streamCount < 1)
  fail(`--streams must be a whole number >= 1, got ${args.streams}`);
if (args.layout !== 'sequential' && args.layout !== 'interleaved')
  fail(`--layout: expected sequential or interleaved, got ${args.layout}`);

const streams = new RandomStreams(1);
const BUFFER_WORDS = 1 << 16;
let key = 0;
/** Fills `out` with the next words of the layout. */
function fill(out: Uint32Array): void {
  let n = 0;
  while (n < out.length) {
    if (args.layout === 'sequential') {
      const rng = streams.keyed('item/effort', key++ % 2 ** 32);
      for (let w = 0; w < words && n < out.length; w++) out[n++] = rng() * 2 ** 32;
    } else {
      const group = Array.from({ length: streamCount }, () => streams.keyed('item/effort', key++ % 2 ** 32));
      for (let w = 0; w < words; w++) for (const rng of group) if (n < out.length) out[n++] = rng() * 2 ** 32;
    }
  }
}

let open = true;
process.stdout.on('error', () => {
  open = false; // the battery has read what it needs and closed the pipe
});
const buffer = new Uint32Array(BUFFER_WORDS);
function write(): void {
  while (open) {
    fill(buffer);
    if (!process.stdout.write(Buffer.from(buffer.buffer.slice(0)))) {
      process.stdout.once('drain', write);
      return;
    }
  }
}
write();
