/**
 * Loading a scenario: files read through `readFile`, `extends` chains merged (the child wins),
 * what-ifs applied, and every issue located in the file and line it comes from.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { deepMerge, loadScenario, ScenarioError, type LoadOptions } from '../../src/scenario/index.js';
import { baseScenario } from './base-scenario.js';

/** In-memory files under /s; a missing one fails as the file system would. */
function files(contents: Record<string, string>): LoadOptions['readFile'] {
  return (path) => {
    const text = contents[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return text;
  };
}

const BASE = stringify(baseScenario());

/** The issues of a load that must fail. */
function issuesOf(file: string, options: LoadOptions): ScenarioError['issues'] {
  try {
    loadScenario(file, options);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

describe('extends', () => {
  it("merges the parent's teams with the child's, the child's values winning", () => {
    const readFile = files({
      '/s/base.yaml': BASE,
      '/s/child.yaml':
        'extends: base.yaml\nname: child\nteams:\n  core:\n    headcount: { analyst: 3 }\n  desk:\n    home: sales\n    headcount: { analyst: 1 }\n',
    });
    const loaded = loadScenario('/s/child.yaml', { readFile });
    expect(loaded.spec.name).toBe('child');
    expect(loaded.spec.teams).toEqual({
      core: { home: 'centre', headcount: { analyst: 3, engineer: 1 } },
      desk: { home: 'sales', headcount: { analyst: 1 } },
    });
    expect('extends' in loaded.spec).toBe(false);
    expect(loaded.files).toEqual(['/s/child.yaml', '/s/base.yaml']);
    expect(loaded.warnings).toEqual([]);
  });

  it('follows a chain, resolving each path from the file that names it', () => {
    const readFile = files({
      '/s/parts/base.yaml': BASE,
      '/s/parts/mid.yaml': 'extends: base.yaml\nhorizon_days: 300\n',
      '/s/top.yaml': 'extends: parts/mid.yaml\nwarmup_days: 10\n',
    });
    const loaded = loadScenario('/s/top.yaml', { readFile });
    expect(loaded.files).toEqual(['/s/top.yaml', '/s/parts/mid.yaml', '/s/parts/base.yaml']);
    expect([loaded.spec.horizon_days, loaded.spec.warmup_days]).toEqual([300, 10]);
  });

  it('drops a team of the parent set to null', () => {
    const readFile = files({
      '/s/base.yaml': BASE,
      '/s/child.yaml':
        'extends: base.yaml\nteams:\n  core: null\n  other:\n    home: centre\n    headcount: { analyst: 2, engineer: 1 }\n',
    });
    expect(Object.keys(loadScenario('/s/child.yaml', { readFile }).spec.teams)).toEqual(['other']);
  });

  it('says which file names a parent that cannot be read', () => {
    const issues = issuesOf('/s/child.yaml', { readFile: files({ '/s/child.yaml': 'extends: gone.yaml\n' }) });
    expect(issues).toEqual([
      { severity: 'error', path: ['extends'], message: 'cannot read /s/gone.yaml: ENOENT', file: '/s/child.yaml' },
    ]);
    expect(issuesOf('/s/none.yaml', { readFile: files({}) })).toEqual([
      { severity: 'error', path: [], message: 'cannot read /s/none.yaml: ENOENT', file: '/s/none.yaml' },
    ]);
  });

  it('refuses a key written twice in one mapping, at its line', () => {
    const issues = issuesOf('/s/d.yaml', { readFile: files({ '/s/d.yaml': 'name: a\nhorizon_days: 10\nname: b\n' }) });
    expect(issues).toEqual([
      {
        severity: 'error',
        path: [],
        message: 'not valid YAML: Map keys must be unique at line 3, column 1:',
        file: '/s/d.yaml',
        line: 3,
      },
    ]);
  });

  it('gives the reason a file cannot be read when there is no error code', () => {
    const readFile = () => {
      throw new Error('disk on fire');
    };
    expect(issuesOf('/s/x.yaml', { readFile })[0].message).toBe('cannot read /s/x.yaml: disk on fire');
  });

  it('refuses an empty file: it holds no mapping', () => {
    expect(issuesOf('/s/e.yaml', { readFile: files({ '/s/e.yaml': '# nothing yet\n' }) })[0].message).toBe(
      'a scenario file must hold a mapping of fields (name:, teams:, ...)',
    );
  });

  it('shows an unreadable file below the working directory relative to it', () => {
    const file = join(process.cwd(), 'test', 'fixtures', 'scenarios', 'no-such-file.yaml');
    expect(issuesOf(file, {})[0].file).toBe(join('test', 'fixtures', 'scenarios', 'no-such-file.yaml'));
  });

  it('refuses a file that holds no mapping', () => {
    expect(issuesOf('/s/list.yaml', { readFile: files({ '/s/list.yaml': '- a\n- b\n' }) })).toEqual([
      {
        severity: 'error',
        path: [],
        message: 'a scenario file must hold a mapping of fields (name:, teams:, ...)',
        file: '/s/list.yaml',
        line: 1,
      },
    ]);
    expect(issuesOf('/s/n.yaml', { readFile: files({ '/s/n.yaml': '42\n' }) })[0].message).toContain('mapping');
  });

  it('refuses a chain more than 20 files deep', () => {
    const contents: Record<string, string> = { '/s/f0.yaml': BASE };
    for (let i = 1; i <= 21; i++) contents[`/s/f${i}.yaml`] = `extends: f${i - 1}.yaml\n`;
    expect(issuesOf('/s/f21.yaml', { readFile: files(contents) })).toEqual([
      { severity: 'error', path: ['extends'], message: 'more than 20 levels of extends', file: '/s/f0.yaml' },
    ]);
    const twenty = loadScenario('/s/f20.yaml', { readFile: files(contents) });
    expect(twenty.files).toHaveLength(21);
  });
});

describe('merging layers', () => {
  it('merges objects key by key and replaces numbers and lists', () => {
    expect(deepMerge({ a: { x: 1, y: [1, 2] }, b: 1 }, { a: { y: [3] }, c: 2 })).toEqual({
      a: { x: 1, y: [3] },
      b: 1,
      c: 2,
    });
  });

  it('replaces a distribution or a next map whole: their parts only make sense together', () => {
    const base = { effort: { lognormal: { median: 3, p90: 8 } }, next: { a: 0.5, b: 0.5 } };
    expect(deepMerge(base, { effort: { lognormal: { mean: 3, sd: 1 } }, next: { c: 1 } })).toEqual({
      effort: { lognormal: { mean: 3, sd: 1 } },
      next: { c: 1 },
    });
    expect(deepMerge({ effort: { exponential: { mean: 2 } } }, { effort: { weird: 1 } })).toEqual({
      effort: { weird: 1 },
    });
    expect(deepMerge({ effort: { weird: 1 } }, { effort: { exponential: { mean: 2 } } })).toEqual({
      effort: { exponential: { mean: 2 } },
    });
  });

  it('merges an object with several keys even if one is a family name', () => {
    expect(deepMerge({ d: { normal: 1, other: 2 } }, { d: { normal: 3, extra: 4 } })).toEqual({
      d: { normal: 3, other: 2, extra: 4 },
    });
  });

  it('removes a key set to null and leaves the base untouched', () => {
    const base = { teams: { a: { n: 1 }, b: { n: 2 } } };
    expect(deepMerge(base, { teams: { a: null } })).toEqual({ teams: { b: { n: 2 } } });
    expect(base).toEqual({ teams: { a: { n: 1 }, b: { n: 2 } } });
  });
});

describe('what-ifs', () => {
  const readFile = files({ '/s/base.yaml': BASE });

  it('apply in order, as text or parsed', () => {
    const loaded = loadScenario('/s/base.yaml', {
      readFile,
      set: ['teams.core.analyst=5', { path: 'teams.core.headcount.analyst', value: 6 }, 'name=what if'],
    });
    expect(loaded.spec.teams.core.headcount!.analyst).toBe(6);
    expect(loaded.spec.name).toBe('what if');
  });

  it('fail naming the path that does not exist, located at --set', () => {
    expect(issuesOf('/s/base.yaml', { readFile, set: ['teams.hubb.headcount.analyst=1'] })).toEqual([
      {
        severity: 'error',
        path: ['teams', 'hubb'],
        message: '--set teams.hubb.headcount.analyst: there is no "hubb" under teams',
        hint: 'known: core',
        file: '--set',
      },
    ]);
  });

  it('leave an issue elsewhere located in the file', () => {
    const bad = stringify({ ...baseScenario(), horizon_days: 10, warmup_days: 20 });
    const issues = issuesOf('/s/bad.yaml', { readFile: files({ '/s/bad.yaml': bad }), set: ['name=other'] });
    expect(issues.map((i) => [i.path.join('.'), i.file, i.line])).toEqual([['horizon_days', '/s/bad.yaml', 2]]);
  });

  it('that fail stop the load before the scenario is checked', () => {
    const issues = issuesOf('/s/base.yaml', { readFile, set: ['horizon_days=-1', 'teams.hubb.x.y=1'] });
    expect(issues.map((i) => i.path.join('.'))).toEqual(['teams.hubb']);
  });

  it('locate the errors they cause at --set, not in the file', () => {
    const issues = issuesOf('/s/base.yaml', { readFile, set: ['horizon_days=-1'] });
    expect(issues.map((i) => [i.path.join('.'), i.file, i.line])).toEqual([['horizon_days', '--set', undefined]]);
  });

  it('locate at --set the errors inside a value they set, or at a field that holds it', () => {
    const inside = issuesOf('/s/base.yaml', { readFile, set: ['teams.core={ home: nowhere, headcount: {} }'] });
    expect(inside.map((i) => [i.path.join('.'), i.file])).toEqual([['teams.core.home', '--set']]);
    const holding = issuesOf('/s/base.yaml', {
      readFile,
      set: ['workflow.loops.build.activities.check.next.draft=0.5'],
    });
    expect(holding.map((i) => [i.path.join('.'), i.file])).toEqual([
      ['workflow.loops.build.activities.check.next', '--set'],
    ]);
  });

  it('change the hash, as a different file would; the same inputs give the same hash', () => {
    const plain = loadScenario('/s/base.yaml', { readFile }).hash;
    expect(loadScenario('/s/base.yaml', { readFile }).hash).toBe(plain);
    expect(plain).toMatch(/^[0-9a-f]{64}$/);
    expect(loadScenario('/s/base.yaml', { readFile, set: ['name=x'] }).hash).not.toBe(plain);
    const edited = files({ '/s/base.yaml': `${BASE}# a comment\n` });
    expect(loadScenario('/s/base.yaml', { readFile: edited }).hash).not.toBe(plain);
  });
});

describe('where an issue is', () => {
  it('points at the key in the most derived file that has the field', () => {
    const readFile = files({
      '/s/base.yaml': BASE,
      '/s/child.yaml': 'extends: base.yaml\n\nteams:\n  core:\n    home: nowhere\n',
    });
    expect(issuesOf('/s/child.yaml', { readFile })).toEqual([
      expect.objectContaining({ path: ['teams', 'core', 'home'], file: '/s/child.yaml', line: 5 }),
    ]);
  });

  it('points at the parent of a missing field', () => {
    const readFile = files({
      '/s/a.yaml':
        'name: a\nhorizon_days: 10\nroles: {}\ndomains: {}\nuse_case_types: {}\nteams:\n  t:\n    headcount: {}\n',
    });
    const issues = issuesOf('/s/a.yaml', { readFile });
    expect(issues.map((i) => `${i.path.join('.')}@${i.line}`)).toEqual(['workflow@1', 'teams.t.home@7']);
  });

  it('shows a file below the working directory relative to it', () => {
    const file = join(process.cwd(), 'test', 'fixtures', 'scenarios', 'bad', 'unknown-role.yaml');
    expect(issuesOf(file, {})[0].file).toBe(join('test', 'fixtures', 'scenarios', 'bad', 'unknown-role.yaml'));
  });

  it('returns warnings with the loaded scenario, located too', () => {
    const busy = baseScenario();
    busy.domains.sales.demand = { report: 300 };
    const loaded = loadScenario('/s/busy.yaml', { readFile: files({ '/s/busy.yaml': stringify(busy) }) });
    expect(loaded.warnings.map((w) => [w.severity, w.path.join('.'), w.file, w.line])).toEqual([
      ['warning', 'teams.core.headcount.analyst', '/s/busy.yaml', 19],
      ['warning', 'teams.core.headcount.engineer', '/s/busy.yaml', 20],
    ]);
  });
});
