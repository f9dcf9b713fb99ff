/**
 * The workflow as a graph: activities in workflow order (loops in the order written,
 * activities in each loop in the order written), with transitions resolved to activity ids
 * (`loop.activity`) or the terminals `live` and `abandon`. A move to an activity at or
 * before the current one in that order is a loop-back (an iteration).
 */
import type { ScenarioIssue } from './issues.js';
import { lookup } from './lookup.js';
import type { ResolvedActivity, ResolvedWorkflow } from './model-parameters.js';
import { ABANDON, LIVE } from './scenario-spec.js';

/** What the graph is built from: a scenario's workflow, as written or resolved. */
export type WorkflowShape = Pick<ResolvedWorkflow, 'start' | 'loops'>;

export interface Transition {
  /** An activity id (`loop.activity`), `live` or `abandon`. */
  target: string;
  probability: number;
  /** Whether it goes back to this activity or an earlier one. */
  isLoopBack: boolean;
}

export interface ActivityNode {
  /** `loop.activity` */
  id: string;
  loop: string;
  activity: string;
  /** Position in workflow order. */
  order: number;
  spec: ResolvedActivity;
  transitions: Transition[];
}

export interface WorkflowGraph {
  nodes: Map<string, ActivityNode>;
  /** Activity ids in workflow order. */
  ordered: string[];
  loops: string[];
  start: string;
}

export function isTerminal(target: string): boolean {
  return target === LIVE || target === ABANDON;
}

/** Resolves a `next` key written in `loop` to an activity id or terminal; undefined if unknown. */
export function resolveTarget(workflow: WorkflowShape, loop: string, key: string): string | undefined {
  if (isTerminal(key)) return key;
  if (workflow.loops[loop]?.activities[key] !== undefined) return `${loop}.${key}`;
  const dot = key.indexOf('.');
  if (dot > 0) {
    const [l, a] = [key.slice(0, dot), key.slice(dot + 1)];
    if (workflow.loops[l]?.activities[a] !== undefined) return key;
  }
  return undefined;
}

/**
 * Builds the graph; unknown targets and a bad start are reported as issues (and left out
 * of the graph).
 */
export function buildWorkflowGraph(workflow: WorkflowShape): {
  graph: WorkflowGraph;
  issues: ScenarioIssue[];
} {
  const issues: ScenarioIssue[] = [];
  const nodes = new Map<string, ActivityNode>();
  const ordered: string[] = [];
  const loops = Object.keys(workflow.loops);
  for (const loop of loops) {
    for (const [activity, spec] of Object.entries(workflow.loops[loop].activities)) {
      const id = `${loop}.${activity}`;
      nodes.set(id, { id, loop, activity, order: ordered.length, spec, transitions: [] });
      ordered.push(id);
    }
  }
  for (const node of nodes.values()) {
    for (const [key, probability] of Object.entries(node.spec.next)) {
      const target = resolveTarget(workflow, node.loop, key);
      if (target === undefined) {
        const known = [
          ...ordered.filter((id) => id.startsWith(`${node.loop}.`)).map((id) => id.slice(node.loop.length + 1)),
          ...ordered,
          LIVE,
          ABANDON,
        ];
        issues.push({
          severity: 'error',
          path: ['workflow', 'loops', node.loop, 'activities', node.activity, 'next', key],
          message: `unknown target "${key}"`,
          hint: `use an activity of this loop, loop.activity, "${LIVE}" or "${ABANDON}"; known: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', ...' : ''}`,
        });
        continue;
      }
      const isLoopBack = !isTerminal(target) && lookup(nodes, target, 'activity').order <= node.order;
      node.transitions.push({ target, probability, isLoopBack });
    }
  }
  const start = resolveTarget(workflow, loops[0] ?? '', workflow.start);
  if (start === undefined || isTerminal(start)) {
    issues.push({
      severity: 'error',
      path: ['workflow', 'start'],
      message: `unknown start activity "${workflow.start}"`,
      hint: `write loop.activity, e.g. ${ordered[0] ?? 'data.discover'}`,
    });
  }
  return { graph: { nodes, ordered, loops, start: start ?? ordered[0] ?? '' }, issues };
}

/**
 * Where an item of a type that skips `skipLoops` really goes when a transition points at
 * `target`: an activity in a skipped loop is replaced by the first activity of the next loop
 * it does not skip (or `live` if none is left).
 */
export function redirectForSkippedLoops(graph: WorkflowGraph, target: string, skipLoops: ReadonlySet<string>): string {
  if (isTerminal(target) || skipLoops.size === 0) return target;
  const node = lookup(graph.nodes, target, 'activity');
  if (!skipLoops.has(node.loop)) return target;
  for (let i = graph.loops.indexOf(node.loop) + 1; i < graph.loops.length; i++) {
    const loop = graph.loops[i];
    if (skipLoops.has(loop)) continue;
    const first = graph.ordered.find((id) => id.startsWith(`${loop}.`));
    if (first !== undefined) return first;
  }
  return LIVE;
}

/**
 * Expected number of visits to each activity per use case (of a type skipping `skipLoops`),
 * from the transition probabilities as written: an absorbing Markov chain solved exactly.
 * It ignores the learning decay and the iteration cap, so it is an upper bound.
 */
export function expectedVisits(graph: WorkflowGraph, skipLoops: ReadonlySet<string> = new Set()): Map<string, number> {
  const ids = graph.ordered.filter((id) => !skipLoops.has(lookup(graph.nodes, id, 'activity').loop));
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  // (I - Q^T) v = e_start, where Q[i][j] is the probability of moving from i to j
  const a = Array.from({ length: n }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === j ? 1 : 0)));
  for (const id of ids) {
    const i = lookup(index, id, 'activity');
    for (const t of lookup(graph.nodes, id, 'activity').transitions) {
      const to = redirectForSkippedLoops(graph, t.target, skipLoops);
      if (isTerminal(to)) continue;
      const j = lookup(index, to, 'activity');
      a[j][i] -= t.probability;
    }
  }
  const start = index.get(redirectForSkippedLoops(graph, graph.start, skipLoops));
  const visits = new Map<string, number>(ids.map((id) => [id, 0]));
  if (start === undefined) return visits;
  a[start][n] = 1;
  // Gaussian elimination with partial pivoting
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (Math.abs(a[pivot][col]) < 1e-12) return new Map(ids.map((id) => [id, Infinity])); // a loop with no way out
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r][col] / a[col][col];
      if (f !== 0) for (let c = col; c <= n; c++) a[r][c] -= f * a[col][c];
    }
  }
  for (const [i, id] of ids.entries()) visits.set(id, a[i][n] / a[i][i]);
  return visits;
}
