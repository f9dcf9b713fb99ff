/** The workflow as a graph: targets resolved, loop-backs marked, skipped loops redirected, visits solved. */
import { describe, expect, it } from 'vitest';
import {
  buildWorkflowGraph,
  expectedVisits,
  redirectForSkippedLoops,
  resolveTarget,
  type WorkflowShape,
} from '../../src/scenario/workflow-graph.js';
import { resolveParameters } from '../../src/scenario/model-parameters.js';
import { baseScenario } from './base-scenario.js';

const workflow = (): WorkflowShape => resolveParameters(baseScenario()).workflow;

/** A workflow of three loops a, b, c with one or two activities each, for skip tests. */
function threeLoops(): WorkflowShape {
  const s = baseScenario();
  s.workflow = {
    start: 'a.one',
    loops: {
      a: {
        activities: {
          one: { role: 'analyst', effort: 1, next: { two: 1 } },
          two: { role: 'analyst', effort: 1, next: { 'b.one': 1 } },
        },
      },
      b: { activities: { one: { role: 'analyst', effort: 1, next: { 'c.one': 1 } } } },
      c: { activities: { one: { role: 'analyst', effort: 1, next: { live: 1 } } } },
    },
  };
  return resolveParameters(s).workflow;
}

describe('resolving a next target', () => {
  it('reads an activity of the same loop, loop.activity, or a terminal; anything else is unknown', () => {
    const w = workflow();
    expect(resolveTarget(w, 'build', 'check')).toBe('build.check');
    expect(resolveTarget(w, 'build', 'ship.deploy')).toBe('ship.deploy');
    expect(resolveTarget(w, 'build', 'live')).toBe('live');
    expect(resolveTarget(w, 'build', 'abandon')).toBe('abandon');
    expect(resolveTarget(w, 'build', 'deploy')).toBeUndefined();
    expect(resolveTarget(w, 'build', 'ship.check')).toBeUndefined();
    expect(resolveTarget(w, 'build', '.deploy')).toBeUndefined();
    expect(resolveTarget(w, 'nope', 'check')).toBeUndefined();
  });
});

describe('building the graph', () => {
  it('orders activities as written and marks moves back to the same or an earlier activity as loop-backs', () => {
    const { graph, issues } = buildWorkflowGraph(workflow());
    expect(issues).toEqual([]);
    expect(graph.ordered).toEqual(['build.draft', 'build.check', 'ship.deploy']);
    expect(graph.loops).toEqual(['build', 'ship']);
    expect(graph.start).toBe('build.draft');
    expect(graph.nodes.get('build.check')?.transitions).toEqual([
      { target: 'build.draft', probability: 0.2, isLoopBack: true },
      { target: 'ship.deploy', probability: 0.8, isLoopBack: false },
    ]);
    expect(graph.nodes.get('ship.deploy')?.transitions).toEqual([
      { target: 'live', probability: 1, isLoopBack: false },
    ]);
    expect(graph.nodes.get('ship.deploy')).toMatchObject({ loop: 'ship', activity: 'deploy', order: 2 });
  });

  it('counts a move to the activity itself as a loop-back', () => {
    const w = structuredClone(workflow()) as {
      start: string;
      loops: Record<string, { activities: Record<string, { next: Record<string, number> }> }>;
    };
    w.loops.ship.activities.deploy.next = { deploy: 0.5, live: 0.5 };
    const { graph } = buildWorkflowGraph(w as unknown as WorkflowShape);
    expect(graph.nodes.get('ship.deploy')?.transitions[0]).toEqual({
      target: 'ship.deploy',
      probability: 0.5,
      isLoopBack: true,
    });
  });

  it('reports an unknown target listing the names it could have used, and leaves it out of the graph', () => {
    const w = structuredClone(workflow()) as {
      start: string;
      loops: Record<string, { activities: Record<string, { next: Record<string, number> }> }>;
    };
    w.loops.ship.activities.deploy.next = { deplyo: 0.5, live: 0.5 };
    const { graph, issues } = buildWorkflowGraph(w as unknown as WorkflowShape);
    expect(issues).toEqual([
      {
        severity: 'error',
        path: ['workflow', 'loops', 'ship', 'activities', 'deploy', 'next', 'deplyo'],
        message: 'unknown target "deplyo"',
        hint: 'use an activity of this loop, loop.activity, "live" or "abandon"; known: deploy, build.draft, build.check, ship.deploy, live, abandon',
      },
    ]);
    expect(graph.nodes.get('ship.deploy')?.transitions.map((t) => t.target)).toEqual(['live']);
  });

  it('lists at most twelve known names', () => {
    const s = baseScenario();
    s.workflow.loops.big = {
      activities: Object.fromEntries(
        Array.from({ length: 8 }, (_, i) => [`s${i}`, { role: 'analyst', effort: 1, next: { nowhere: 1 } }]),
      ),
    };
    const { issues } = buildWorkflowGraph(resolveParameters(s).workflow);
    expect(issues[0].hint).toBe(
      'use an activity of this loop, loop.activity, "live" or "abandon"; known: s0, s1, s2, s3, s4, s5, s6, s7, build.draft, build.check, ship.deploy, big.s0, ...',
    );
  });

  it('lists all of exactly twelve known names', () => {
    const s = baseScenario();
    s.workflow.loops.build.activities.check.next = { nowhere: 1 };
    s.workflow.loops.big = {
      activities: Object.fromEntries(
        Array.from({ length: 5 }, (_, i) => [`s${i}`, { role: 'analyst', effort: 1, next: { live: 1 } }]),
      ),
    };
    const { issues } = buildWorkflowGraph(resolveParameters(s).workflow);
    expect(issues[0].hint).toBe(
      'use an activity of this loop, loop.activity, "live" or "abandon"; known: draft, check, build.draft, build.check, ship.deploy, big.s0, big.s1, big.s2, big.s3, big.s4, live, abandon',
    );
  });

  it('reports an unknown start, or a terminal as the start, with an example', () => {
    for (const start of ['build.drat', 'live']) {
      const { graph, issues } = buildWorkflowGraph({ ...workflow(), start });
      expect(issues).toEqual([
        {
          severity: 'error',
          path: ['workflow', 'start'],
          message: `unknown start activity "${start}"`,
          hint: 'write loop.activity, e.g. build.draft',
        },
      ]);
      expect(graph.start).toBe(start === 'live' ? 'live' : 'build.draft');
    }
    const { graph, issues } = buildWorkflowGraph({ start: 'x.y', loops: {} });
    expect(issues[0].hint).toBe('write loop.activity, e.g. data.discover');
    expect(graph.start).toBe('');
  });

  it('reads a start given as an activity of the first loop', () => {
    const { graph, issues } = buildWorkflowGraph({ ...workflow(), start: 'check' });
    expect(issues).toEqual([]);
    expect(graph.start).toBe('build.check');
  });
});

describe('skipped loops', () => {
  const { graph } = buildWorkflowGraph(threeLoops());

  it('send a move into a skipped loop to the first activity of the next loop not skipped', () => {
    expect(redirectForSkippedLoops(graph, 'b.one', new Set(['b']))).toBe('c.one');
    expect(redirectForSkippedLoops(graph, 'a.two', new Set(['a', 'b']))).toBe('c.one');
    expect(redirectForSkippedLoops(graph, 'b.one', new Set(['b', 'c']))).toBe('live');
  });

  it('pass over a loop with no activities', () => {
    const w = threeLoops() as { start: string; loops: Record<string, unknown> };
    const { graph: withEmpty } = buildWorkflowGraph({
      ...w,
      loops: { a: w.loops.a, empty: { activities: {} }, b: w.loops.b, c: w.loops.c },
    } as unknown as WorkflowShape);
    expect(redirectForSkippedLoops(withEmpty, 'a.two', new Set(['a']))).toBe('b.one');
  });

  it('leave other moves as they are', () => {
    expect(redirectForSkippedLoops(graph, 'b.one', new Set())).toBe('b.one');
    expect(redirectForSkippedLoops(graph, 'b.one', new Set(['a']))).toBe('b.one');
    expect(redirectForSkippedLoops(graph, 'live', new Set(['a']))).toBe('live');
    expect(redirectForSkippedLoops(graph, 'abandon', new Set(['a']))).toBe('abandon');
  });
});

describe('expected visits per use case', () => {
  it('solve the chain: a loop-back of 0.2 makes 1 / 0.8 visits to each activity in the loop', () => {
    const visits = expectedVisits(buildWorkflowGraph(workflow()).graph);
    expect(visits.get('build.draft')).toBeCloseTo(1.25, 12);
    expect(visits.get('build.check')).toBeCloseTo(1.25, 12);
    expect(visits.get('ship.deploy')).toBeCloseTo(1, 12);
    expect([...visits.keys()]).toEqual(['build.draft', 'build.check', 'ship.deploy']);
  });

  it('count abandoned use cases out of later activities', () => {
    const s = baseScenario();
    s.workflow.loops.build.activities.check.next = { draft: 0.5, 'ship.deploy': 0.25, abandon: 0.25 };
    const visits = expectedVisits(buildWorkflowGraph(resolveParameters(s).workflow).graph);
    expect(visits.get('build.draft')).toBeCloseTo(2, 12);
    expect(visits.get('ship.deploy')).toBeCloseTo(0.5, 12);
  });

  it('leave out skipped loops and start where the type enters', () => {
    const { graph } = buildWorkflowGraph(threeLoops());
    expect(Object.fromEntries(expectedVisits(graph, new Set(['a'])))).toEqual({ 'b.one': 1, 'c.one': 1 });
    expect(Object.fromEntries(expectedVisits(graph, new Set(['b'])))).toEqual({ 'a.one': 1, 'a.two': 1, 'c.one': 1 });
  });

  it('are all zero when every loop is skipped, and infinite in a loop with no way out', () => {
    const { graph } = buildWorkflowGraph(threeLoops());
    expect(expectedVisits(graph, new Set(['a', 'b', 'c']))).toEqual(new Map());
    const s = baseScenario();
    s.workflow.loops.build.activities.check.next = { draft: 1 };
    const visits = expectedVisits(buildWorkflowGraph(resolveParameters(s).workflow).graph);
    expect(visits.get('build.draft')).toBe(Infinity);
  });

  it('start where the workflow starts, even after an activity written before it', () => {
    const s = baseScenario();
    s.workflow.start = 'build.check';
    s.workflow.loops.build.activities.check.next = { draft: 0.5, 'ship.deploy': 0.5 };
    s.workflow.loops.build.activities.draft.next = { check: 1 };
    const visits = expectedVisits(buildWorkflowGraph(resolveParameters(s).workflow).graph);
    expect(visits.get('build.check')).toBeCloseTo(2, 12);
    expect(visits.get('build.draft')).toBeCloseTo(1, 12);
    expect(visits.get('ship.deploy')).toBeCloseTo(1, 12);
  });
});
