/**
 * orgflow demo: the engine's own check (see experiment/engine-check.ts), with its options
 * (--reps like every other command) and what it prints.
 */
import { type Command, Option } from 'commander';
import { ENGINE_CHECK_DEFAULTS, runEngineCheck, type EngineCheckOptions } from '../../experiment/engine-check.js';
import { wholeNumber } from '../option-parsers.js';

/** Runs the check and returns the lines to print. */
export function demoLines(options: EngineCheckOptions): string[] {
  const started = performance.now();
  const { interval, theory, inside } = runEngineCheck(options);
  const seconds = (performance.now() - started) / 1000;
  const verdict = inside
    ? 'inside the interval'
    : 'outside the interval: a 95% interval misses the true value about one run in twenty';
  const [low, high] = [interval.mean - interval.halfWidth, interval.mean + interval.halfWidth];
  return [
    `orgflow engine demo: a team of ${options.servers} sharing one queue, ${options.arrivalRate} requests per day, ` +
      `${options.serviceMean} day of work each (utilisation ${(theory.rho * 100).toFixed(0)}%)`,
    `${options.replications} replications x ${options.customers.toLocaleString('en')} requests in ${seconds.toFixed(1)} s (seed ${options.seed})`,
    `mean wait for a free person: ${interval.mean.toFixed(3)} days, 95% CI [${low.toFixed(3)}, ${high.toFixed(3)}]`,
    `Erlang C says:               ${theory.wq.toFixed(3)} days (${verdict})`,
  ];
}

/** Adds `orgflow demo` to `root`. */
export function addDemoCommand(root: Command): void {
  const defaults = ENGINE_CHECK_DEFAULTS;
  root
    .command('demo')
    .description("simulate a five-person team's queue and compare it with Erlang C (the engine's own check)")
    .option('--seed <n>', 'master seed', wholeNumber(0), defaults.seed)
    .option('--reps <n>', 'independent replications', wholeNumber(2), defaults.replications)
    .addOption(new Option('--replications <n>').hideHelp().argParser(wholeNumber(2)).conflicts('reps')) // the former name of --reps
    .addOption(
      new Option('--customers <n>', 'requests per replication')
        .argParser(wholeNumber(1))
        .default(defaults.customers, defaults.customers.toLocaleString('en')),
    )
    .action((options: { seed: number; reps: number; replications?: number; customers: number }) => {
      const lines = demoLines({
        ...defaults,
        seed: options.seed,
        customers: options.customers,
        replications: options.replications ?? options.reps,
      });
      for (const line of lines) console.log(line);
    });
}
