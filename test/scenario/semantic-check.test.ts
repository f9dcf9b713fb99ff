/**
 * The checks the schema cannot make: references between parts of a scenario, the workflow's
 * shape, roles covered for every domain, and warnings where the expected load reaches capacity.
 */
import { describe, expect, it } from 'vitest';
import { ScenarioError, type ScenarioSpec, validateScenario } from '../../src/scenario/index.js';
import { scenarioIssues } from '../../src/scenario/validate.js';
import { checkSemantics } from '../../src/scenario/semantic-check.js';
import { DAYS_PER_MONTH } from '../../src/scenario/time-units.js';
import { baseScenario, errorLines, warningLines } from './base-scenario.js';

const errors = (spec: ScenarioSpec): string[] => errorLines(checkSemantics(spec));
const warnings = (spec: ScenarioSpec): string[] => warningLines(checkSemantics(spec));
/** Each capacity warning as `role in team: utilisation, people needed`. */
const loads = (spec: ScenarioSpec): string[] =>
  warnings(spec).map((w) => {
    const m = /utilisation of (\S+) in team (\S+) is (\d+%).*about (\d+) needed/.exec(w);
    return m ? `${m[1]} in ${m[2]}: ${m[3]}, ${m[4]} needed` : w;
  });

describe('a sound scenario', () => {
  it('has no issues', () => {
    expect(checkSemantics(baseScenario())).toEqual([]);
  });
});

describe('the outline of a scenario', () => {
  it('refuses a horizon no longer than the warm-up, and accepts one a day longer', () => {
    const spec = { ...baseScenario(), horizon_days: 100, warmup_days: 100 };
    expect(errors(spec)).toEqual([
      'horizon_days: the horizon (100 days) must be longer than the warm-up (100 days) | lengthen horizon_days or shorten warmup_days',
    ]);
    expect(errors({ ...spec, horizon_days: 101 })).toEqual([]);
  });

  it('refuses a scenario with no domain, or a workflow with no loop', () => {
    expect(errors({ ...baseScenario(), domains: {} })).toEqual(['domains: a scenario needs at least one domain']);
    const noLoops = baseScenario();
    noLoops.workflow.loops = {};
    expect(errors(noLoops)).toContain('workflow.loops: the workflow needs at least one loop');
  });

  it('refuses a declared "sme" role: it is built in', () => {
    const spec = baseScenario();
    spec.roles.sme = {};
    expect(errors(spec)).toEqual([
      `roles.sme: "sme" is built in (each domain's subject-matter experts) and cannot be declared | remove it from roles; set domains.<id>.sme instead`,
    ]);
  });
});

describe('references to use-case types and loops', () => {
  it('refuses demand and dated items of an unknown type, naming the closest type', () => {
    const spec = baseScenario();
    spec.domains.sales.demand = { report: 1, reprot: 1 };
    spec.domains.sales.items = [
      { day: 1, type: 'report' },
      { day: 2, type: 'dashbord' },
    ];
    expect(errors(spec)).toEqual([
      'domains.sales.demand.reprot: unknown use-case type "reprot" | did you mean "report"?',
      'domains.sales.items[1].type: unknown use-case type "dashbord" | expected one of: report',
    ]);
  });

  it('refuses a type that skips or scales an unknown loop', () => {
    const spec = baseScenario();
    spec.use_case_types.report = { skip_loops: ['ship', 'shop'], effort_scale: { build: 2, biuld: 2 } };
    expect(errors(spec)).toEqual([
      'use_case_types.report.skip_loops[1]: unknown loop "shop" | did you mean "ship"?',
      'use_case_types.report.effort_scale.biuld: unknown loop "biuld" | did you mean "build"?',
    ]);
  });
});

describe('teams', () => {
  it('refuses an unknown home, suggesting the centre or a domain', () => {
    const spec = baseScenario();
    spec.teams.core.home = 'sals';
    expect(errors(spec)[0]).toBe(
      'teams.core.home: unknown home "sals" | use "centre" or a domain; did you mean "sales"?',
    );
  });

  it('accepts a home that is a domain, and refuses serving an unknown domain', () => {
    const spec = baseScenario();
    spec.teams.core = { home: 'sales', serves: ['sales', 'ops'], headcount: { analyst: 2, engineer: 1 } };
    expect(errors(spec)).toEqual(['teams.core.serves[1]: unknown domain "ops" | expected one of: sales']);
  });

  it('refuses headcount and costs of unknown roles, and sends an sme headcount to the domain', () => {
    const spec = baseScenario();
    spec.teams.core.headcount = { analyst: 2, engineer: 1, anlyst: 1, sme: 1 };
    spec.teams.core.cost_per_year = { analyst: 10, enginer: 10 };
    expect(errors(spec)).toEqual([
      'teams.core.headcount.anlyst: unknown role "anlyst" | did you mean "analyst"?',
      'teams.core.headcount.sme: unknown role "sme" | subject-matter experts belong to domains: set domains.<id>.sme',
      'teams.core.cost_per_year.enginer: unknown role "enginer" | did you mean "engineer"?',
    ]);
  });

  it('accepts an effort multiplier for a loop or for maintenance, and refuses one for an unknown loop', () => {
    const spec = baseScenario();
    spec.teams.core.effort_multiplier = { build: 2, maintenance: 1.5, shipp: 2 };
    expect(errors(spec)).toEqual(['teams.core.effort_multiplier.shipp: unknown loop "shipp" | did you mean "ship"?']);
    spec.teams.core.effort_multiplier = { maintenanse: 2 };
    expect(errors(spec)).toEqual([
      'teams.core.effort_multiplier.maintenanse: unknown loop "maintenanse" | did you mean "maintenance"?',
    ]);
  });
});

describe('distributions', () => {
  it('refuses a distribution whose parameters cannot be built, at its field path', () => {
    const spec = baseScenario();
    spec.workflow.loops.build.activities.draft.effort = { lognormal: { median: 5, p90: 4 } };
    spec.maintenance = { incidents_per_model_per_month: 1, role: 'engineer', effort: { uniform: { min: 3, max: 1 } } };
    spec.handovers = {
      delay: {
        same_team: 0,
        same_home: { gamma: { shape: 1, scale: 1 } },
        cross_home: { triangular: { min: 2, mode: 1, max: 3 } },
      },
      clarification: {
        probability: { same_team: 0, same_home: 0, cross_home: 0 },
        sme_effort: { pert: { min: 1, mode: 0, max: 3 } },
      },
    };
    expect(errors(spec).map((e) => e.split(':')[0])).toEqual([
      'workflow.loops.build.activities.draft.effort',
      'handovers.delay.cross_home',
      'handovers.clarification.sme_effort',
      'maintenance.effort',
    ]);
    expect(errors(spec)[0]).toBe(
      'workflow.loops.build.activities.draft.effort: lognormal: p90 must be > median (5), got 4',
    );
  });

  it('checks the lifetime of a model too', () => {
    const spec = baseScenario();
    spec.maintenance = {
      incidents_per_model_per_month: 1,
      role: 'engineer',
      effort: 1,
      lifetime_days: { uniform: { min: 9, max: 1 } },
    };
    expect(errors(spec).map((e) => e.split(':')[0])).toEqual(['maintenance.lifetime_days']);
  });
});

describe('activities', () => {
  it('refuses an activity done by an unknown role, naming the closest role (sme allowed)', () => {
    const spec = baseScenario();
    spec.workflow.loops.ship.activities.deploy.role = 'enginer';
    spec.workflow.loops.build.activities.check.role = 'sme';
    expect(errors(spec)).toEqual([
      'workflow.loops.ship.activities.deploy.role: unknown role "enginer" | did you mean "engineer"?',
    ]);
  });

  it('suggests the built-in sme role for a near miss', () => {
    const spec = baseScenario();
    spec.workflow.loops.build.activities.check.role = 'smee';
    expect(errors(spec)).toEqual([
      'workflow.loops.build.activities.check.role: unknown role "smee" | did you mean "sme"?',
    ]);
  });

  it('refuses an unknown gate: with gates, the closest; without, where to define one', () => {
    const spec = baseScenario();
    spec.workflow.loops.build.activities.check.gate = 'reveiw';
    expect(errors(spec)).toEqual([
      'workflow.loops.build.activities.check.gate: unknown gate "reveiw" | define it under management.gates',
    ]);
    spec.management = { gates: { review: { cadence_days: 7, approval_probability: 0.9 } } };
    expect(errors(spec)).toEqual([
      'workflow.loops.build.activities.check.gate: unknown gate "reveiw" | did you mean "review"?',
    ]);
    spec.workflow.loops.build.activities.check.gate = 'review';
    expect(errors(spec)).toEqual([]);
  });

  it('refuses next steps whose probabilities do not sum to 1, but tolerates rounding', () => {
    const spec = baseScenario();
    spec.workflow.loops.build.activities.check.next = { draft: 0.1, 'ship.deploy': 0.7 };
    expect(errors(spec)).toEqual([
      'workflow.loops.build.activities.check.next: the probabilities of the next steps sum to 0.8, not 1 | make them add up to 1',
    ]);
    spec.workflow.loops.build.activities.check.next = { draft: 0.1, 'ship.deploy': 0.2, abandon: 0.7 };
    expect(errors(spec)).toEqual([]);
    spec.workflow.loops.build.activities.check.next = { draft: 0.3, 'ship.deploy': 0.8 };
    expect(errors(spec)[0]).toContain('sum to 1.1, not 1');
  });

  it('refuses an activity with no next step', () => {
    const spec = baseScenario();
    spec.workflow.loops.ship.activities.deploy.next = {};
    expect(errors(spec)).toContain(
      'workflow.loops.ship.activities.deploy.next: an activity needs at least one next step | add live: 1 or the next activity',
    );
  });

  it('refuses an activity reached only through a transition of probability 0', () => {
    const spec = baseScenario();
    spec.workflow.loops.build.activities.check.next = { draft: 0, live: 1, 'ship.deploy': 0 };
    expect(errors(spec)).toEqual([
      'workflow.loops.ship.activities.deploy: activity ship.deploy can never be reached from the start (build.draft) | remove it or add a next step that leads to it',
    ]);
  });

  it('refuses a loop whose only way out has probability 0', () => {
    const spec = baseScenario();
    spec.workflow.loops.build.activities.check.next = { draft: 1, 'ship.deploy': 0 };
    expect(errors(spec)).toEqual([
      "workflow.loops.build.activities.draft: activity build.draft is in a loop with no way out: no path from it reaches live or abandon | give one of the loop's activities a next step out of the loop",
      "workflow.loops.build.activities.check: activity build.check is in a loop with no way out: no path from it reaches live or abandon | give one of the loop's activities a next step out of the loop",
      'workflow.loops.ship.activities.deploy: activity ship.deploy can never be reached from the start (build.draft) | remove it or add a next step that leads to it',
    ]);
  });

  it('finds a way out several steps away, whatever the order the activities are written in', () => {
    const spec = baseScenario();
    spec.workflow.start = 'build.a';
    spec.workflow.loops.build.activities = {
      a: { role: 'analyst', effort: 1, next: { b: 1 } },
      b: { role: 'analyst', effort: 1, next: { c: 1 } },
      c: { role: 'analyst', effort: 1, next: { a: 0.5, 'ship.deploy': 0.5 } },
    };
    expect(errors(spec)).toEqual([]);
  });

  it('skips the reachability check when a target is unknown (the unknown target is the error)', () => {
    const spec = baseScenario();
    spec.workflow.loops.build.activities.check.next = { draft: 0.2, 'ship.deplo': 0.8 };
    expect(errors(spec).map((e) => e.split(' | ')[0])).toEqual([
      'workflow.loops.build.activities.check.next.ship.deplo: unknown target "ship.deplo"',
    ]);
  });
});

describe('gates and maintenance', () => {
  it('refuses a gate that never approves', () => {
    const spec = baseScenario();
    spec.management = { gates: { review: { cadence_days: 7, approval_probability: 0 } } };
    expect(errors(spec)).toEqual([
      'management.gates.review.approval_probability: a gate that never approves can never be passed | use a probability above 0',
    ]);
  });

  it('refuses maintenance by an unknown role, and accepts the SMEs of a domain that has them', () => {
    const spec = baseScenario();
    spec.maintenance = { incidents_per_model_per_month: 1, role: 'enginer', effort: 1 };
    expect(errors(spec)).toEqual([
      'maintenance.role: maintenance needs a enginer, but no team that serves domain sales has one | add enginer to a team serving sales',
      'maintenance.role: unknown role "enginer" | did you mean "engineer"?',
    ]);
    spec.maintenance.role = 'sme';
    expect(errors(spec)).toEqual([]);
  });

  it('refuses maintenance by SMEs in a domain with none', () => {
    const spec = baseScenario();
    spec.domains.sales.sme = { people: 0, availability: 0.5 };
    spec.maintenance = { incidents_per_model_per_month: 1, role: 'sme', effort: 1 };
    expect(errors(spec)).toEqual([
      "maintenance.role: maintenance needs the domain's subject-matter experts, but domain sales has none | set domains.sales.sme",
    ]);
  });

  it('needs a maintainer for a domain with models in production even if it asks for nothing new', () => {
    const spec = baseScenario();
    spec.domains.ops = { models_in_production: 2 };
    spec.teams.core.serves = ['sales'];
    spec.maintenance = { incidents_per_model_per_month: 1, role: 'engineer', effort: 1 };
    expect(errors(spec)).toEqual([
      'maintenance.role: maintenance needs a engineer, but no team that serves domain ops has one | add engineer to a team serving ops',
    ]);
    spec.domains.ops = {};
    expect(errors(spec)).toEqual([]);
  });
});

describe('roles covered for every domain', () => {
  it('refuses a domain whose use cases reach an activity no serving team can do', () => {
    const spec = baseScenario();
    spec.teams = {
      core: { home: 'centre', serves: [], headcount: { analyst: 2, engineer: 1 } },
      desk: { home: 'sales', headcount: { analyst: 1 } },
    };
    expect(errors(spec)).toEqual([
      'workflow.loops.ship.activities.deploy.role: activity ship.deploy needs a engineer, but no team that serves domain sales has one | add engineer to a team whose home is sales or that serves sales',
    ]);
  });

  it("does not ask for a role in a loop the domain's types skip, or in a domain with no demand", () => {
    const spec = baseScenario();
    spec.teams.core.headcount = { analyst: 2 };
    spec.use_case_types.report = { skip_loops: ['ship'] };
    expect(errors(spec)).toEqual([]);
    const idle = baseScenario();
    idle.teams.core.headcount = { analyst: 2 };
    idle.domains.sales.demand = { report: 0 };
    expect(errors(idle)).toEqual([]);
  });

  it('does not ask for a role only reachable through a loop the type skips', () => {
    // build.draft leads to ship.deploy or ship.audit; a type skipping build enters ship at deploy
    const spec = baseScenario();
    spec.roles.auditor = {};
    spec.workflow.loops.build.activities = {
      draft: { role: 'analyst', effort: 1, next: { 'ship.deploy': 0.5, 'ship.audit': 0.5 } },
    };
    spec.workflow.loops.ship.activities.audit = { role: 'auditor', effort: 1, next: { live: 1 } };
    spec.use_case_types.report = { skip_loops: ['build'] };
    expect(errors(spec)).toEqual([]);
    spec.use_case_types.report = {};
    expect(errors(spec)).toEqual([
      'workflow.loops.ship.activities.audit.role: activity ship.audit needs a auditor, but no team that serves domain sales has one | add auditor to a team whose home is sales or that serves sales',
    ]);
  });

  it('checks the roles of the types asked for as dated items', () => {
    const spec = baseScenario();
    spec.teams.core.headcount = { analyst: 2 };
    spec.domains.sales.demand = {};
    spec.domains.sales.items = [{ day: 3, type: 'report' }];
    expect(errors(spec)).toEqual([
      'workflow.loops.ship.activities.deploy.role: activity ship.deploy needs a engineer, but no team that serves domain sales has one | add engineer to a team whose home is sales or that serves sales',
    ]);
  });

  it('refuses an SME activity, or clarification rounds, in a domain without SMEs', () => {
    const spec = baseScenario();
    delete spec.domains.sales.sme;
    spec.workflow.loops.build.activities.check.role = 'sme';
    expect(errors(spec)).toEqual([
      "workflow.loops.build.activities.check.role: activity build.check needs the domain's subject-matter experts, but domain sales has none | set domains.sales.sme",
    ]);
    const clarifying = baseScenario();
    delete clarifying.domains.sales.sme;
    clarifying.handovers = {
      delay: { same_team: 0, same_home: 0, cross_home: 0 },
      clarification: { probability: { same_team: 0, same_home: 0.1, cross_home: 0 }, sme_effort: 1 },
    };
    expect(errors(clarifying)).toEqual([
      'domains.sales.sme: domain sales has no subject-matter experts, but handovers can need a clarification round with one | set sme: { people, availability } for the domain',
    ]);
    clarifying.domains.sales.demand = {};
    clarifying.domains.ops = { demand: { report: 1 }, sme: { people: 1, availability: 1 } };
    // a domain that asks for nothing needs no SMEs
    expect(errors(clarifying)).toEqual([]);
    // nor does a domain that asks for work when no handover can need a clarification round
    clarifying.domains.sales.demand = { report: 1 };
    clarifying.handovers.clarification = { probability: { same_team: 0, same_home: 0, cross_home: 0 }, sme_effort: 1 };
    expect(errors(clarifying)).toEqual([]);
  });
});

describe('capacity warnings', () => {
  /** One use case a day (7 working days a week), so the load is visits x effort per day. */
  const daily = (): ScenarioSpec => ({
    ...baseScenario(),
    calendar: { working_days_per_week: 7 },
    domains: { sales: { demand: { report: DAYS_PER_MONTH } } },
  });

  it('warns where the expected load reaches capacity, with the people needed', () => {
    // visits: draft and check 1 / 0.8 = 1.25 each, deploy 1; analysts 2.5 days a day for 2 people
    expect(warnings(daily())).toEqual([
      'teams.core.headcount.analyst: expected utilisation of analyst in team core is 125% (demand exceeds capacity): its queue will grow without bound | add people (about 3 needed) or lower the demand; the estimate ignores learning, so it is an upper bound',
      'teams.core.headcount.engineer: expected utilisation of engineer in team core is 100% (demand exceeds capacity): its queue will grow without bound | add people (about 1 needed) or lower the demand; the estimate ignores learning, so it is an upper bound',
    ]);
    expect(errors(daily())).toEqual([]);
  });

  it('does not warn below capacity', () => {
    const spec = daily();
    spec.teams.core.headcount = { analyst: 3, engineer: 2 };
    expect(warnings(spec)).toEqual([]);
  });

  it('counts effort in working days: five working days a week make the load 7/5 as heavy', () => {
    const spec = daily();
    spec.calendar = { working_days_per_week: 5 };
    spec.teams.core.headcount = { analyst: 4, engineer: 2 };
    // analysts 2.5 x 7/5 = 3.5 for 4 people (88%): no warning; engineer 1.4 for 2 (70%)
    expect(warnings(spec)).toEqual([]);
    spec.teams.core.headcount = { analyst: 3, engineer: 2 };
    expect(loads(spec)).toEqual(['analyst in core: 117%, 4 needed']);
  });

  it('takes coordination overhead out of capacity', () => {
    const spec = daily();
    spec.teams.core.headcount = { analyst: 3, engineer: 2 };
    spec.management = { coordination_overhead: 0.2 };
    // analysts 2.5 for 3 x 0.8 = 2.4: 104%, about 2.5 / 0.8 = 3.125 -> 4 needed
    expect(loads(spec)).toEqual(['analyst in core: 104%, 4 needed']);
  });

  it("scales the load by the type's effort scale and the team's effort multiplier, per loop", () => {
    const spec = daily();
    spec.teams.core.headcount = { analyst: 3, engineer: 2 };
    spec.use_case_types.report = { effort_scale: { ship: 2 } };
    expect(loads(spec)).toEqual(['engineer in core: 100%, 2 needed']);
    const multiplied = daily();
    multiplied.teams.core.headcount = { analyst: 3, engineer: 2 };
    multiplied.teams.core.effort_multiplier = { build: 1.5 };
    // analysts 2.5 x 1.5 = 3.75 for 3: 125%
    expect(loads(multiplied)).toEqual(['analyst in core: 125%, 4 needed']);
  });

  it('uses the mean of the effort distribution', () => {
    const spec = daily();
    spec.teams.core.headcount = { analyst: 3, engineer: 2 };
    spec.workflow.loops.ship.activities.deploy.effort = { exponential: { mean: 3 } };
    expect(loads(spec)).toEqual(['engineer in core: 150%, 3 needed']);
  });

  it("splits a domain's work among its eligible teams by headcount", () => {
    const spec = daily();
    spec.teams = {
      big: { home: 'centre', headcount: { analyst: 2, engineer: 2 } },
      small: { home: 'centre', headcount: { analyst: 1, engineer: 1 } },
    };
    // analysts 2.5 for 3 people: 83% in each team; no warning
    expect(warnings(spec)).toEqual([]);
    spec.teams.small.headcount!.analyst = 0;
    // all 2.5 to big's 2 analysts
    expect(loads(spec)).toEqual(['analyst in big: 125%, 3 needed']);
  });

  it('spreads dated items over the horizon', () => {
    const spec = daily();
    spec.horizon_days = 10;
    spec.domains.sales = { items: Array.from({ length: 21 }, (_, i) => ({ day: i / 2, type: 'report' })) };
    spec.teams.core.headcount = { analyst: 6, engineer: 2 };
    // 2.1 a day: analysts 5.25 for 6 (88%), engineers 2.1 for 2
    expect(loads(spec)).toEqual(['engineer in core: 105%, 3 needed']);
  });

  it('adds dated items to the demand of the same type', () => {
    const spec = daily();
    spec.horizon_days = 10;
    spec.domains.sales.items = Array.from({ length: 5 }, (_, i) => ({ day: i, type: 'report' }));
    spec.teams.core.headcount = { analyst: 4, engineer: 1 };
    // 1.5 a day: analysts 3.75 for 4 (94%), engineer 1.5 for 1
    expect(loads(spec)).toEqual(['engineer in core: 150%, 2 needed']);
  });

  it('accepts handovers with delays and no clarification rounds', () => {
    const spec = baseScenario();
    spec.handovers = { delay: { same_team: 0, same_home: 1, cross_home: { exponential: { mean: 2 } } } };
    expect(checkSemantics(spec)).toEqual([]);
  });

  it('leaves out the activities of the SMEs and of skipped loops', () => {
    const spec = daily();
    spec.teams.core.headcount = { analyst: 1, engineer: 1 };
    spec.workflow.loops.build.activities.draft.role = 'sme';
    spec.workflow.loops.build.activities.check.role = 'sme';
    spec.domains.sales.sme = { people: 10, availability: 1 };
    spec.use_case_types.report = { skip_loops: ['ship'] };
    expect(warnings(spec)).toEqual([]);
  });

  it('gives no warnings when the scenario has errors', () => {
    const spec = daily();
    spec.roles.sme = {};
    expect(warnings(spec)).toEqual([]);
  });
});

describe('validating a scenario built in code', () => {
  it('returns it with its warnings', () => {
    const spec = { ...baseScenario(), domains: { sales: { demand: { report: 300 } } } };
    const { spec: valid, warnings: found } = validateScenario(spec);
    expect(valid).toBe(spec);
    expect(found.map((w) => w.severity)).toEqual(['warning', 'warning']);
  });

  it('checks the structure first, and the meaning only of a scenario whose structure is sound', () => {
    const spec = { ...baseScenario(), horizon_days: 'long', warmup_days: 500 };
    expect(() => validateScenario(spec)).toThrow(ScenarioError);
    expect(errorLines(scenarioIssues(spec))).toEqual([
      'horizon_days: expected a number (simulated calendar days, at most a thousand years), found "long"',
    ]);
    expect(errorLines(scenarioIssues({ ...spec, horizon_days: 100 }))).toEqual([
      'horizon_days: the horizon (100 days) must be longer than the warm-up (500 days) | lengthen horizon_days or shorten warmup_days',
    ]);
  });
});
