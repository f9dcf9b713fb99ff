/**
 * Text and tables that fit the terminal: prose wrapped at the width (bullets with a hanging
 * indent), tables drawn as they are when they fit, else with each interval under its
 * estimate, else split into several tables that repeat the first column, each no wider than
 * the terminal. The width is COLUMNS when set, else the terminal's; a file or pipe is not wrapped.
 */
import Table from 'cli-table3';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** Narrower than this, tables and prose are laid out as if this wide. */
export const MIN_WIDTH = 40;

/**
 * The width to lay out for: COLUMNS when set, else the terminal's columns; output that goes
 * to a file or a pipe (no terminal, no COLUMNS) is not wrapped at all (Infinity), so that each
 * sentence stays on one line for grep.
 */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  const fromEnv = Number(process.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return Math.max(MIN_WIDTH, fromEnv);
  return stream.isTTY && stream.columns ? Math.max(MIN_WIDTH, stream.columns) : Number.POSITIVE_INFINITY;
}

/** `text` wrapped at `width`; a line that starts with `- ` keeps its later lines under its first word. */
export function wrapText(text: string, width = terminalWidth()): string {
  return text
    .split('\n')
    .map((line) => {
      const indent = /^(\s*- |\s+)/.exec(line)?.[0].length ?? 0;
      if (stringWidth(line) <= width) return line;
      const body = wrapAnsi(line.slice(indent), width - indent, { hard: true, trim: true });
      return body
        .split('\n')
        .map((l, k) => (k === 0 ? line.slice(0, indent) : ' '.repeat(indent)) + l)
        .join('\n');
    })
    .join('\n');
}

/** Prints `text` wrapped at the terminal's width. */
export function say(text: string): void {
  console.log(wrapText(text));
}

/** Prints `text` on stderr (a warning, an error), wrapped at the width of the terminal stderr goes to. */
export function warn(text: string): void {
  console.error(wrapText(text, terminalWidth(process.stderr)));
}

export type Align = 'left' | 'right';

/** A table to lay out: a header, rows of cell texts, and each column's alignment (left by default). */
export interface TextTable {
  head: string[];
  rows: string[][];
  align?: Align[];
}

const style = { head: [] as string[], border: [] as string[] };

/** The widest line of `text`. */
const widthOf = (text: string): number => Math.max(0, ...text.split('\n').map((l) => stringWidth(l)));

function draw(t: TextTable, columns: number[], colWidths?: number[]): string {
  // a line between rows only where a row has cells of several lines
  const multiLine = colWidths !== undefined || t.rows.some((r) => r.some((cell) => cell.includes('\n')));
  const table = new Table({
    head: columns.map((c) => t.head[c]),
    style,

    colAligns: columns.map((c) => t.align?.[c] ?? 'left'),
    ...(colWidths ? { colWidths, wordWrap: true, wrapOnWordBoundary: true } : {}),
  });
  for (const row of t.rows) table.push(columns.map((c) => row[c] ?? ''));
  const text = table.toString();
  if (multiLine) return text;
  // the line under the header stays, those between one-line rows go
  const lines = text.split('\n');
  const underHeader = lines.findIndex((line) => line.startsWith('├'));
  return lines.filter((line, k) => k <= underHeader || !line.startsWith('├')).join('\n');
}

/** An estimate's interval under it: `141 (137 to 145)` becomes two lines. */
const intervalBelow = (cell: string): string => cell.replace(/ \(/, '\n(');

/** A header is wrapped to no narrower than this, so that it reads as words rather than a column of them. */
const HEAD_MIN_WIDTH = 10;

/** Each header wrapped to the widest cell below it, but not narrower than its longest word or HEAD_MIN_WIDTH. */
function narrowHeads(t: TextTable): TextTable {
  const head = t.head.map((h, c) => {
    const cells = Math.max(0, ...t.rows.map((r) => widthOf(r[c] ?? '')));
    const word = Math.max(...h.split(/\s+/).map((w) => stringWidth(w)));
    return wrapAnsi(h, Math.max(cells, word, HEAD_MIN_WIDTH), { hard: false, trim: true });
  });
  return { ...t, head };
}

/** Cell padding and border of one column, as cli-table3 draws it. */
const COLUMN_CHROME = 3;

/** Columns in order, in groups each no wider than `room` (a column wider than that alone in its group). */
function packColumns(columns: readonly { c: number; width: number }[], room: number): number[][] {
  const groups: number[][] = [];
  let group: number[] = [];
  let used = 0;
  for (const { c, width } of columns) {
    if (group.length > 0 && used + width > room) {
      groups.push(group);
      group = [];
      used = 0;
    }
    group.push(c);
    used += width;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/**
 * The table as text no wider than `width`: as it is when it fits; else with intervals under
 * their estimates and headers wrapped; else split into several tables, each repeating the
 * first column; a column that cannot fit even alone beside it is wrapped, a word longer than
 * its column broken (a long name is never cut short).
 */
export function tableText(t: TextTable, width = terminalWidth()): string {
  const all = t.head.map((_, c) => c);
  const plain = draw(t, all);
  if (widthOf(plain) <= width) return plain;
  const stacked = narrowHeads({ ...t, rows: t.rows.map((r) => r.map(intervalBelow)) });
  const compact = draw(stacked, all);
  if (widthOf(compact) <= width) return compact;
  const natural = all.map((c) => Math.max(widthOf(stacked.head[c]), ...stacked.rows.map((r) => widthOf(r[c] ?? ''))));
  // the first column at most half the width; every other column at most what fits beside it
  const first = Math.min(natural[0], Math.floor(width / 2) - COLUMN_CHROME);
  const room = width - 1 - (first + COLUMN_CHROME);
  const widths = natural.map((w, c) => (c === 0 ? first : Math.min(w, room - COLUMN_CHROME)));
  const columns = all.slice(1).map((c) => ({ c, width: widths[c] + COLUMN_CHROME }));
  // as few tables as fit, then as even as they can be: no table of one column left over
  const fewest = packColumns(columns, room).length;
  const total = columns.reduce((sum, x) => sum + x.width, 0);
  let groups = packColumns(columns, room);
  for (let target = Math.ceil(total / fewest); target < room; target++) {
    const even = packColumns(columns, target);
    if (even.length === fewest) {
      groups = even;
      break;
    }
  }
  // every cell wrapped to its column, a word longer than the column broken, so that nothing is cut short
  const wrapCell = (text: string, c: number): string => wrapAnsi(text, widths[c], { hard: true, trim: true });
  const fitted: TextTable = {
    ...stacked,
    head: stacked.head.map((h, c) => wrapCell(h, c)),
    rows: stacked.rows.map((r) => r.map((cell, c) => wrapCell(cell, c))),
  };
  return groups
    .map((g) => {
      const shown = [0, ...g];
      // cli-table3's widths include the padding
      return draw(
        fitted,
        shown,
        shown.map((c) => widths[c] + 2),
      );
    })
    .join('\n');
}

/** Prints the table laid out for the terminal's width. */
export function printTable(t: TextTable): void {
  console.log(tableText(t));
}
