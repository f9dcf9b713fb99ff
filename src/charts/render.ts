/**
 * From a vega-lite spec to an SVG or PNG, in Node. vega and vega-lite are loaded lazily, on
 * the first render, through a real dynamic import: they are ES modules with top-level
 * await, which a CommonJS `require` (what TypeScript makes of `import()` when notebooks
 * compile this file as CommonJS) cannot load.
 */
import type { VegaLiteSpec } from './theme.js';
import { FONT } from './theme.js';

// A real import() that TypeScript leaves alone when it compiles to CommonJS (tslab).
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const importOutsideTypeScript = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<any>;

async function importModule(specifier: string): Promise<any> {
  try {
    return await importOutsideTypeScript(specifier);
  } catch (error) {
    // code run in a VM context (vitest) has no import hook for Function bodies; a plain
    // import() works there
    if (error instanceof TypeError && /dynamic import callback/.test(error.message)) return import(specifier);
    throw error;
  }
}

interface Libraries {
  vega: any;
  vegaLite: any;
}
let libraries: Promise<Libraries> | undefined;

function load(): Promise<Libraries> {
  libraries ??= Promise.all([importModule('vega'), importModule('vega-lite')]).then(([vega, vegaLite]) => ({
    vega,
    vegaLite,
  }));
  return libraries;
}

/** A vega logger that keeps warnings and errors in `into` and drops the rest. */
function collectingLogger(into: string[]): Record<string, (...args: unknown[]) => unknown> {
  const logger: Record<string, (...args: unknown[]) => unknown> = {
    level: () => logger,
    error: (...args: unknown[]) => void into.push(`error: ${args.join(' ')}`),
    warn: (...args: unknown[]) => void into.push(args.join(' ')),
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/** The Vega spec compiled from a vega-lite spec, and every warning the compiler gave. */
export async function compileChart(spec: VegaLiteSpec): Promise<{ vega: unknown; warnings: string[] }> {
  const { vegaLite } = await load();
  const warnings: string[] = [];
  const compiled = vegaLite.compile(spec, { logger: collectingLogger(warnings) });
  return { vega: compiled.spec, warnings };
}

/** Renders a vega-lite spec to SVG text; throws if the compiler or the view warns. */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const { vega } = await load();
  const { vega: compiled, warnings } = await compileChart(spec);
  const viewWarnings: string[] = [];
  const view = new vega.View(vega.parse(compiled), {
    renderer: 'none',
    logger: collectingLogger(viewWarnings),
    logLevel: vega.Warn,
  });
  try {
    const svg = (await view.toSVG()) as string;
    const all = [...warnings, ...viewWarnings];
    if (all.length > 0)
      throw new Error(
        `the chart "${String((spec.title as { text?: string })?.text ?? spec.title)}" gave warnings: ${all.join('; ')}`,
      );
    return svg;
  } finally {
    view.finalize();
  }
}

/** Renders SVG text to a PNG (white background, `scale` x the SVG's size) with resvg. */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  const { Resvg } = await importModule('@resvg/resvg-js');
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: FONT },
  })
    .render()
    .asPng();
  return Buffer.from(png);
}
