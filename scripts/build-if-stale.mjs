// Builds dist/ (npm run build) only when a source file or the build configuration is newer than
// the last build, so that `npm start` does not spend seconds type-checking an unchanged tree.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
// written after each build here (tsc leaves its own .tsbuildinfo untouched when nothing changed)
const stamp = join(root, 'dist', '.built');
const inputs = ['src', 'bench', join('test', 'support')];
const configs = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** The newest modification time of the files under `path` (a file or a folder). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changed = Math.max(...[...inputs, ...configs].map((p) => newest(join(root, p))));
if (changed > built) {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
