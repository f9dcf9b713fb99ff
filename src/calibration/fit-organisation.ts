/**
 * The organisation as the history shows it: the people seen, by team and role (headcount),
 * each team's home (the domain it works for, or the centre), the domains' subject-matter
 * experts, and, where the file has no role column, roles found by grouping people who do the
 * same activities.
 */
import type { History } from './history.js';
import { CLARIFICATION, idOf, placeOf, SME } from './fit-workflow.js';

/** A team whose work is at least this share for one domain belongs to that domain. */
const HOME_SHARE = 0.9;

export interface FittedTeam {
  id: string;
  /** 'centre' or a domain id. */
  home: string;
  /** Domains it worked for (those with at least 5% of its work), when its home is the centre. */
  serves: string[];
  /** role -> people seen (or, with no resource column, the most activities at once). */
  headcount: Map<string, number>;
  /** Activity instances it did. */
  instances: number;
}

export interface FittedOrganisation {
  teams: FittedTeam[];
  /** domain id -> subject-matter experts seen. */
  smePeople: Map<string, number>;
  /** How headcount was counted: people seen, or activities at once where no one is named. */
  headcountFrom: 'people' | 'concurrency';
}

/**
 * Roles for a file with no role column: people who do the same set of activities (those that
 * are at least 10% of their work) share a role, named after the commonest activity of the
 * set. Returns person -> role; every row of a person gets it.
 */
export function discoverRoles(history: History): Map<string, string> {
  const work = new Map<string, Map<string, number>>();
  for (const c of history.cases)
    for (const a of c.activities) {
      if (a.resource === '') continue;
      const m = work.get(a.resource) ?? work.set(a.resource, new Map()).get(a.resource);
      m?.set(a.activity, (m.get(a.activity) ?? 0) + 1);
    }
  const roles = new Map<string, string>();
  for (const [person, counts] of work) {
    const total = [...counts.values()].reduce((s, n) => s + n, 0);
    const main = [...counts].filter(([, n]) => n >= 0.1 * total).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const signature = main.map(([activity]) => activity).sort();
    roles.set(
      person,
      `${idOf(placeOf(main[0][0]).activity)}${signature.length > 1 ? `_and_${signature.length - 1}` : ''}`,
    );
  }
  return roles;
}

/** The most intervals of `list` (start, end; end NaN: open) that overlap at one time. */
function mostAtOnce(list: readonly { start: number; end: number }[], exportTime: number): number {
  const events: [number, number][] = [];
  for (const a of list) {
    events.push([a.start, 1]);
    events.push([Number.isNaN(a.end) ? exportTime : a.end, -1]);
  }
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let now = 0;
  let most = 0;
  for (const [, d] of events) {
    now += d;
    most = Math.max(most, now);
  }
  return most;
}

/** Fits teams, headcount and subject-matter experts; see FittedOrganisation. */
export function fitOrganisation(history: History): FittedOrganisation {
  const byTeam = new Map<
    string,
    {
      domains: Map<string, number>;
      people: Map<string, Set<string>>;
      rows: Map<string, { start: number; end: number }[]>;
      n: number;
    }
  >();
  const sme = new Map<string, Set<string>>();
  const named = history.cases.some((c) => c.activities.some((a) => a.resource !== ''));
  for (const c of history.cases) {
    for (const a of c.activities) {
      if (a.role === SME || a.activity === CLARIFICATION) {
        const people = sme.get(c.domain) ?? sme.set(c.domain, new Set()).get(c.domain);
        people?.add(a.resource || `${c.domain}-sme`);
        continue;
      }
      const t =
        byTeam.get(a.team) ??
        byTeam.set(a.team, { domains: new Map(), people: new Map(), rows: new Map(), n: 0 }).get(a.team);
      if (t === undefined) continue;
      t.n++;
      t.domains.set(c.domain, (t.domains.get(c.domain) ?? 0) + 1);
      (t.people.get(a.role) ?? t.people.set(a.role, new Set()).get(a.role))?.add(a.resource);
      (t.rows.get(a.role) ?? t.rows.set(a.role, []).get(a.role))?.push(a);
    }
  }
  const teams = [...byTeam].map(([name, t]): FittedTeam => {
    const [topDomain, topCount] = [...t.domains].sort((a, b) => b[1] - a[1])[0];
    const home = topCount >= HOME_SHARE * t.n ? idOf(topDomain) : 'centre';
    const serves =
      home === 'centre'
        ? [...t.domains]
            .filter(([, n]) => n >= 0.05 * t.n)
            .map(([d]) => idOf(d))
            .sort()
        : [];
    const headcount = new Map(
      [...t.people].map(([role, people]) => [
        idOf(role),
        named ? people.size : mostAtOnce(t.rows.get(role) ?? [], history.exportTime),
      ]),
    );
    return { id: idOf(name), home, serves, headcount, instances: t.n };
  });
  const smePeople = new Map([...sme].map(([domain, people]) => [idOf(domain), people.size]));
  return { teams, smePeople, headcountFrom: named ? 'people' : 'concurrency' };
}
