/**
 * A scenario is resolved once into model parameters: every default comes from the schema's
 * `default`, the result is complete and read-only, and the derived values (effort scaling,
 * people cost, a model's lifetime) are worked out in one place.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_LIFETIME, ScenarioSpec } from '../../src/scenario/index.js';
import { entry, lookup } from '../../src/scenario/lookup.js';
import {
  effortMultiplier,
  effortScale,
  hasSmes,
  personCost,
  resolveParameters,
} from '../../src/scenario/model-parameters.js';
import { maintenanceScenario, mmcScenario } from '../support/small-scenarios.js';

/** A scenario that states only what the schema requires. */
function bare(): ScenarioSpec {
  const spec = mmcScenario(1, 0.5, 1, 100, 0);
  delete spec.warmup_days;
  delete spec.calendar;
  return spec;
}

type Schema = Record<string, unknown> & {
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  default?: unknown;
};

/** Every `default` of the schema with its path; `inUnion` marks one inside a member of a union. */
function defaultsOf(schema: Schema, path = '', inUnion = false): { path: string; value: unknown; inUnion: boolean }[] {
  const here = 'default' in schema ? [{ path, value: schema.default, inUnion }] : [];
  const children: [string, Schema, boolean][] = [
    ...Object.entries(schema.properties ?? {}).map(([k, s]): [string, Schema, boolean] => [`${path}.${k}`, s, inUnion]),
    ...Object.values(schema.patternProperties ?? {}).map((s): [string, Schema, boolean] => [
      `${path}.<id>`,
      s,
      inUnion,
    ]),
    ...(schema.items ? [[`${path}[]`, schema.items, inUnion] as [string, Schema, boolean]] : []),
    ...(schema.anyOf ?? []).map((s): [string, Schema, boolean] => [path, s, true]),
  ];
  return [...here, ...children.flatMap(([p, s, u]) => defaultsOf(s, p, u))];
}

describe('resolving a scenario into model parameters', () => {
  it('gives a scenario without a calendar 5 working days a week, and one without warmup_days no warm-up', () => {
    const p = resolveParameters(bare());
    expect(p.calendar.working_days_per_week).toBe(5);
    expect(p.warmup_days).toBe(0);
  });

  it('fills every defaulted field a bare scenario leaves out', () => {
    const p = resolveParameters(bare());
    expect(p.management).toEqual({ intake: 'fifo', planning_cadence_days: 0, coordination_overhead: 0, gates: {} });
    expect(p.workflow.iterations).toEqual({ decay: 1, cap: 10 });
    expect(p.domains.d).toMatchObject({ items: [], models_in_production: 0 });
    expect(p.use_case_types.job).toEqual({ skip_loops: [], effort_scale: 1, priority: 1 });
    expect(p.teams.t).toMatchObject({ cost_per_year: {}, effort_multiplier: {} });
    expect(p.roles.server.cost_per_year).toBe(0);
    expect(p.modelLifetime).toEqual(DEFAULT_MODEL_LIFETIME);
  });

  it('adds no key for an optional field without a default', () => {
    const p = resolveParameters(bare());
    expect(Object.keys(p.teams.t).sort()).toEqual([
      'cost_per_year',
      'effort_multiplier',
      'headcount',
      'home',
      'people',
    ]);
    expect('maintenance' in p).toBe(false);
    expect('handovers' in p).toBe(false);
  });

  it('keeps what the scenario states over the defaults', () => {
    const spec = bare();
    spec.calendar = { working_days_per_week: 6 };
    spec.management = { intake: 'priority' };
    spec.workflow.iterations = { decay: 0.5, cap: 2 };
    const p = resolveParameters(spec);
    expect(p.calendar.working_days_per_week).toBe(6);
    expect(p.management).toEqual({ intake: 'priority', planning_cadence_days: 0, coordination_overhead: 0, gates: {} });
    expect(p.workflow.iterations).toEqual({ decay: 0.5, cap: 2 });
  });

  it('takes each default from the schema: the value resolved for a left-out field is its `default`', () => {
    const schema = ScenarioSpec as unknown as Schema;
    const props = (s: Schema | undefined, key: string): Schema => s?.properties?.[key] ?? {};
    const p = resolveParameters(bare());
    expect(p.warmup_days).toBe(props(schema, 'warmup_days').default);
    expect(p.calendar).toEqual(props(schema, 'calendar').default);
    expect(p.workflow.iterations).toEqual(props(props(schema, 'workflow'), 'iterations').default);
    const management = props(schema, 'management');
    for (const key of ['intake', 'planning_cadence_days', 'coordination_overhead', 'gates'] as const)
      expect(p.management[key]).toEqual(props(management, key).default);
    const type = Object.values(props(schema, 'use_case_types').patternProperties ?? {})[0];
    expect(p.use_case_types.job.priority).toBe(props(type, 'priority').default);
    expect(p.modelLifetime).toEqual(props(props(schema, 'maintenance'), 'lifetime_days').default);
  });

  it("takes a model's lifetime from maintenance when it states one", () => {
    const spec = maintenanceScenario({ horizon: 100, perMonth: 1, effort: 1, maintainers: 1, lifetime: 100 });
    expect(resolveParameters(spec).modelLifetime).toBe(100);
  });

  it('fills defaults inside maintenance when the scenario has it', () => {
    const spec = maintenanceScenario({ horizon: 100, perMonth: 1, effort: 1, maintainers: 1, lifetime: 100 });
    delete spec.maintenance?.urgent;
    delete spec.maintenance?.lifetime_days;
    const p = resolveParameters(spec);
    expect(p.maintenance?.urgent).toBe(true);
    expect(p.maintenance?.lifetime_days).toEqual(DEFAULT_MODEL_LIFETIME);
  });

  it('states no default where the resolver cannot reach it (inside a member of a union)', () => {
    const defaults = defaultsOf(ScenarioSpec as unknown as Schema);
    expect(defaults.length).toBeGreaterThan(15);
    expect(defaults.filter((d) => d.inUnion)).toEqual([]);
  });

  it('leaves the scenario as written untouched, and returns parameters that cannot be changed', () => {
    const spec = bare();
    const before = structuredClone(spec);
    const p = resolveParameters(spec);
    expect(spec).toEqual(before);
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.domains.d.demand)).toBe(true);
    expect(() => {
      (p.management as { intake: string }).intake = 'priority';
    }).toThrow(TypeError);
  });
});

describe('effort scaling, resolved once for the model and the capacity check', () => {
  it('applies a use-case type scale to every loop, or per loop with the loops left out unscaled', () => {
    const p = resolveParameters({
      ...bare(),
      use_case_types: { one: { effort_scale: 2 }, per: { effort_scale: { data: 0.5 } }, none: {} },
    });
    expect(effortScale(p.use_case_types.one, 'data')).toBe(2);
    expect(effortScale(p.use_case_types.one, 'model')).toBe(2);
    expect(effortScale(p.use_case_types.per, 'data')).toBe(0.5);
    expect(effortScale(p.use_case_types.per, 'model')).toBe(1);
    expect(effortScale(p.use_case_types.none, 'data')).toBe(1);
  });

  it('applies a team multiplier per loop (and for maintenance), the loops left out unscaled', () => {
    const spec = bare();
    spec.teams.t.effort_multiplier = { w: 1.5, maintenance: 2 };
    const p = resolveParameters(spec);
    expect(effortMultiplier(p.teams.t, 'w')).toBe(1.5);
    expect(effortMultiplier(p.teams.t, 'maintenance')).toBe(2);
    expect(effortMultiplier(p.teams.t, 'other')).toBe(1);
  });
});

describe('derived values', () => {
  it("costs a person at the team's own figure, else the role's, else nothing", () => {
    const spec = bare();
    spec.roles = { server: { cost_per_year: 100 }, helper: {} };
    spec.teams.t.headcount!.helper = 1;
    spec.teams.t.cost_per_year = { server: 150 };
    const p = resolveParameters(spec);
    expect(personCost(p, p.teams.t, 'server')).toBe(150);
    expect(personCost(p, { ...p.teams.t, cost_per_year: {} }, 'server')).toBe(100);
    expect(personCost(p, p.teams.t, 'helper')).toBe(0);
    expect(() => personCost(p, p.teams.t, 'nobody')).toThrow('no role "nobody"');
  });

  it('counts a domain as having SMEs only with at least one person', () => {
    const p = resolveParameters({
      ...bare(),
      domains: {
        none: {},
        zero: { sme: { people: 0, availability: 0.5 } },
        some: { sme: { people: 2, availability: 0.5 } },
      },
    });
    expect([hasSmes(p.domains.none), hasSmes(p.domains.zero), hasSmes(p.domains.some)]).toEqual([false, false, true]);
  });
});

describe('lookups that can miss', () => {
  it('throw an error naming the key and what was looked up', () => {
    expect(() => lookup(new Map([['a', 1]]), 'b', 'activity effort')).toThrow('no activity effort "b"');
    expect(() => entry({ a: 1 }, 'b', 'team')).toThrow('no team "b"');
  });

  it('do not take an inherited property for an entry', () => {
    expect(() => entry({}, 'toString', 'role')).toThrow('no role "toString"');
    expect(entry({ a: 0 }, 'a', 'role')).toBe(0);
  });
});

describe('the schema after resolving', () => {
  it('keeps its own defaults unfrozen: resolving copies them', () => {
    resolveParameters(bare());
    expect(Object.isFrozen(ScenarioSpec.properties.maintenance.properties.lifetime_days.default)).toBe(false);
    expect(Object.isFrozen(DEFAULT_MODEL_LIFETIME)).toBe(false);
  });
});
