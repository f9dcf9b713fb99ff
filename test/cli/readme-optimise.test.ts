/**
 * The README's optimise example is what the command prints: its sentences, word for word
 * (the run is deterministic for a seed and an evaluation budget, whatever the workers).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orgflow, outFolder, root } from './orgflow-process.js';

const flat = (text: string): string => text.replace(/\s+/g, ' ');
const readme = flat(readFileSync(join(root, 'README.md'), 'utf8'));

describe("the README's optimise example", () => {
  it('gives the sentences the command prints', () => {
    const args = ['optimise', 'scenarios/centralized.yaml', '--total', '38', '--evaluations', '60'];
    expect(readme).toContain(`$ COLUMNS=100 orgflow ${args.slice(0).join(' ')}`);
    const r = orgflow([...args, '--json', '--out', outFolder()], 300_000);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.front.length).toBeGreaterThan(0);
    for (const [k, d] of json.front.entries()) expect(readme).toContain(flat(`${k + 1}. ${d.sentence}`));
    expect(readme).toContain(`NSGA-II simulated ${json.evaluations} designs with ${json.replications} replications`);
  });
});
