/**
 * How often each type of use case is abandoned: the share of the type's ended cases
 * (live or abandoned) that were abandoned, with Wilson's 95% interval, and a chi-square test
 * of whether the types differ. The scenario has one set of transitions for every type, so a
 * real difference is reported, not written into it.
 */
import { pValueText } from '../statistics/p-value-text.js';
import { percentText, proportionInterval, sameProportionP } from '../statistics/proportion.js';
import type { HistoryCase } from './history.js';

export interface TypeAbandonment {
  type: string;
  /** Cases of the type that ended (went live or were abandoned). */
  ended: number;
  abandoned: number;
  ci95: [number, number];
}

export interface FittedAbandonment {
  byType: TypeAbandonment[];
  /** p-value of the test that every type is abandoned as often; NaN when it cannot be tested. */
  sameShareP: number;
}

export function fitAbandonment(cases: readonly HistoryCase[]): FittedAbandonment {
  const counts = new Map<string, { ended: number; abandoned: number }>();
  for (const c of cases) {
    if (c.outcome !== 'live' && c.outcome !== 'abandoned') continue;
    const t = counts.get(c.type) ?? counts.set(c.type, { ended: 0, abandoned: 0 }).get(c.type);
    if (t === undefined) continue;
    t.ended++;
    if (c.outcome === 'abandoned') t.abandoned++;
  }
  const byType = [...counts]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([type, t]) => ({ type, ...t, ci95: proportionInterval(t.abandoned, t.ended) }));
  return {
    byType,
    sameShareP: sameProportionP(byType.map((t) => ({ successes: t.abandoned, trials: t.ended }))),
  };
}

/** The note on abandonment by type, for the calibration's notes. */
export function abandonmentNote(fit: FittedAbandonment): string {
  const shares = fit.byType
    .map(
      (t) =>
        `${t.type} ${t.abandoned} of ${t.ended} (${percentText(t.abandoned / t.ended)}, 95% CI ${percentText(t.ci95[0])} to ${percentText(t.ci95[1])})`,
    )
    .join(', ');
  if (Number.isNaN(fit.sameShareP))
    return `abandoned, of the use cases that ended: ${shares}${fit.byType.length > 1 ? '; too few to test whether the types differ' : ''}`;
  const differ =
    fit.sameShareP < 0.05
      ? `the types differ (chi-square p ${pValueText(fit.sameShareP)}); the scenario's transitions are shared by every type, so only the part of the difference that comes from loops a type skips (its skip_loops) is in it, the rest is their mix`
      : `no difference between the types shows (chi-square p ${pValueText(fit.sameShareP)})`;
  return `abandoned, of the use cases that ended: ${shares}; ${differ}`;
}
