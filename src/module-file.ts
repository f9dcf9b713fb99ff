/**
 * The file of the calling module, from V8's call sites. `import.meta.url` would be the
 * usual way, but notebooks compile this library as CommonJS (tslab), where `import.meta`
 * does not compile; call sites work in both, and under vitest and tsx.
 */
import { fileURLToPath } from 'node:url';

export function callerFile(): string {
  const original = Error.prepareStackTrace;
  try {
    Error.prepareStackTrace = (_error, stack) => stack;
    const stack = new Error().stack as unknown as NodeJS.CallSite[];
    const name = stack[1]?.getFileName() ?? '';
    return name.startsWith('file:') ? fileURLToPath(name) : name;
  } finally {
    Error.prepareStackTrace = original;
  }
}
