/**
 * A design in words: what it changes from its structure's file ("2 more ML engineers and 2
 * fewer data scientists in the Central data & AI team") and what that buys ("For 4.29M a
 * year, ... cuts p85 from 254 to 231 days"), the change read from paired replications against
 * the structure as it is, with a plain word when its interval includes no change.
 */
import { withCurrency } from '../analysis/money-text.js';
import { estimateOf, type Estimate } from '../statistics/estimate.js';
import type { Structure } from './decision-space.js';
import type { DesignEvaluation } from './design-evaluation.js';
import { OBJECTIVE_INFO, designFigure, type ObjectiveName } from './objectives.js';

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const numberWord = (n: number): string => NUMBER_WORDS[n] ?? String(n);

/** `a`, `a and b`, `a, b and c`. */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** What `values` change from the structure's file, team by team; '' when nothing. */
export function changeWords(structure: Structure, values: readonly number[]): string {
  const byTeam = new Map<string, string[]>();
  structure.variables.forEach((v, i) => {
    const d = values[i] - v.base;
    if (d === 0) return;
    const who = Math.abs(d) === 1 ? v.person : v.people;
    const item = `${numberWord(Math.abs(d))} ${d > 0 ? 'more' : Math.abs(d) === 1 ? 'less' : 'fewer'} ${who}`;
    byTeam.set(v.inTeam, [...(byTeam.get(v.inTeam) ?? []), item.replace(/ less /, ' fewer ')]);
  });
  return [...byTeam.entries()].map(([team, items]) => `${listWords(items)} in ${team}`).join('; ');
}

/** A money figure short: 4.29M, 615k, 950. */
export function shortMoney(amount: number, currency?: string | null): string {
  const abs = Math.abs(amount);
  const text =
    abs >= 1e6
      ? `${(amount / 1e6).toLocaleString('en', { maximumFractionDigits: 2 })}M`
      : abs >= 1e4
        ? `${Math.round(amount / 1e3).toLocaleString('en')}k`
        : Math.round(amount).toLocaleString('en');
  return withCurrency(text, currency);
}

/** A figure of an objective as it reads: `231 days`, `4.29M a year`, `38.2 a year`. */
export function figureText(name: ObjectiveName, value: number, currency?: string | null): string {
  const unit = OBJECTIVE_INFO[name].unit;
  if (unit === 'days') return `${Math.round(value).toLocaleString('en')} days`;
  if (unit === 'money a year') return `${shortMoney(value, currency)} a year`;
  return `${value.toLocaleString('en', { maximumFractionDigits: 1 })} a year`;
}

/** Per replication, design less reference, of one objective over their common replications, and the two means over them. */
export function pairedChange(
  e: DesignEvaluation,
  reference: DesignEvaluation,
  name: ObjectiveName,
): { change: Estimate; from: number; to: number } {
  const n = Math.min(e.replications.length, reference.replications.length);
  const of = (x: DesignEvaluation): number[] =>
    x.replications.slice(0, n).map((r) => designFigure(name, r.metrics, x.cost).value);
  const [to, from] = [of(e), of(reference)];
  const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
  return { change: estimateOf(to.map((x, r) => x - from[r])), from: mean(from), to: mean(to) };
}

/**
 * How an objective moved from the reference over their common replications: "cuts p85 from
 * 254 to 231 days", or that no change is clear, or that it cannot be read.
 */
function movedWords(
  e: DesignEvaluation,
  reference: DesignEvaluation,
  name: ObjectiveName,
  currency: string | null | undefined,
): string {
  const { change, from, to } = pairedChange(e, reference, name);
  const words = OBJECTIVE_INFO[name].words;
  if (!(Number.isFinite(from) && Number.isFinite(to)))
    return `leaves ${words} unread against the file's own staffing (beyond the run in some replication)`;
  const [low, high] = change.ci95;
  const figures = `${figureText(name, from, currency).replace(/ (days|a year)$/, '')} to ${figureText(name, to, currency)}`;
  if (!(Number.isFinite(low) && Number.isFinite(high)))
    return `changes ${words} from ${figures} (no interval from one replication: not yet a finding)`;
  if (low <= 0 && high >= 0) return `leaves ${words} within the noise (${figures}; the change's interval includes 0)`;
  return `${low > 0 ? 'raises' : 'cuts'} ${words} from ${figures}`;
}

/** An evaluation's estimate of objective `name` (the objectives in the search's order). */
const estimateIn = (e: DesignEvaluation, objectives: readonly ObjectiveName[], name: ObjectiveName): number =>
  e.estimates[objectives.indexOf(name)]?.estimate ?? Number.NaN;

/**
 * A front design in a sentence, against its structure as the file has it (`reference`):
 * "For 4.29M a year, two more ML engineers ... in the Central data & AI team cuts p85 from
 * 254 to 231 days." With several structures, the structure is named.
 */
export function designSentence(
  e: DesignEvaluation,
  reference: DesignEvaluation,
  structure: Structure,
  objectives: readonly ObjectiveName[],
  several: boolean,
): string {
  const currency = structure.spec.currency;
  const changes = changeWords(structure, e.design.values);
  const moved = objectives.filter((o) => o !== 'cost');
  const money = `For ${shortMoney(e.cost, currency)} a year`;
  if (changes === '') {
    const figures = moved.map(
      (o) => `${OBJECTIVE_INFO[o].words} ${figureText(o, estimateIn(e, objectives, o), currency)}`,
    );
    return `${money}, ${several ? structure.name : 'the organisation'} as it is: ${listWords(figures)}.`;
  }
  const subject = `${several ? `${structure.name} with ` : ''}${changes}`;
  return `${money}, ${subject} ${listWords(moved.map((o) => movedWords(e, reference, o, currency)))}.`;
}
