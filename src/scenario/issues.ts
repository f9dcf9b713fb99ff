/** A problem found in a scenario: where it is, what was expected, what was found, how to fix it. */
export interface ScenarioIssue {
  severity: 'error' | 'warning';
  /** Field path from the top of the scenario, e.g. ['teams', 'hub', 'headcount', 'ml_engineer']. */
  path: (string | number)[];
  message: string;
  /** How to fix it, when there is something useful to say. */
  hint?: string;
  /** The file the field comes from, when known. */
  file?: string;
  /** 1-based line in that file, when known. */
  line?: number;
}

/** The path as a user writes it: teams.hub.headcount.ml_engineer, items[2].day. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '(top level)' : out;
}

/** One line per issue: `file:line: error at field.path: message (hint)`. */
export function formatIssue(issue: ScenarioIssue): string {
  const where = issue.file ? `${issue.file}${issue.line ? `:${issue.line}` : ''}: ` : '';
  const hint = issue.hint ? `\n    hint: ${issue.hint}` : '';
  return `${where}${issue.severity} at ${formatPath(issue.path)}: ${issue.message}${hint}`;
}

/** A short rendering of a found value for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value as object);
    return keys.length === 0
      ? 'an empty object'
      : `an object with ${keys.slice(0, 4).join(', ')}${keys.length > 4 ? ', ...' : ''}`;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** Thrown when a scenario cannot be used; carries every issue found. */
export class ScenarioError extends Error {
  constructor(readonly issues: ScenarioIssue[]) {
    const errors = issues.filter((i) => i.severity === 'error');
    super(
      `invalid scenario (${errors.length} error${errors.length === 1 ? '' : 's'}):\n${errors.map(formatIssue).join('\n')}`,
    );
    this.name = 'ScenarioError';
  }
}
