/**
 * Money figures with the scenario's currency (scenario field `currency`): a symbol goes before
 * the amount (`€91,476`, `-€1,200`), a code or word after it (`91,476 EUR`); with no currency
 * the amount stays a plain number.
 */
import type { ScenarioSummary } from './experiment-summary.js';
import type { Estimate } from '../statistics/estimate.js';

/** Whether `currency` is written as a symbol (no letters: `€`, `$`, `£`), which goes before the amount. */
const isSymbol = (currency: string): boolean => !/\p{L}/u.test(currency);

/** The money figures a year of a configuration, in the order tables show them, each with its header. */
export const VALUE_FIGURES: readonly { header: string; of: (s: ScenarioSummary) => Estimate }[] = [
  { header: 'Value added a year', of: (s) => s.valuePerYear },
  { header: 'Cost of delay a year', of: (s) => s.costOfDelayPerYear },
  { header: 'Cost of delay per use case', of: (s) => s.costOfDelayPerUseCase },
  { header: 'People cost a year', of: (s) => s.peopleCostPerYear },
  { header: 'Net value a year', of: (s) => s.netValuePerYear },
];

/** Whether any configuration has value figures (some use-case type gives value_per_year). */
export const hasValue = (summaries: readonly ScenarioSummary[]): boolean =>
  summaries.some((s) => Number.isFinite(s.valuePerYear.estimate));

/** `amount` (already formatted, perhaps signed: `+1,200`) with `currency`. */
export function withCurrency(amount: string, currency: string | null | undefined): string {
  if (!currency || amount === '-' || amount === '') return amount;
  if (!isSymbol(currency)) return `${amount} ${currency}`;
  const sign = /^[+-]/.exec(amount)?.[0] ?? '';
  return `${sign}${currency}${amount.slice(sign.length)}`;
}

/** ` (EUR)` to follow a column header of money figures, or nothing without a currency. */
export function currencyHeader(currency: string | null | undefined): string {
  return currency ? ` (${currency})` : '';
}

/**
 * The one currency of scenarios (null when none names one). Scenarios naming different
 * currencies, or some naming one and others none, cannot have their money compared: a
 * RangeError says which scenario names which.
 */
export function commonCurrency(scenarios: readonly { name: string; currency?: string | null }[]): string | null {
  const named = new Set(scenarios.map((s) => s.currency ?? null));
  if (named.size <= 1) return [...named][0] ?? null;
  const each = scenarios.map((s) => `${s.name}: ${s.currency ?? 'none'}`).join(', ');
  throw new RangeError(
    `the scenarios name different currencies (${each}), so their costs and values cannot be compared; give each the same currency`,
  );
}
