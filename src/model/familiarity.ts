/**
 * Domain familiarity, the scenario's `learning` (off when left out): a person's effort on a
 * domain's work falls with the number of that domain's use cases they have worked on before,
 * along a learning curve with a floor. The n-th use case of a domain a person works on (n from
 * 1) takes the written effort times max(floor, n^log2(rate)): each doubling of their
 * experience multiplies it by `rate`. Written efforts are those of someone new to the domain;
 * people there at day 0 start with `experience_at_start` use cases of each domain their team
 * serves, people who join later with none. A use case counts once, whatever the number of its
 * activities the person does; the domains' experts, who are no team's people, do not learn.
 * This is the mechanism argued for embedding people in domains: orgflow lets it be tested,
 * and does not assume it.
 */
import type { ModelParameters } from '../scenario/model-parameters.js';
import type { People } from './people.js';

export interface Learning {
  /** log2(rate): the exponent of the curve (0 or less). */
  readonly exponent: number;
  readonly floor: number;
  readonly experienceAtStart: number;
}

/** The scenario's learning, or null when it has none. */
export function learningOf(params: ModelParameters): Learning | null {
  const l = params.learning;
  if (l === undefined) return null;
  return { exponent: Math.log2(l.rate), floor: l.floor, experienceAtStart: l.experience_at_start };
}

/** Use cases of `domain` `person` has worked on before `item` (the day-0 experience included). */
export function experienceOf(people: People, learning: Learning, person: number, domain: string, item: number): number {
  const seen = people.experience[person].get(domain);
  const before = seen === undefined ? 0 : seen.size - (seen.has(item) ? 1 : 0);
  return before + (people.startDomains[person].has(domain) ? learning.experienceAtStart : 0);
}

/** What the learning curve multiplies the effort of `person` on `item` of `domain` by. */
export function familiarityFactor(
  people: People,
  learning: Learning,
  person: number,
  domain: string,
  item: number,
): number {
  const n = experienceOf(people, learning, person, domain, item) + 1;
  return Math.max(learning.floor, n ** learning.exponent);
}

/** `person` has worked on `item` of `domain`: it counts toward their experience of the domain. */
export function gainExperience(people: People, person: number, domain: string, item: number): void {
  const experience = people.experience[person];
  let seen = experience.get(domain);
  if (seen === undefined) {
    seen = new Set();
    experience.set(domain, seen);
  }
  seen.add(item);
}
