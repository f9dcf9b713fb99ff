/**
 * The orgflow command. Until the full CLI lands it offers the engine demo only.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEMO_DEFAULTS, runDemo } from './demo.js';

const USAGE = `usage: orgflow demo [--seed N] [--replications N] [--customers N]

Commands:
  demo   simulate a five-person team's queue and compare it with Erlang C

Options:
  --seed N           master seed (default ${DEMO_DEFAULTS.seed})
  --replications N   independent replications (default ${DEMO_DEFAULTS.replications})
  --customers N      requests per replication (default ${DEMO_DEFAULTS.customers})
  -h, --help         this help
  -v, --version      the orgflow version`;

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${name} must be a whole number >= 1, got ${JSON.stringify(text)}`);
  return value;
}

class UsageError extends Error {}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      replications: { type: 'string' },
      customers: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.version) {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    console.log(pkg.version);
    return 0;
  }
  const command = positionals[0] ?? 'demo';
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (command !== 'demo') throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  const lines = runDemo({
    ...DEMO_DEFAULTS,
    seed: positiveInteger('seed', values.seed, DEMO_DEFAULTS.seed),
    replications: Math.max(2, positiveInteger('replications', values.replications, DEMO_DEFAULTS.replications)),
    customers: positiveInteger('customers', values.customers, DEMO_DEFAULTS.customers),
  });
  for (const line of lines) console.log(line);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`orgflow: ${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(`orgflow: internal error: ${(error as Error).stack}\nPlease report this with the command you ran.`);
    process.exitCode = 1;
  }
}
