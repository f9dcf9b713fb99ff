/**
 * The warnings of the variants a sweep or a sensitivity run makes from its base (a point that
 * overloads a team, ...): on stderr, those the base does not already give, each naming its
 * variant; in --json, every variant's own list.
 */
import { formatIssue, type ScenarioIssue } from '../scenario/index.js';

/** A variant's name (as the user reads it) and the warnings of its check. */
export interface VariantWarnings {
  name: string;
  warnings: readonly ScenarioIssue[];
}

/** An issue's text without where it was read from: the base's come from a file, a variant's do not. */
const withoutSource = (issue: ScenarioIssue): string => formatIssue({ ...issue, file: undefined, line: undefined });

/** One line per warning of a variant that the base does not give, prefixed with the variant's name. */
export function variantWarningLines(base: readonly ScenarioIssue[], variants: readonly VariantWarnings[]): string[] {
  const known = new Set(base.map(withoutSource));
  return variants.flatMap((v) =>
    v.warnings.filter((w) => !known.has(withoutSource(w))).map((w) => `${v.name}: ${withoutSource(w)}`),
  );
}

/** Prints variantWarningLines on stderr, except with --quiet or --json (where the JSON carries them). */
export function printVariantWarnings(
  options: { quiet?: boolean; json?: boolean },
  base: readonly ScenarioIssue[],
  variants: readonly VariantWarnings[],
): void {
  if (options.quiet || options.json) return;
  for (const line of variantWarningLines(base, variants)) console.error(line);
}
