/**
 * Dependencies point one way: each folder of src/ imports only from its own folder and the
 * folders below it. The engine knows nothing of organisations; nothing below the CLI knows
 * the CLI. Type-only imports count too: a type from above is a dependency on above.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', '..', 'src');

/** Lower first; the folders (and root files) of one line are peers and may not import each other. */
const LAYERS: readonly (readonly string[])[] = [
  ['engine', 'random', 'module-file.ts'],
  ['statistics', 'package-info.ts'],
  ['scenario'],
  ['model'],
  ['metrics'],
  ['experiment'],
  ['analysis', 'calibration'],
  ['optimise'],
  ['charts'],
  ['report', 'notebook'],
  ['cli', 'index.ts'],
];
const level = new Map(LAYERS.flatMap((names, i) => names.map((n) => [n, i] as const)));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The top folder (or root file) of src/ that a path lies in. */
const unit = (path: string): string => relative(src, path).split('/')[0].replace(/\.js$/, '.ts');

interface SourceFile {
  path: string;
  text: string;
}

const sourceFiles = (): SourceFile[] => sources(src).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/** Every relative import of `files` that reaches into a unit at the same level (another one) or above. */
function upwardImports(files: readonly SourceFile[] = sourceFiles()): string[] {
  const found: string[] = [];
  for (const file of files) {
    const from = unit(file.path);
    for (const { fileName } of ts.preProcessFile(file.text, true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const to = unit(resolve(dirname(file.path), fileName));
      if (to === from) continue;
      const [a, b] = [level.get(from), level.get(to)];
      if (a === undefined || b === undefined)
        found.push(`${relative(src, file.path)} -> ${fileName}: ${a === undefined ? from : to} has no layer`);
      else if (b >= a) found.push(`${relative(src, file.path)} (${from}) imports ${fileName} (${to})`);
    }
  }
  return found;
}

describe('the layers of src/', () => {
  it('import only from below: engine, random <- statistics <- scenario <- model <- metrics <- experiment <- analysis <- charts <- report, notebook <- cli', () => {
    expect(upwardImports()).toEqual([]);
  });

  it('would notice an import from above, from a peer, or from a folder with no layer (the check itself works)', () => {
    const probe = (folder: string, text: string): string[] =>
      upwardImports([{ path: join(src, folder, '__layer_probe.ts'), text }]);
    expect(probe('engine', "import { simulate } from '../model/index.js';")).toEqual([
      'engine/__layer_probe.ts (engine) imports ../model/index.js (model)',
    ]);
    expect(probe('random', "import type { Environment } from '../engine/index.js';")).toEqual([
      'random/__layer_probe.ts (random) imports ../engine/index.js (engine)',
    ]);
    expect(probe('model', "export * from '../nowhere/thing.js';")).toEqual([
      'model/__layer_probe.ts -> ../nowhere/thing.js: nowhere has no layer',
    ]);
    expect(probe('model', "import { Environment } from '../engine/index.js';\nimport './own.js';")).toEqual([]);
  });
});
