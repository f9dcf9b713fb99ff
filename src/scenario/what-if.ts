/**
 * A named what-if: `Two more ML engineers: teams.central.ml_engineer=8; teams.hub.ml_engineer=4`
 * is the name before the first colon, then one or more `--set` assignments separated by `;`
 * (a `;` inside braces, brackets or quotes belongs to its value).
 */
import { type Override, OverrideError, parseOverride } from './set-path.js';

export interface WhatIf {
  name: string;
  /** The assignments as written, `path=value`. */
  assignments: string[];
  overrides: Override[];
}

/** A what-if that cannot be read; the message quotes it and says what was expected. */
export class WhatIfError extends Error {}

const EXAMPLE =
  'e.g. orgflow compare scenarios/centralized.yaml --whatif "Two more ML engineers: teams.central.ml_engineer=8"';

/** Characters after which a quote opens a quoted value (YAML): `=`, `:`, `,`, `[`, `{`, or the start. */
const QUOTE_OPENS_AFTER = new Set(['', '=', ':', ',', '[', '{']);

/**
 * The parts of `text` between top-level `;` (not inside {}, [] or a quoted value); throws a
 * WhatIfError naming `name` where a bracket or quote is left open. An apostrophe inside a word
 * (Bob's) is text, not a quote.
 */
function splitAssignments(text: string, name: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  let before = ''; // the last character that is not a space
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if ((c === '"' || c === "'") && QUOTE_OPENS_AFTER.has(before)) quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (c === ';' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
      before = '';
      continue;
    }
    if (depth < 0) throw new WhatIfError(`what-if ${JSON.stringify(name)}: a ${c} closes nothing`);
    if (c.trim() !== '') before = c;
  }
  if (quote !== null || depth !== 0)
    throw new WhatIfError(
      `what-if ${JSON.stringify(name)}: ${quote !== null ? `a ${quote} quote` : 'a bracket'} is left open`,
    );
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** Reads `Name: path=value; path=value`; throws a WhatIfError naming the fault. */
export function parseWhatIf(text: string): WhatIf {
  const colon = text.indexOf(':');
  const name = colon < 0 ? '' : text.slice(0, colon).trim();
  if (name === '' || name.includes('='))
    throw new WhatIfError(
      `what-if ${JSON.stringify(text)} does not start with a name and a colon (a name may not hold "="): write "Name: path=value" (${EXAMPLE})`,
    );
  const assignments = splitAssignments(text.slice(colon + 1), name);
  if (assignments.length === 0)
    throw new WhatIfError(
      `what-if ${JSON.stringify(name)} changes nothing: give path=value after the colon (${EXAMPLE})`,
    );
  const overrides = assignments.map((a) => {
    try {
      return parseOverride(a);
    } catch (error) {
      if (error instanceof OverrideError) throw new WhatIfError(`what-if ${JSON.stringify(name)}: ${error.message}`);
      throw error;
    }
  });
  return { name, assignments, overrides };
}
