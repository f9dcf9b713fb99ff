import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/index.js';
import { loadScenario, scenarioJsonSchema, ScenarioSpec, type LoadedScenario } from '../../src/scenario/index.js';
import { checkStructure } from '../../src/scenario/structure-check.js';
import { scenarioFieldTable } from '../../src/scenario/field-table.js';

const dir = join(import.meta.dirname, '..', '..', 'scenarios');
const PRESETS = ['centralized', 'hub-and-spoke', 'federated'];
const loaded = new Map<string, LoadedScenario>(PRESETS.map((p) => [p, loadScenario(join(dir, `${p}.yaml`))]));

describe('shipped scenarios', () => {
  it('scenarios/schema.json is the schema generated from the spec (run npm run schema after changing it)', () => {
    expect(JSON.parse(readFileSync(join(dir, 'schema.json'), 'utf8'))).toEqual(scenarioJsonSchema());
  });

  it('the README field table is the one generated from the spec (run npm run schema after changing it)', () => {
    expect(readFileSync(join(dir, '..', 'README.md'), 'utf8')).toContain(
      `<!-- fields:start -->\n${scenarioFieldTable()}\n<!-- fields:end -->`,
    );
  });

  it('the example scenario of the README loads without warnings and runs', () => {
    const example = loadScenario(join(dir, 'examples', 'small-team.yaml'));
    expect(example.warnings).toEqual([]);
    const run = simulate(example.spec, { seed: 3 });
    expect(run.items.filter((i) => i.outcome === 'live').length).toBeGreaterThan(10);
    expect(readFileSync(join(dir, '..', 'README.md'), 'utf8')).toContain(
      readFileSync(join(dir, 'examples', 'small-team.yaml'), 'utf8'),
    );
  });

  it('every shipped scenario file points editors at the schema', () => {
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      expect(readFileSync(join(dir, f), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\/schema\.json/);
    }
    for (const f of ['parts/base.yaml', 'examples/small-team.yaml']) {
      expect(readFileSync(join(dir, f), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\.json/);
    }
  });

  it.each(PRESETS)('%s is valid against the schema, with no warnings, and runs', (preset) => {
    const scenario = loaded.get(preset)!;
    expect(checkStructure(ScenarioSpec, scenario.spec)).toEqual([]);
    expect(scenario.warnings).toEqual([]);
    const run = simulate(scenario.spec, { seed: 1, log: false });
    expect(run.items.length).toBeGreaterThan(100);
    expect(run.items.some((i) => i.outcome === 'live')).toBe(true);
  });

  it('the base part alone is not a scenario: it has no teams', () => {
    const base = parseYaml(readFileSync(join(dir, 'parts', 'base.yaml'), 'utf8'));
    expect(checkStructure(ScenarioSpec, base).map((i) => i.message)).toContain(
      'missing required field "teams" (team id -> team)',
    );
  });

  it('the three configurations have the same demand, workflow and parameters: only teams differ', () => {
    const strip = (s: ScenarioSpec) => JSON.stringify({ ...s, name: '', description: '', teams: {} });
    const [a, b, c] = PRESETS.map((p) => strip(loaded.get(p)!.spec));
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('the three configurations have the same headcount per role, so the same people cost', () => {
    const perRole = (s: ScenarioSpec): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const team of Object.values(s.teams))
        for (const [role, n] of Object.entries(team.headcount ?? {})) out[role] = (out[role] ?? 0) + n;
      return out;
    };
    const [a, b, c] = PRESETS.map((p) => perRole(loaded.get(p)!.spec));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    const costs = PRESETS.map((p) => simulate(loaded.get(p)!.spec, { seed: 1, log: false }).peopleCost);
    expect(costs[1]).toBeCloseTo(costs[0], 6);
    expect(costs[2]).toBeCloseTo(costs[0], 6);
  });
});
