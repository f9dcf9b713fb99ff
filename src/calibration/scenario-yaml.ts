/**
 * A fitted scenario as a YAML file a person can read and edit: each fitted value with a
 * comment saying what it rests on, distributions and small maps on one line, and a header
 * with what the history could not say.
 */
import { Document, isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ScenarioSpec } from '../scenario/index.js';

/** Maps written on one line: distributions (of efforts and of each boundary's handover delay), demand, headcount, transitions, effort scales. */
const ONE_LINE =
  /^(?:effort|same_team|same_home|cross_home|sme_effort|demand|headcount|next|effort_scale|sme|skip_loops|serves|probability)$/;

/** Sets every small map and list whose key matches ONE_LINE, at any depth, to flow style. */
function flowSmallCollections(node: unknown): void {
  if (!isMap(node)) return;
  for (const pair of (node as YAMLMap).items as Pair<Node, Node>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node & { flow?: boolean };
    if (value !== null && typeof value === 'object' && 'items' in value && ONE_LINE.test(key)) value.flow = true;
    else flowSmallCollections(value);
  }
}

/**
 * `spec` as YAML, with `comments` (dot-separated path -> text) beside their values and
 * `header` lines at the top.
 */
export function scenarioYaml(
  spec: ScenarioSpec,
  comments: ReadonlyMap<string, string>,
  header: readonly string[],
): string {
  const doc = new Document(spec);
  flowSmallCollections(doc.contents);
  for (const [path, text] of comments) {
    const keys = path.split('.');
    const parent = keys.length === 1 ? doc.contents : doc.getIn(keys.slice(0, -1), true);
    if (!isMap(parent)) continue;
    const pair = (parent as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === keys[keys.length - 1]);
    if (pair === undefined) continue;
    const value = pair.value as Node | null;
    if (isScalar(value) || (value !== null && (value as { flow?: boolean }).flow === true)) value.comment = ` ${text}`;
    else if (isScalar(pair.key)) pair.key.commentBefore = ` ${text}`;
  }
  doc.commentBefore = header.map((line) => ` ${line}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}
