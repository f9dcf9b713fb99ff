/**
 * Showing results in a Jupyter notebook on the tslab kernel: a chart as one output holding
 * the interactive vega-lite spec and a static SVG (viewers without vega, such as GitHub,
 * show the SVG), an arquero table as HTML, text as markdown. tslab is found from the
 * notebook's folder at call time, so this module loads anywhere.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ColumnTable } from 'arquero';
import { renderSvg } from '../charts/render.js';
import type { VegaLiteSpec } from '../charts/theme.js';

interface TslabDisplay {
  html(s: string): void;
  markdown(s: string): void;
  svg(s: string): void;
}

interface Tslab {
  display: TslabDisplay;
  /** tslab's own sender of display messages; takes a whole MIME bundle. */
  writeBundle:
    | ((message: { data: Record<string, unknown>; metadata: object; transient: object }, update: boolean) => void)
    | null;
}

function tslab(): Tslab {
  const load = createRequire(join(process.cwd(), 'notebook.js'));
  const display = (load('tslab') as { display: TslabDisplay }).display;
  let writeBundle: Tslab['writeBundle'] = null;
  try {
    writeBundle =
      (load('tslab/dist/jupyter') as { lastWriteDisplayData?: Tslab['writeBundle'] }).lastWriteDisplayData ?? null;
  } catch {
    writeBundle = null; // another tslab version: fall back to the SVG alone
  }
  return { display, writeBundle };
}

/** Shows a chart: interactive where vega-lite renders (JupyterLab, VS Code), SVG everywhere else. */
export async function showChart(spec: VegaLiteSpec): Promise<void> {
  const svg = await renderSvg(spec);
  const { display, writeBundle } = tslab();
  const text =
    typeof spec.title === 'string' ? spec.title : ((spec.title as { text?: string | string[] })?.text ?? 'chart');
  const title = Array.isArray(text) ? text.join(' ') : text;
  if (writeBundle === null) {
    display.svg(svg);
    return;
  }
  writeBundle(
    {
      data: {
        // JupyterLab renders vega-lite 5; these specs use nothing newer
        'application/vnd.vegalite.v5+json': { ...spec, $schema: 'https://vega.github.io/schema/vega-lite/v5.json' },
        'image/svg+xml': svg,
        'text/plain': `[chart: ${title}]`,
      },
      metadata: {},
      transient: {},
    },
    false,
  );
}

/** Shows an arquero table as HTML (the first `limit` rows, numbers rounded to `digits`). */
export function showTable(table: ColumnTable, options: { limit?: number; digits?: number } = {}): void {
  const digits = options.digits ?? 1;
  const format: Record<string, (v: unknown) => string> = {};
  for (const name of table.columnNames()) {
    format[name] = (v: unknown) =>
      typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(digits)) : String(v ?? '');
  }
  tslab().display.html(table.toHTML({ limit: options.limit ?? 20, format }));
}

/** Shows text written in markdown (for answers computed from results). */
export function showMarkdown(text: string): void {
  tslab().display.markdown(text);
}
