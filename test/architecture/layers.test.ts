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
  ['analysis'],
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

/** Every relative import of src/ that reaches into a unit at the same level (another one) or above. */
function upwardImports(): string[] {
  const found: string[] = [];
  for (const file of sources(src)) {
    const from = unit(file);
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const to = unit(resolve(dirname(file), fileName));
      if (to === from) continue;
      const [a, b] = [level.get(from), level.get(to)];
      if (a === undefined || b === undefined)
        found.push(`${relative(src, file)} -> ${fileName}: ${a === undefined ? from : to} has no layer`);
      else if (b >= a) found.push(`${relative(src, file)} (${from}) imports ${fileName} (${to})`);
    }
  }
  return found;
}

describe('the layers of src/', () => {
  it('import only from below: engine, random, statistics <- scenario <- model <- metrics <- experiment <- analysis <- charts <- report <- cli', () => {
    expect(upwardImports()).toEqual([]);
  });

  it('would notice an import from above (the check itself works)', () => {
    const file = join(src, 'engine', '__layer_probe.ts');
    const probe = ts.preProcessFile("import { simulate } from '../model/index.js';", true, true).importedFiles[0]
      .fileName;
    expect(level.get(unit(resolve(dirname(file), probe)))).toBeGreaterThan(level.get(unit(file)) as number);
  });
});
