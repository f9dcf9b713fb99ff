/**
 * Notebooks load the library through tslab, which compiles with its own TypeScript 5.0
 * (CommonJS, node10 module resolution). The library's entry points must compile there too.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(join(root, 'package.json'));
const tslabTsc = join(dirname(require.resolve('@tslab/typescript-for-tslab/package.json')), 'bin', 'tsc');
const ENTRY_POINTS = ['src/index.ts', 'src/engine/index.ts', 'src/random/index.ts'];

describe("the library under tslab's TypeScript", () => {
  it('is TypeScript 5.0', () => {
    expect(execFileSync(process.execPath, [tslabTsc, '-v'], { encoding: 'utf8' })).toMatch(/^Version 5\.0\./);
  });

  it('compiles the entry points notebooks import as CommonJS with node10 resolution', () => {
    const args = [
      '--noEmit',
      '--skipLibCheck',
      '--module',
      'commonjs',
      '--moduleResolution',
      'node',
      '--target',
      'es2020',
      '--esModuleInterop',
      '--types',
      'node',
      ...ENTRY_POINTS,
    ];
    let output = '';
    try {
      execFileSync(process.execPath, [tslabTsc, ...args], { cwd: root, encoding: 'utf8' });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe('');
  });
});
