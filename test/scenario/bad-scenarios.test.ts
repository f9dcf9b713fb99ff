/**
 * Every file in test/fixtures/scenarios/bad holds one mistake and, in its `# expect:` line,
 * the exact first error it must produce: file and line, field path, message and hint.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, ScenarioError, formatPath, type ScenarioIssue } from '../../src/scenario/index.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'scenarios', 'bad');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ file: f, expected: /^# expect: (.*)$/m.exec(readFileSync(join(dir, f), 'utf8'))?.[1] }))
  .filter((c): c is { file: string; expected: string } => c.expected !== undefined);

function oneLine(issue: ScenarioIssue): string {
  const where = `${issue.file ? basename(issue.file) : '?'}${issue.line ? `:${issue.line}` : ''}`;
  const path = issue.path.length ? formatPath(issue.path) : '(top level)';
  return `${where}: ${issue.severity} at ${path}: ${issue.message}${issue.hint ? ` (hint: ${issue.hint})` : ''}`;
}

describe('bad scenario files are rejected with the exact error', () => {
  it('has a case for each kind of mistake', () => {
    expect(cases.length).toBeGreaterThanOrEqual(19);
  });

  it.each(cases)('$file', ({ file, expected }) => {
    let error: unknown;
    try {
      loadScenario(join(dir, file));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const first = (error as ScenarioError).issues.find((i) => i.severity === 'error')!;
    expect(oneLine(first)).toBe(expected);
  });
});
