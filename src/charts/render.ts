/**
 * From a vega-lite spec to an SVG or PNG, in Node. vega and vega-lite are loaded lazily, on
 * the first render, through a real dynamic import: they are ES modules with top-level
 * await, which a CommonJS `require` (what TypeScript makes of `import()` when notebooks
 * compile this file as CommonJS) cannot load.
 */
import type { VegaLiteSpec } from './theme.js';
import { FONT } from './theme.js';

// A real import() that TypeScript leaves alone when it compiles to CommonJS (tslab).
const importOutsideTypeScript = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<unknown>;

/** A module loaded at run time; the caller says what it is (see the interfaces below). */
async function importModule(specifier: string): Promise<unknown> {
  try {
    return await importOutsideTypeScript(specifier);
  } catch (error) {
    // code run in a VM context (vitest) has no import hook for Function bodies; a plain
    // import() works there
    if (error instanceof TypeError && /dynamic import callback/.test(error.message)) return import(specifier);
    throw error;
  }
}

// What this file uses of vega-lite, vega and resvg: they are loaded at run time, not imported,
// so their shapes are stated here.
type Logger = Record<string, (...args: unknown[]) => unknown>;

interface VegaLite {
  compile(spec: VegaLiteSpec, options: { logger: Logger }): { spec: unknown };
}

interface Vega {
  View: new (
    runtime: unknown,
    options: { renderer: 'none'; logger: Logger; logLevel: number },
  ) => { toSVG(): Promise<string>; finalize(): void };
  parse(spec: unknown): unknown;
  Warn: number;
}

interface ResvgOptions {
  fitTo: { mode: 'zoom'; value: number };
  background: string;
  font: { loadSystemFonts: boolean; defaultFontFamily: string };
}

interface ResvgModule {
  /** Renders on a thread of libuv's pool, off the main thread: several PNGs render at once. */
  renderAsync(svg: string, options: ResvgOptions): Promise<{ asPng(): Uint8Array }>;
}

interface Libraries {
  vega: Vega;
  vegaLite: VegaLite;
  resvg: ResvgModule;
}
let libraries: Promise<Libraries> | undefined;

/**
 * vega, vega-lite and resvg, imported once. resvg comes with the others so that a PNG can
 * start at once, on libuv's threads, while the next SVG renders here: an import awaited later
 * would wait for the event loop, which rendering SVGs (microtasks only) does not give back.
 */
function load(): Promise<Libraries> {
  libraries ??= Promise.all([importModule('vega'), importModule('vega-lite'), importModule('@resvg/resvg-js')]).then(
    ([vega, vegaLite, resvg]) => ({
      vega: vega as Vega,
      vegaLite: vegaLite as VegaLite,
      resvg: resvg as ResvgModule,
    }),
  );
  return libraries;
}

/** A vega logger that keeps warnings and errors in `into` and drops the rest. */
function collectingLogger(into: string[]): Logger {
  const logger: Logger = {
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
    const svg = await view.toSVG();
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

/**
 * Renders SVG text to a PNG (white background, `scale` x the SVG's size) with resvg, off the
 * main thread: start several and await them together to render them side by side.
 */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  const { renderAsync } = (await load()).resvg;
  const rendered = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: FONT },
  });
  return Buffer.from(rendered.asPng());
}

/** The size of a slide: 16:9, full HD. */
export const SLIDE = { width: 1920, height: 1080, margin: 60 } as const;

/**
 * A chart's SVG (as renderSvg gives it) centred on a 16:9 slide, scaled to fill it within a
 * margin, on white: for a deck, where the chart's own size would leave it small or cropped.
 */
export function slideSvg(svg: string, slide: { width: number; height: number; margin: number } = SLIDE): string {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0];
  const size = (name: string): number => Number(new RegExp(`\\b${name}="([\\d.]+)"`).exec(root ?? '')?.[1]);
  const [w, h] = [size('width'), size('height')];
  if (root === undefined || !(w > 0) || !(h > 0)) throw new Error('slideSvg: not an SVG with a width and height');
  const scale = Math.min((slide.width - 2 * slide.margin) / w, (slide.height - 2 * slide.margin) / h);
  const [sw, sh] = [w * scale, h * scale];
  const placed = root
    .replace(/\bwidth="[\d.]+"/, `width="${sw}"`)
    .replace(/\bheight="[\d.]+"/, `height="${sh}" x="${(slide.width - sw) / 2}" y="${(slide.height - sh) / 2}"`);
  const viewBox = /\bviewBox=/.test(placed) ? placed : placed.replace('<svg', `<svg viewBox="0 0 ${w} ${h}"`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${slide.width}" height="${slide.height}" viewBox="0 0 ${slide.width} ${slide.height}"><rect width="${slide.width}" height="${slide.height}" fill="white"/>${svg.replace(root, viewBox)}</svg>`;
}
