/**
 * The check of a timeline: what makes no sense is refused with the field (and, from a file,
 * the line): a change before day 0, an entry with no change or two, a role nobody in the team
 * holds, taking from a team that has nobody left, a team that does not exist on the day, a
 * parameter a run cannot change, and a day whose scenario is invalid.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadScenario, ScenarioError, type LoadOptions, type ScenarioSpec } from '../../src/scenario/index.js';
import { scenarioIssues } from '../../src/scenario/validate.js';
import { baseScenario, errorLines, warningLines } from './base-scenario.js';

const withTimeline = (timeline: unknown): unknown => ({ ...baseScenario(), timeline });

describe('the timeline check', () => {
  it('accepts each kind of change on a sound scenario', () => {
    const timeline = [
      { day: 50, hire: { team: 'core', role: 'engineer', count: 1 } },
      { day: 60, let_go: { team: 'core', role: 'analyst', count: 1 } },
      { day: 70, set: { 'handovers.delay.same_team': 1, 'workflow.loops.build.activities.draft.effort': 2 } },
      {
        day: 80,
        reorganise: {
          teams: {
            desk: { home: 'sales', headcount: { analyst: 1, engineer: 2 } },
            lab: { home: 'centre', headcount: { engineer: 1 } },
          },
        },
      },
      { day: 90, move: { from: 'desk', to: 'lab', role: 'engineer', count: 1 } },
    ];
    const spec = withTimeline(timeline) as ScenarioSpec;
    spec.handovers = { delay: { same_team: 2, same_home: 2, cross_home: 2 } };
    expect(errorLines(scenarioIssues(spec))).toEqual([]);
  });

  it('sets a field the file leaves to its default', () => {
    const timeline = [{ day: 5, set: { 'management.intake': 'priority', 'teams.core.effort_multiplier.ship': 0.8 } }];
    expect(errorLines(scenarioIssues(withTimeline(timeline)))).toEqual([]);
  });

  it('refuses an entry with no change or two', () => {
    expect(errorLines(scenarioIssues(withTimeline([{ day: 5 }])))).toEqual([
      'timeline[0]: a timeline entry makes no change | give exactly one of hire, let_go, move, set, reorganise (several changes on one day are several entries)',
    ]);
    const two = [{ day: 5, hire: { team: 'core', role: 'analyst', count: 1 }, set: { 'management.intake': 'fifo' } }];
    expect(errorLines(scenarioIssues(withTimeline(two)))[0]).toMatch(
      /^timeline\[0\]: a timeline entry makes one change, this one makes 2: hire, set/,
    );
  });

  it('refuses a role nobody in the team holds, and taking more people than a team has left', () => {
    const noRole = [{ day: 5, let_go: { team: 'core', role: 'engineer', count: 2 } }];
    expect(errorLines(scenarioIssues(withTimeline(noRole)))).toEqual([
      'timeline[0].let_go.count: team core has 1 person who holds engineer on day 5, fewer than the 2 this change takes',
    ]);
    const nobodyLeft = [
      {
        day: 4,
        reorganise: {
          teams: {
            core: { home: 'centre', headcount: { analyst: 2, engineer: 1 } },
            lab: { home: 'centre', headcount: { engineer: 1 } },
          },
        },
      },
      { day: 5, move: { from: 'core', to: 'lab', role: 'engineer', count: 1 } },
      { day: 6, move: { from: 'core', to: 'lab', role: 'engineer', count: 1 } },
      { day: 7, move: { from: 'core', to: 'core', role: 'analyst', count: 1 } },
    ];
    expect(errorLines(scenarioIssues(withTimeline(nobodyLeft)))).toEqual([
      'timeline[2].move.count: team core has 0 people who hold engineer on day 6, fewer than the 1 this change takes',
      'timeline[3].move.to: a move from team core to itself changes nothing',
    ]);
    const lastOne = [{ day: 5, let_go: { team: 'core', role: 'engineer', count: 1 } }];
    expect(errorLines(scenarioIssues(withTimeline(lastOne)))[0]).toMatch(
      /^timeline\[0\]: from day 5 \(after this change\), at workflow\.loops\.ship\.activities\.deploy\.role: activity ship\.deploy needs a engineer/,
    );
  });

  it('refuses a team that does not exist on the day, and an unknown role', () => {
    const gone = [
      { day: 5, reorganise: { teams: { desk: { home: 'sales', headcount: { analyst: 2, engineer: 1 } } } } },
      { day: 6, hire: { team: 'core', role: 'analist', count: 1 } },
    ];
    expect(errorLines(scenarioIssues(withTimeline(gone)))).toEqual([
      'timeline[1].hire.role: unknown role "analist" | did you mean "analyst"?',
    ]);
    gone[1] = { day: 6, hire: { team: 'core', role: 'analyst', count: 1 } };
    expect(errorLines(scenarioIssues(withTimeline(gone)))).toEqual([
      'timeline[1].hire.team: there is no team "core" on day 6 | teams then: desk',
    ]);
  });

  it('refuses a parameter a run cannot change, and a path that leads nowhere', () => {
    const set = (path: string) => errorLines(scenarioIssues(withTimeline([{ day: 5, set: { [path]: 3 } }])));
    expect(set('horizon_days')[0]).toMatch(
      /^timeline\[0\]\.set\.horizon_days: horizon_days cannot change during a run \| a timeline can set/,
    );
    expect(set('teams.core.headcount.analyst')[0]).toMatch(
      /cannot change during a run .*people change with hire, let_go, move or reorganise/,
    );
    expect(set('handovers.delay.same_team')[0]).toMatch(/there is no "handovers" under the top level/);
  });

  it('warns of a change after the horizon, which never happens', () => {
    const late = [{ day: 400, hire: { team: 'core', role: 'analyst', count: 1 } }];
    expect(warningLines(scenarioIssues(withTimeline(late)))).toEqual([
      'timeline[0].day: day 400 is not before the horizon (400 days): this change never happens',
    ]);
  });
});

/** In-memory files under /s. */
function files(contents: Record<string, string>): LoadOptions['readFile'] {
  return (path) => {
    const text = contents[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return text;
  };
}

describe('a timeline in a file', () => {
  const other = stringify({
    ...baseScenario(),
    teams: { desk: { home: 'sales', headcount: { analyst: 2, engineer: 1 } } },
  });

  it('refuses a change before day 0, at its line', () => {
    const text = `${stringify(baseScenario())}timeline:\n  - day: -5\n    hire: { team: core, role: analyst, count: 1 }\n`;
    try {
      loadScenario('/s/a.yaml', { readFile: files({ '/s/a.yaml': text }) });
      throw new Error('expected a ScenarioError');
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      expect(e.issues.map((i) => [i.path.join('.'), i.line])).toEqual([
        ['timeline.0.day', text.split('\n').indexOf('  - day: -5') + 1],
      ]);
    }
  });

  it('takes the teams of a reorganisation from another scenario file', () => {
    const text = `${stringify(baseScenario())}timeline:\n  - day: 100\n    reorganise: { teams_from: parts/desk.yaml }\n`;
    const loaded = loadScenario('/s/a.yaml', { readFile: files({ '/s/a.yaml': text, '/s/parts/desk.yaml': other }) });
    expect(loaded.spec.timeline?.[0].reorganise?.teams).toEqual({
      desk: { home: 'sales', headcount: { analyst: 2, engineer: 1 } },
    });
    expect(loaded.files).toContain('/s/parts/desk.yaml');
  });

  it('names the entry when the teams_from file cannot be read', () => {
    const text = `${stringify(baseScenario())}timeline:\n  - day: 100\n    reorganise: { teams_from: missing.yaml }\n`;
    expect(() => loadScenario('/s/a.yaml', { readFile: files({ '/s/a.yaml': text }) })).toThrow(
      /timeline\[0\]\.reorganise\.teams_from: teams_from missing\.yaml: cannot read/,
    );
  });
});
