/** Text and tables laid out for the terminal's width. */
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { tableText, terminalWidth, wrapText } from '../../src/cli/terminal-layout.js';

const widest = (text: string): number => Math.max(...text.split('\n').map((l) => stringWidth(l)));
const cellsOf = (text: string): string[] =>
  text
    .split('\n')
    .flatMap((l) => l.split('│'))
    .map((c) => c.trim())
    .filter((c) => c !== '' && !/^[─┼┬┴┌┐└┘├┤]+$/.test(c));

describe('the terminal width', () => {
  const saved = process.env.COLUMNS;
  afterEach(() => {
    if (saved === undefined) delete process.env.COLUMNS;
    else process.env.COLUMNS = saved;
  });

  it('is COLUMNS when set, else the terminal, else unbounded for a file or pipe', () => {
    process.env.COLUMNS = '80';
    expect(terminalWidth({ isTTY: true, columns: 120 })).toBe(80);
    delete process.env.COLUMNS;
    expect(terminalWidth({ isTTY: true, columns: 120 })).toBe(120);
    expect(terminalWidth({ isTTY: false })).toBe(Number.POSITIVE_INFINITY);
    process.env.COLUMNS = '10';
    expect(terminalWidth({ isTTY: false })).toBe(40);
  });
});

describe('prose', () => {
  it('wraps at the width, a bullet under its first word, and leaves short lines alone', () => {
    const text = `- ${'word '.repeat(30).trim()}\nshort`;
    const wrapped = wrapText(text, 40);
    expect(widest(wrapped)).toBeLessThanOrEqual(40);
    const lines = wrapped.split('\n');
    expect(lines[0].startsWith('- word')).toBe(true);
    expect(lines.slice(1, -1).every((l) => l.startsWith('  word'))).toBe(true);
    expect(lines.at(-1)).toBe('short');
    expect(wrapped.replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
    expect(wrapText(text, Number.POSITIVE_INFINITY)).toBe(text);
  });
});

describe('tables', () => {
  const wide = {
    head: ['Configuration', 'Median days', 'p85 days', 'p95 days', 'Go-lives a year', 'Abandoned', 'Cost per go-live'],
    rows: [
      [
        'Hub and spoke',
        '175 (171 to 179)',
        '292 (282 to 301)',
        '> 390',
        '47.7 (46.6 to 48.8)',
        '21% (20 to 22)',
        '93,085 (90,856 to 95,313)',
      ],
      [
        'Federated',
        '314 (299 to 330)',
        '> 560',
        '> 628',
        '39.4 (38.5 to 40.4)',
        '21% (20 to 23)',
        '112,755 (109,864 to 115,646)',
      ],
    ],
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'] as ('left' | 'right')[],
  };

  it('are drawn as they are where they fit', () => {
    const text = tableText(wide, 200);
    expect(text.split('\n')).toHaveLength(6);
    expect(text).toContain('│ Hub and spoke │');
  });

  it('put each interval under its estimate, then split into tables that repeat the first column, never wider than the width', () => {
    for (const width of [120, 100, 80, 60, 40]) {
      const text = tableText(wide, width);
      expect(widest(text), `at ${width}`).toBeLessThanOrEqual(width);
      // every cell is still there, word for word
      const words = cellsOf(text).join(' ').split(/\s+/);
      for (const cell of [...wide.head, ...wide.rows.flat()])
        for (const word of cell.split(/\s+/)) expect(words, `${word} at ${width}`).toContain(word);
    }
    const split = tableText(wide, 80);
    expect(split.match(/│ Federated/g)?.length).toBeGreaterThan(1);
    expect(split).toMatch(/│\s+175 │/);
    expect(split).toMatch(/│\s+\(171 to 179\) │/);
  });

  it('break a name longer than its column rather than cut it short', () => {
    const names = ['two_more_data_engineers_in_marketing', 'two_more_data_engineers_in_supply_chain'];
    const text = tableText(
      { head: ['What-if', 'A', 'B'], rows: names.map((n) => [n, '1 (0 to 2)', '3 (2 to 4)']) },
      40,
    );
    expect(widest(text)).toBeLessThanOrEqual(40);
    expect(text).not.toContain('…');
    // each name whole, read back line by line from its column
    const firstColumn = text
      .split('\n')
      .map((l) => l.split('│')[1]?.trim() ?? '')
      .join('');
    for (const n of names) expect(firstColumn).toContain(n);
  });

  it('draw a line between rows only where a row has several lines', () => {
    // top, header, the line under it, two rows, bottom
    const text = tableText(
      {
        head: ['A', 'B'],
        rows: [
          ['1', '2'],
          ['3', '4'],
        ],
      },
      80,
    );
    expect(text.split('\n')).toHaveLength(6);
    const twoLines = tableText(
      {
        head: ['A', 'B'],
        rows: [
          ['1\n(0 to 2)', '2'],
          ['3', '4'],
        ],
      },
      80,
    );
    expect(twoLines.split('\n').filter((l) => l.startsWith('├'))).toHaveLength(2);
  });
});
