/**
 * Loading a scenario: read the file (YAML or JSON, parsed safely: no code in a scenario is
 * ever run), follow `extends` to the files it builds on, merge them, apply what-if
 * overrides, then check the structure and the meaning. Every issue carries the file and the
 * line it comes from.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import { ScenarioError, type ScenarioIssue } from './issues.js';
import { DISTRIBUTION_FAMILIES } from './distribution-spec.js';
import type { ScenarioSpec } from './scenario-spec.js';
import { applyOverride, parseOverride, type Override } from './set-path.js';
import { scenarioIssues } from './validate.js';
import { isPlainObject } from './plain-object.js';

/** A scenario ready to simulate, with where it came from. */
export interface LoadedScenario {
  spec: ScenarioSpec;
  /** The files it was built from, the scenario itself first. */
  files: string[];
  /** SHA-256 of the files' contents and the overrides: the same hash, the same scenario. */
  hash: string;
  /** Warnings (errors are thrown as a ScenarioError). */
  warnings: ScenarioIssue[];
}

export interface LoadOptions {
  /** What-ifs: `path=value` strings or parsed overrides, applied in order. */
  set?: readonly (string | Override)[];
  /** Read a file (tests and notebooks may pass their own). Default: the file system. */
  readFile?: (path: string) => string;
}

interface Source {
  file: string;
  text: string;
  doc: Document;
  lines: LineCounter;
  /** The document as plain data. */
  value: unknown;
}

const MAX_EXTENDS_DEPTH = 20;

/** Loads, merges, overrides and validates a scenario file; throws a ScenarioError listing every error. */
export function loadScenario(file: string, options: LoadOptions = {}): LoadedScenario {
  const read = options.readFile ?? ((p: string) => readFileSync(p, 'utf8'));
  const { sources, layers } = readChain(resolve(file), read);
  const raw = mergeLayers(layers);
  sources.push(...readTeamsFrom(raw, sources, read));
  const { overrides, issues } = applyWhatIfs(raw, options.set ?? []);
  // structure, then meaning
  if (issues.length === 0) issues.push(...scenarioIssues(raw));
  for (const issue of issues) {
    locate(issue, sources, overrides);
    if (issue.file !== undefined && issue.file !== '--set') issue.file = displayPath(issue.file);
  }
  if (issues.some((i) => i.severity === 'error')) throw new ScenarioError(issues);

  const hash = createHash('sha256');
  for (const s of sources) hash.update(s.text);
  hash.update(JSON.stringify(overrides));
  return { spec: raw as ScenarioSpec, files: sources.map((s) => s.file), hash: hash.digest('hex'), warnings: issues };
}

/**
 * Reads `file` and the chain of files it extends, each as a source and its mapping (the file
 * first); throws a ScenarioError when a file cannot be read or parsed, is no mapping, or the
 * chain goes round in a circle or too deep.
 */
function readChain(
  file: string,
  read: (path: string) => string,
): { sources: Source[]; layers: Record<string, unknown>[] } {
  const sources: Source[] = [];
  const layers: Record<string, unknown>[] = [];
  const issues: ScenarioIssue[] = [];
  let current: string | undefined = file;
  while (current !== undefined) {
    const problem = chainProblem(current, sources);
    if (problem !== null) {
      issues.push(problem);
      break;
    }
    const source = readSource(current, read, sources, issues);
    if (source === null) break;
    sources.push(source);
    const value = source.value;
    if (!isMapping(value)) {
      issues.push({
        severity: 'error',
        path: [],
        message: 'a scenario file must hold a mapping of fields (name:, teams:, ...)',
        file: current,
        line: 1,
      });
      break;
    }
    layers.push(value);
    const parent = value.extends;
    current = typeof parent === 'string' ? resolve(dirname(current), parent) : undefined;
  }
  if (issues.length > 0) {
    for (const issue of issues) if (issue.file !== undefined) issue.file = displayPath(issue.file);
    throw new ScenarioError(issues);
  }
  return { sources, layers };
}

const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why `current` cannot come next in the chain of `sources` (a circle, or too deep), or null. */
function chainProblem(current: string, sources: readonly Source[]): ScenarioIssue | null {
  if (sources.some((s) => s.file === current)) {
    const shown = (f: string): string => relative(dirname(sources[0].file), f) || basename(f);
    return {
      severity: 'error',
      path: ['extends'],
      message: `extends goes round in a circle: ${[...sources.map((s) => s.file), current].map(shown).join(' -> ')}`,
      file: sources[sources.length - 1].file,
    };
  }
  if (sources.length > MAX_EXTENDS_DEPTH) {
    return {
      severity: 'error',
      path: ['extends'],
      message: `more than ${MAX_EXTENDS_DEPTH} levels of extends`,
      file: current,
    };
  }
  return null;
}

/** Reads and parses `current` (extended by the last of `sources`, if any); null, with an issue, when it cannot. */
function readSource(
  current: string,
  read: (path: string) => string,
  sources: readonly Source[],
  issues: ScenarioIssue[],
): Source | null {
  let text: string;
  try {
    text = read(current);
  } catch (e) {
    const by = sources[sources.length - 1];
    issues.push({
      severity: 'error',
      path: by ? ['extends'] : [],
      message: `cannot read ${current}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      file: by?.file ?? current,
    });
    return null;
  }
  return parseSource(current, text, issues);
}

/**
 * Fills each reorganisation's `teams` from its `teams_from` file (relative to the file that
 * holds the timeline): that scenario's teams, its own extends followed. Returns the files read
 * (for the hash); a file that cannot be read is an error at its entry.
 */
function readTeamsFrom(
  raw: Record<string, unknown>,
  sources: readonly Source[],
  read: (path: string) => string,
): Source[] {
  const timeline = raw.timeline;
  if (!Array.isArray(timeline)) return [];
  const holder = sources.find((s) => isMapping(s.value) && 'timeline' in s.value) ?? sources[0];
  const extra: Source[] = [];
  for (const [i, entry] of timeline.entries()) {
    const reorganise = isMapping(entry) ? entry.reorganise : undefined;
    if (!isMapping(reorganise) || typeof reorganise.teams_from !== 'string' || reorganise.teams !== undefined) continue;
    const other = resolve(dirname(holder.file), reorganise.teams_from);
    try {
      const chain = readChain(other, read);
      extra.push(...chain.sources);
      reorganise.teams = mergeLayers(chain.layers).teams;
      // read: the teams are now the entry's own (a scenario giving both is refused by the check)
      delete reorganise.teams_from;
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      throw new ScenarioError(
        e.issues.map((issue) => ({
          ...issue,
          path: ['timeline', i, 'reorganise', 'teams_from'],
          message: `teams_from ${reorganise.teams_from}: ${issue.message}`,
          file: displayPath(holder.file),
          line: undefined,
        })),
      );
    }
  }
  return extra;
}

/** The layers merged: each file overrides the one it extends. */
function mergeLayers(layers: readonly Record<string, unknown>[]): Record<string, unknown> {
  let raw: Record<string, unknown> = {};
  for (const layer of [...layers].reverse()) raw = deepMerge(raw, layer);
  delete raw.extends;
  return raw;
}

/** Applies the what-ifs (`--set`) to `raw` in place: the overrides as parsed, and the problems found. */
function applyWhatIfs(
  raw: Record<string, unknown>,
  set: readonly (string | Override)[],
): { overrides: Override[]; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const overrides = set.map((o) => (typeof o === 'string' ? parseOverride(o) : o));
  for (const o of overrides) {
    const problem = applyOverride(raw, o);
    if (problem) issues.push(problem);
  }
  return { overrides, issues };
}

/** A file as messages show it: relative to the working directory when below it. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

function parseSource(file: string, text: string, issues: ScenarioIssue[]): Source | null {
  const lines = new LineCounter();
  // the core schema has no custom tags: parsing never runs code; aliases are capped by default
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true, schema: 'core' });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      issues.push({
        severity: 'error',
        path: [],
        message: `not valid YAML: ${e.message.split('\n')[0]}`,
        file,
        line: e.linePos?.[0]?.line,
      });
    }
    return null;
  }
  try {
    return { file, text, doc, lines, value: doc.toJS() as unknown };
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    issues.push(aliasIssue(doc, lines, file, e));
    return null;
  }
}

/** An alias the yaml library cannot expand: one with no anchor before it, or too many (an alias bomb). */
function aliasIssue(doc: Document, lines: LineCounter, file: string, error: ReferenceError): ScenarioIssue {
  let unresolved: { source: string; offset?: number } | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (node.resolve(doc) !== undefined) return undefined;
      unresolved = { source: node.source, offset: node.range?.[0] };
      return visit.BREAK;
    },
  });
  if (unresolved) {
    return {
      severity: 'error',
      path: [],
      file,
      line: unresolved.offset !== undefined ? lines.linePos(unresolved.offset).line : undefined,
      message: `not valid YAML: the alias *${unresolved.source} refers to no anchor &${unresolved.source} before it`,
      hint: `define the anchor first (&${unresolved.source} before the value), or write the value itself`,
    };
  }
  return {
    severity: 'error',
    path: [],
    file,
    message: `not valid YAML: the aliases expand to too much data (${error.message.toLowerCase()})`,
    hint: 'write the values out, or use fewer nested aliases (*name) to anchors (&name)',
  };
}

/** Fills in the file and line of an issue from the most derived file that has the field. */
function locate(issue: ScenarioIssue, sources: Source[], overrides: Override[]): void {
  if (issue.file !== undefined && issue.line !== undefined) return;
  if (issue.file === '--set') return;
  const dotted = issue.path.join('.');
  if (overrides.some((o) => dotted.startsWith(o.path) || o.path.startsWith(dotted))) {
    issue.file ??= '--set';
    return;
  }
  for (let depth = issue.path.length; depth >= 0; depth--) {
    const path = issue.path.slice(0, depth);
    for (const source of sources) {
      const node = depth === 0 ? source.doc.contents : source.doc.getIn(path, true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) {
        // point at the key when the field exists, at its parent otherwise
        const pair = depth > 0 ? findKeyOffset(source.doc, path) : undefined;
        issue.file = source.file;
        issue.line = source.lines.linePos(pair ?? range[0]).line;
        return;
      }
    }
  }
  issue.file ??= sources[0]?.file;
}

function findKeyOffset(doc: Document, path: (string | number)[]): number | undefined {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  const items = (parent as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null)?.items;
  const last = path[path.length - 1];
  const pair = items?.find((p) => p.key?.value === last);
  return pair?.key?.range?.[0];
}

/** Whether a value is written as a distribution, `{ family: {...} }`. */
function isDistribution(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && (DISTRIBUTION_FAMILIES as readonly string[]).includes(keys[0]);
}

/**
 * Merges `over` onto `base`: objects merge key by key, except a distribution or a `next`
 * map, which replace as a whole (their parts only make sense together); anything else
 * (numbers, lists) replaces, and `null` removes the key (so a configuration can drop a team
 * of its base).
 */
export function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === null) delete out[key];
    else if (
      isPlainObject(value) &&
      isPlainObject(out[key]) &&
      key !== 'next' &&
      !isDistribution(value) &&
      !isDistribution(out[key] as Record<string, unknown>)
    ) {
      out[key] = deepMerge(out[key] as Record<string, unknown>, value);
    } else out[key] = value;
  }
  return out;
}
