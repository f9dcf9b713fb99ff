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
  /** role -> people seen (or, with no one named or people on several activities at once, the most activities at once). */
  headcount: Map<string, number>;
  /** role -> people named in the file (0 where no one is named). */
  peopleSeen: Map<string, number>;
  /** Activity instances it did. */
  instances: number;
  /** role -> domain -> activity instances it did. */
  roleDomains: Map<string, Map<string, number>>;
}

export interface FittedOrganisation {
  teams: FittedTeam[];
  /** domain id -> subject-matter experts seen. */
  smePeople: Map<string, number>;
  /** How headcount was counted: people seen, or activities at once where no one is named or people overlap. */
  headcountFrom: 'people' | 'concurrency';
  /** Teams made to serve a domain their home does not cover (see serveEveryDomain). */
  notes: string[];
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
  // at equal times a start comes first, so an activity that took no time still counts as one at once
  events.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  let now = 0;
  let most = 0;
  for (const [, d] of events) {
    now += d;
    most = Math.max(most, now);
  }
  return most;
}

/**
 * Fits teams, headcount and subject-matter experts; see FittedOrganisation. `rolesNeeded` are
 * the roles of the fitted workflow: every domain's use cases may need each of them, since the
 * workflow is shared by every domain, so each domain gets a team of each (see serveEveryDomain).
 */
export function fitOrganisation(history: History, rolesNeeded: readonly string[] = []): FittedOrganisation {
  const byTeam = new Map<
    string,
    {
      domains: Map<string, number>;
      people: Map<string, Set<string>>;
      rows: Map<string, { start: number; end: number }[]>;
      roleDomains: Map<string, Map<string, number>>;
      n: number;
    }
  >();
  const sme = new Map<string, Set<string>>();
  // people who work on several activities at once (--allow-overlap) are counted by the work, not by name
  const named = !history.overlapping && history.cases.some((c) => c.activities.some((a) => a.resource !== ''));
  for (const c of history.cases) {
    for (const a of c.activities) {
      if (a.role === SME || a.activity === CLARIFICATION) {
        const people = sme.get(c.domain) ?? sme.set(c.domain, new Set()).get(c.domain);
        people?.add(a.resource || `${c.domain}-sme`);
        continue;
      }
      const t =
        byTeam.get(a.team) ??
        byTeam
          .set(a.team, { domains: new Map(), people: new Map(), rows: new Map(), roleDomains: new Map(), n: 0 })
          .get(a.team);
      if (t === undefined) continue;
      t.n++;
      t.domains.set(c.domain, (t.domains.get(c.domain) ?? 0) + 1);
      (t.people.get(a.role) ?? t.people.set(a.role, new Set()).get(a.role))?.add(a.resource);
      (t.rows.get(a.role) ?? t.rows.set(a.role, []).get(a.role))?.push(a);
      const work = t.roleDomains.get(a.role) ?? t.roleDomains.set(a.role, new Map()).get(a.role);
      work?.set(c.domain, (work.get(c.domain) ?? 0) + 1);
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
    const peopleSeen = new Map(
      [...t.people].map(([role, people]) => [idOf(role), [...people].filter((p) => p !== '').length]),
    );
    return { id: idOf(name), home, serves, headcount, peopleSeen, instances: t.n, roleDomains: t.roleDomains };
  });
  const smePeople = new Map([...sme].map(([domain, people]) => [idOf(domain), people.size]));
  const domains = [...new Set(history.cases.map((c) => idOf(c.domain)))];
  const notes = serveEveryDomain(
    teams,
    domains,
    rolesNeeded.filter((r) => r !== SME),
  );
  return { teams, smePeople, headcountFrom: named ? 'people' : 'concurrency', notes };
}

/** Whether `team` works for `domain` in the scenario (its home, its serves list, or the centre serving all). */
const serves = (team: FittedTeam, domain: string): boolean =>
  team.home === domain || team.serves.includes(domain) || (team.home === 'centre' && team.serves.length === 0);

/**
 * Every domain must have a team of every role its work needs: the roles its work had in the
 * history and `rolesNeeded` (the workflow's, which any domain's use cases may reach). Where
 * the homes found leave a domain without one, the team that did most of that role's work for
 * the domain (or, if none did, overall) serves it too; returns a note for each.
 */
function serveEveryDomain(teams: FittedTeam[], domains: readonly string[], rolesNeeded: readonly string[]): string[] {
  const needs = new Map<string, Set<string>>(domains.map((d) => [d, new Set(rolesNeeded)])); // domain -> roles
  for (const t of teams)
    for (const [role, byDomain] of t.roleDomains)
      for (const d of byDomain.keys()) (needs.get(d) ?? needs.set(d, new Set()).get(d))?.add(role);
  const notes: string[] = [];
  for (const [domain, roles] of needs)
    for (const role of roles) {
      if (teams.some((t) => (t.headcount.get(role) ?? 0) > 0 && serves(t, domain))) continue;
      const did = (t: FittedTeam): number => t.roleDomains.get(role)?.get(domain) ?? 0;
      const didAll = (t: FittedTeam): number =>
        [...(t.roleDomains.get(role)?.values() ?? [])].reduce((s, n) => s + n, 0);
      const team = [...teams]
        .filter((t) => (t.headcount.get(role) ?? 0) > 0)
        .sort((a, b) => did(b) - did(a) || didAll(b) - didAll(a) || (a.id < b.id ? -1 : 1))[0];
      if (team === undefined) continue; // nobody holds the role: the workflow's own check says so
      if (team.home !== 'centre' && team.serves.length === 0) team.serves.push(team.home);
      team.serves.push(domain);
      team.serves.sort();
      notes.push(
        did(team) > 0
          ? `team ${team.id} also serves ${domain}: it did ${did(team)} of that domain's ${role} work, and no team at home there has the role`
          : `team ${team.id} also serves ${domain}: ${domain}'s use cases had not reached ${role} work in the history, no team at home there has the role, and ${team.id} did the most of it`,
      );
    }
  return notes;
}
