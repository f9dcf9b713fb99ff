/**
 * The committed notebooks, as executed by `npm run notebooks` (which CI runs on a fresh
 * machine, failing on any cell error): each opens with markdown for a strategist, imports the
 * library instead of holding model logic, shows its charts with a static SVG, ends with an
 * answer computed from the results, and carries no machine paths or timestamps.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '..', '..', 'notebooks');
const notebooks = readdirSync(dir)
  .filter((f) => f.endsWith('.ipynb'))
  .sort();

interface Cell {
  cell_type: string;
  source: string[];
  outputs?: { output_type: string; data?: Record<string, unknown>; text?: string[] }[];
}

describe('notebooks', () => {
  it('are the ones the analysts were promised', () => {
    expect(notebooks).toEqual([
      '01-quickstart.ipynb',
      '02-centralized-vs-federated.ipynb',
      '03-what-if.ipynb',
      '04-portfolio-growth.ipynb',
      '05-calibrate-and-backtest.ipynb',
      '06-optimise.ipynb',
      '07-reorganisation.ipynb',
    ]);
  });

  it.each(notebooks)(
    '%s opens with markdown, imports the library, shows SVG charts, ends with a computed answer, and is clean',
    (file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const notebook = JSON.parse(text) as { cells: Cell[]; metadata: Record<string, unknown> };
      const cells = notebook.cells;
      expect(cells[0].cell_type).toBe('markdown');
      expect(cells[0].source.join('')).toMatch(/\*\*The question\.\*\*(.|\n)*\*\*How to read the answer\.\*\*/);
      const code = cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
      expect(code[0]).toContain("from '../dist/src/index.js'");
      // no model logic of their own: no classes, no generator processes, no engine imports
      for (const source of code) expect(source).not.toMatch(/\bclass \w|function\*|src\/engine|new Environment/);
      const outputs = cells.flatMap((c) => c.outputs ?? []);
      expect(outputs.filter((o) => o.output_type === 'error')).toEqual([]);
      expect(outputs.some((o) => o.data?.['image/svg+xml'] && o.data['application/vnd.vegalite.v5+json'])).toBe(true);
      const last = cells.filter((c) => c.cell_type === 'code').pop()!;
      const answer = (last.outputs ?? []).map((o) => o.data?.['text/markdown']).find(Boolean) as string[] | undefined;
      expect(answer?.join('')).toMatch(/\d+ days/);
      expect(notebook.metadata).toEqual({
        kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' },
        language_info: { name: 'typescript', file_extension: '.ts', mimetype: 'text/typescript' },
      });
      expect(text).not.toMatch(/\/work\/|\/tmp\/|\/root\/|\/home\/|"execution":|iopub\./);
    },
  );
});
