/**
 * A front design as a scenario file: it `extends` its structure's file and sets the counts
 * the search chose, so `orgflow run` or `compare` takes it as it is. The header says what it
 * changes and what the search measured.
 */
import { stringify } from 'yaml';
import type { Structure } from './decision-space.js';
import type { DesignEvaluation } from './design-evaluation.js';

type Tree = Record<string, unknown>;

/** The teams part of a design: the counts of its variables, a team's whole `people` list where one of its groups is varied. */
export function designTeams(structure: Structure, e: DesignEvaluation): Tree {
  const teams: Tree = {};
  const team = (id: string): Tree => {
    teams[id] ??= {};
    return teams[id] as Tree;
  };
  structure.variables.forEach((v, i) => {
    const [, id, field, key] = v.path.split('.');
    const value = e.design.values[i];
    if (field === 'headcount') {
      const t = team(id);
      t.headcount = { ...((t.headcount as Tree | undefined) ?? {}), [key]: value };
      return;
    }
    // teams.<id>.people.<n>.count: the list is written whole (a file's list replaces the one it extends)
    const t = team(id);
    t.people ??= structuredClone(structure.spec.teams[id].people ?? []);
    (t.people as Tree[])[Number(key)].count = value;
  });
  return teams;
}

/** The text of a design's scenario file. */
export function designFileText(
  structure: Structure,
  e: DesignEvaluation,
  file: { extendsPath: string; name: string; comments: readonly string[] },
): string {
  const header = file.comments.map((c) => `# ${c}`.trimEnd()).join('\n');
  const body = stringify(
    { extends: file.extendsPath, name: file.name, teams: designTeams(structure, e) },
    { lineWidth: 0, flowCollectionPadding: true },
  );
  return `${header}\n${body}`;
}
