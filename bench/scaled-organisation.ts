/**
 * An organisation k times larger than a scenario, for the scaling benchmark: every domain
 * copied k times (the same demand each, so k times the demand), every team that belongs to a
 * domain copied with it, and every central team k times its headcount. Its load per person is
 * the base's, so a replication should cost about k times the base's, and its open work is
 * about k times the base's.
 */
import type { ScenarioSpec } from '../src/scenario/index.js';

const CENTRE = 'centre';
const copyOf = (domain: string, c: number): string => (c === 0 ? domain : `${domain}_${c + 1}`);

export function scaledOrganisation(base: ScenarioSpec, k: number): ScenarioSpec {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`the scale must be a whole number >= 1, got ${k}`);
  const spec = structuredClone(base);
  const copies = Array.from({ length: k }, (_, c) => c);
  spec.name = `${base.name} x${k}`;
  spec.domains = Object.fromEntries(
    Object.entries(base.domains).flatMap(([id, d]) =>
      copies.map((c) => [copyOf(id, c), { ...structuredClone(d), name: `${d.name ?? id} ${c + 1}` }]),
    ),
  );
  spec.teams = Object.fromEntries(
    Object.entries(base.teams).flatMap(([id, t]) => {
      if (t.home === CENTRE) {
        const headcount = Object.fromEntries(Object.entries(t.headcount ?? {}).map(([role, n]) => [role, n * k]));
        const serves = Array.isArray(t.serves) ? t.serves.flatMap((d) => copies.map((c) => copyOf(d, c))) : t.serves;
        return [[id, { ...structuredClone(t), headcount, ...(serves !== undefined ? { serves } : {}) }]];
      }
      return copies.map((c) => {
        const serves = Array.isArray(t.serves) ? t.serves.map((d) => copyOf(d, c)) : t.serves;
        return [
          copyOf(id, c),
          { ...structuredClone(t), home: copyOf(t.home, c), ...(serves !== undefined ? { serves } : {}) },
        ];
      });
    }),
  );
  return spec;
}
