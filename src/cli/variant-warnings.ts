/**
 * The warnings of the variants a sweep or a sensitivity run makes from its base (a point that
 * overloads a team, ...): on stderr before the run starts, those whose text the base does not
 * already give (the same team overloaded at another load counts), each naming its variant; in
 * --json, every variant's whole list.
 */
import type { VariantWarnings } from '../experiment/index.js';
import { formatIssue, type ScenarioIssue } from '../scenario/index.js';
import { warn } from './terminal-layout.js';

/** An issue's text without where it was read from: the base's come from a file, a variant's do not. */
const withoutSource = (issue: ScenarioIssue): string => formatIssue({ ...issue, file: undefined, line: undefined });

/** One line per warning of a variant whose text the base does not give, prefixed with the variant's name. */
export function variantWarningLines(base: readonly ScenarioIssue[], variants: readonly VariantWarnings[]): string[] {
  const known = new Set(base.map(withoutSource));
  return variants.flatMap((v) =>
    v.warnings.filter((w) => !known.has(withoutSource(w))).map((w) => `${v.name}: ${withoutSource(w)}`),
  );
}

/** A printer of variantWarningLines on stderr, or nothing with --quiet or --json (where the JSON carries them). */
export function variantWarningPrinter(
  options: { quiet?: boolean; json?: boolean },
  base: readonly ScenarioIssue[],
): (variants: VariantWarnings[]) => void {
  return (variants) => {
    if (options.quiet || options.json) return;
    for (const line of variantWarningLines(base, variants)) warn(line);
  };
}
