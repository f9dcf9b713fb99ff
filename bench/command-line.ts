/**
 * The benchmarks' command lines: node's parseArgs with `--help`, and one-line errors (with
 * the usage, exit code 2) instead of stack traces.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface BenchCommandLine<O extends Options> {
  values: ReturnType<typeof parseArgs<{ options: O }>>['values'];
  /** Stops with `message` and the usage. */
  fail(message: string): never;
}

/** Parses the arguments against `options` (a `help` flag is added); prints `usage` for --help. */
export function benchCommandLine<O extends Options>(usage: string, options: O): BenchCommandLine<O> {
  const fail = (message: string): never => {
    console.error(`${message}\n${usage}`);
    process.exit(2);
  };
  let values: BenchCommandLine<O>['values'];
  try {
    const withHelp = { ...options, help: { type: 'boolean', default: false } } as O;
    values = parseArgs({ options: withHelp }).values as BenchCommandLine<O>['values'];
  } catch (error) {
    return fail((error as Error).message);
  }
  if ((values as Record<string, unknown>).help === true) {
    console.log(usage);
    process.exit(0);
  }
  return { values, fail };
}
