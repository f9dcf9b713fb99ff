/**
 * Reads Stryker's JSON report and prints the mutation score of each mutated folder:
 * detected / (detected + undetected), where detected = killed + timed out (as Stryker counts
 * them) and undetected = survived + not covered by any test. Exits 1 when a folder is below
 * the threshold (default 80%), so `npm run mutation` fails then.
 *
 * Usage: tsx scripts/mutation-score.ts report.json [report.json ...] [--min 80]
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

interface MutantResult {
  status: string;
}
interface MutationReport {
  files: Record<string, { mutants: MutantResult[] }>;
}

const args = process.argv.slice(2);
const minIndex = args.indexOf('--min');
const min = minIndex >= 0 ? Number(args[minIndex + 1]) : 80;
const paths = args.filter((a, i) => !a.startsWith('--') && (minIndex < 0 || i !== minIndex + 1));
if (paths.length === 0 || !Number.isFinite(min)) {
  console.error('usage: tsx scripts/mutation-score.ts report.json [report.json ...] [--min 80]');
  process.exit(2);
}
const files = paths.flatMap((path) => Object.entries((JSON.parse(readFileSync(path, 'utf8')) as MutationReport).files));

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const folders = new Map<string, { detected: number; undetected: number; other: number }>();
for (const [file, { mutants }] of files) {
  const folder = dirname(file.replace(/\\/g, '/'));
  const counts = folders.get(folder) ?? { detected: 0, undetected: 0, other: 0 };
  for (const m of mutants) {
    if (DETECTED.has(m.status)) counts.detected++;
    else if (UNDETECTED.has(m.status)) counts.undetected++;
    else counts.other++;
  }
  folders.set(folder, counts);
}

let failed = false;
console.log(`folder                 detected  undetected  score   (at least ${min}%)`);
for (const [folder, c] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
  const score = (100 * c.detected) / (c.detected + c.undetected);
  const ok = score >= min;
  failed ||= !ok;
  const extra = c.other > 0 ? `  (${c.other} not run: static, or a type error)` : '';
  console.log(
    `${folder.padEnd(22)} ${String(c.detected).padStart(8)}  ${String(c.undetected).padStart(10)}  ${score.toFixed(1).padStart(5)}%  ${ok ? 'ok' : 'BELOW'}${extra}`,
  );
}
process.exitCode = failed ? 1 : 0;
