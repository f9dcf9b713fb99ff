/**
 * The search for the best structures and staffing: a Pareto front of two objectives (days to
 * production against cost, say), found by NSGA-II (or, for comparison, by random search) on
 * simulated designs. Every design is simulated once and cached; replications are raced (see
 * racing.ts); infeasible designs (invalid, over the total or the budget, not keeping up with
 * demand, too busy, an objective beyond the run) never reach the front. For a seed and an
 * evaluation budget the result is the same whatever the number of workers; a time budget
 * makes it depend on the machine's speed.
 */
import { SATURATED_UTILIZATION } from '../analysis/stability.js';
import { ReplicationExecutor, defaultWorkers, variantOf } from '../experiment/index.js';
import { RandomStreams, type Rng } from '../random/index.js';
import { ScenarioError, type ScenarioSpec } from '../scenario/index.js';
import { baseValues, type Structure } from './decision-space.js';
import {
  designKey,
  newEvaluation,
  simulable,
  withReplications,
  type Constraints,
  type Design,
  type DesignEvaluation,
} from './design-evaluation.js';
import type { ObjectiveName } from './objectives.js';
import { OptimiseInputError } from './optimise-input-error.js';
import { nonDominated } from './pareto.js';
import { currentFront, worthMore } from './racing.js';
import { replicateDesigns } from './replicate-designs.js';
import { survivors, tournament, type Ranked } from './selection.js';
import { baseDesign, canMeetTotal, crossover, mutated, neighbours, randomDesign, shuffled } from './variation.js';

export type SearchMethod = 'nsga2' | 'random';

export interface OptimiseOptions {
  objectives: readonly [ObjectiveName, ObjectiveName];
  /** Default: no group busier than SATURATED_UTILIZATION (95%); pass maxUtilization: 1 to lift it. */
  constraints?: Constraints;
  /** NSGA-II (default), or random search with the same racing and budget (a yardstick). */
  method?: SearchMethod;
  /** Designs to simulate at most (default 100). */
  evaluations?: number;
  /** Stop after about this many seconds (default: no limit). The result then depends on the machine's speed. */
  seconds?: number;
  /** Designs per generation (default 12). */
  population?: number;
  /** Replications every design gets first (default 5). */
  firstReplications?: number;
  /** Replications a design near the front can get (default 20); the structures' own designs always get them. */
  maxReplications?: number;
  seed?: number;
  workers?: number;
  maxOpenUseCases?: number;
  onProgress?: (progress: OptimiseProgress) => void;
  signal?: AbortSignal;
}

export interface OptimiseProgress {
  evaluations: number;
  budget: number;
  replications: number;
  /** The front so far. */
  front: readonly DesignEvaluation[];
}

/** Why the search stopped: its evaluation budget spent, its time up, or no new design left to try. */
export type StopReason = 'evaluations' | 'time' | 'exhausted';

export interface OptimisationResult {
  objectives: readonly [ObjectiveName, ObjectiveName];
  structures: readonly Structure[];
  constraints: Constraints;
  method: SearchMethod;
  seed: number;
  firstReplications: number;
  maxReplications: number;
  /**
   * The front, by its first objective (as minimised): the designs the search found on it, run
   * again on fresh replications (seeds the search never used, common to the front and the
   * references), kept where they stay feasible and non-dominated on those. Their figures are
   * the fresh ones: free of the luck that chose them.
   */
  front: DesignEvaluation[];
  /** Designs the search put on its front that, on the fresh replications, another beat or that did not hold up. */
  notConfirmed: DesignEvaluation[];
  /**
   * Each structure's design as its file has it, simulated whatever the constraints (its
   * `infeasible` says why it could not be a candidate, e.g. not the total), with the front's
   * fresh replications: what every change is measured against.
   */
  bases: DesignEvaluation[];
  /** Every design looked at, in the order first seen, with the search's own replications (those found infeasible without simulating too). */
  evaluated: DesignEvaluation[];
  /** Designs simulated. */
  evaluations: number;
  /** Replications run in all. */
  replications: number;
  seconds: number;
  stoppedBy: StopReason;
}

interface Settings {
  objectives: readonly ObjectiveName[];
  constraints: Constraints;
  budget: number;
  deadline: number;
  population: number;
  first: number;
  most: number;
  seed: number;
}

function settingsOf(options: OptimiseOptions, started: number): Settings {
  const whole = (name: string, value: number, least: number): number => {
    if (!Number.isInteger(value) || value < least)
      throw new OptimiseInputError(`${name} must be a whole number of at least ${least}, got ${value}`);
    return value;
  };
  const first = whole('the first replications (--first-reps)', options.firstReplications ?? 5, 2);
  const most = whole(
    'the most replications of a design (--reps), at least the first (--first-reps),',
    options.maxReplications ?? 20,
    first,
  );
  if (options.seconds !== undefined && !(options.seconds > 0))
    throw new OptimiseInputError(`the time budget must be a positive number of seconds, got ${options.seconds}`);
  return {
    objectives: options.objectives,
    // a group at or above saturation has no steady state a figure can rest on: off the front unless asked for
    constraints: { maxUtilization: SATURATED_UTILIZATION, ...options.constraints },
    budget: whole('the designs to simulate (--evaluations)', options.evaluations ?? 100, 1),
    deadline: options.seconds === undefined ? Infinity : started + options.seconds * 1000,
    population: whole('the population (--population)', options.population ?? 12, 4),
    first,
    most,
    seed: options.seed ?? 1,
  };
}

/** The search's state: the cache of designs, what has been spent, and the means to simulate. */
class Search {
  readonly cache = new Map<string, DesignEvaluation>();
  evaluations = 0;
  replications = 0;
  stoppedBy: StopReason | null = null;

  constructor(
    readonly structures: readonly Structure[],
    readonly settings: Settings,
    readonly rng: Rng,
    private readonly executor: ReplicationExecutor,
    private readonly options: OptimiseOptions,
  ) {}

  get total(): number | undefined {
    return this.settings.constraints.total;
  }

  /** Whether the budget (designs or time) is spent; notes why. */
  spent(): boolean {
    if (this.evaluations >= this.settings.budget) this.stoppedBy ??= 'evaluations';
    else if (Date.now() >= this.settings.deadline) this.stoppedBy ??= 'time';
    return this.stoppedBy !== null;
  }

  /** The evaluation of a design not seen before: its scenario built and checked, nothing simulated yet. */
  private fresh(design: Design): DesignEvaluation {
    const structure = this.structures[design.structure];
    const overrides = structure.variables.map((v, i) => ({ path: v.path, value: design.values[i] }));
    let spec: ScenarioSpec | null = null;
    let invalid: string | null = null;
    try {
      spec = variantOf(structure.spec, overrides, `${structure.name} ${designKey(design)}`).spec;
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      invalid = error.issues[0]?.message ?? 'not a valid scenario';
    }
    return newEvaluation(design, structure, spec, invalid, this.settings.constraints);
  }

  /**
   * The evaluations of `designs`: from the cache, or new ones simulated with the first
   * replications while the budget lasts (designs beyond it are left out of the answer).
   */
  async evaluate(designs: readonly Design[]): Promise<DesignEvaluation[]> {
    const out: DesignEvaluation[] = [];
    const toRun: DesignEvaluation[] = [];
    for (const design of designs) {
      const key = designKey(design);
      const known = this.cache.get(key) ?? toRun.find((e) => e.key === key);
      if (known !== undefined) {
        out.push(known);
        continue;
      }
      const e = this.fresh(design);
      if (!simulable(e)) {
        this.cache.set(key, e);
        out.push(e);
      } else if (this.evaluations + toRun.length < this.settings.budget) {
        toRun.push(e);
        out.push(e);
      }
    }
    this.evaluations += toRun.length;
    await this.addReplications(toRun.map((evaluation) => ({ evaluation, upTo: this.settings.first })));
    return out.map((e) => this.cache.get(e.key) ?? e);
  }

  /**
   * Runs the replications asked for; returns each evaluation worked out again with what it
   * gained (infeasible when a run outgrew its bound). Counts the replications run.
   */
  private async replicate(
    requests: readonly { evaluation: DesignEvaluation; upTo: number; from?: number }[],
  ): Promise<DesignEvaluation[]> {
    const { objectives, constraints, seed } = this.settings;
    const { gained, failed } = await replicateDesigns(this.executor, requests, seed, {
      maxOpenUseCases: this.options.maxOpenUseCases,
      signal: this.options.signal,
    });
    return requests.map(({ evaluation }, i) => {
      this.replications += gained[i].length;
      const reason = failed[i];
      if (reason !== null) return { ...evaluation, infeasible: `a run stopped: ${reason}`, violation: 3 };
      const name = this.structures[evaluation.design.structure].name;
      return withReplications(evaluation, gained[i], objectives, constraints, name);
    });
  }

  /**
   * The designs again on fresh replications (seeds from `most` on, which the search never used),
   * common to all of them: figures free of the selection that chose them. Not cached.
   */
  async confirm(evaluations: readonly DesignEvaluation[]): Promise<DesignEvaluation[]> {
    const { most } = this.settings;
    const requests = evaluations
      .filter((e) => e.spec !== null)
      .map((e) => ({ evaluation: { ...e, replications: [] }, from: most, upTo: 2 * most }));
    const confirmed = new Map((await this.replicate(requests)).map((e) => [e.key, e]));
    return evaluations.map((e) => confirmed.get(e.key) ?? e);
  }

  /** Runs the replications asked for and puts the evaluations, worked out again, in the cache. */
  async addReplications(requests: readonly { evaluation: DesignEvaluation; upTo: number }[]): Promise<void> {
    if (requests.length === 0) return;
    for (const e of await this.replicate(requests)) this.cache.set(e.key, e);
    this.report();
  }

  /** More replications, doubling, for every design that may still be on the front, until none may. */
  async race(): Promise<void> {
    for (;;) {
      const more = worthMore([...this.cache.values()], this.settings.objectives, this.settings.most);
      if (more.length === 0) return;
      await this.addReplications(
        more.map((evaluation) => ({
          evaluation,
          upTo: Math.min(this.settings.most, 2 * evaluation.replications.length),
        })),
      );
    }
  }

  /** Each structure's design as its file has it, with every replication (see OptimisationResult.bases). */
  async references(): Promise<DesignEvaluation[]> {
    const refs = this.structures.map((structure, i) => {
      const design = { structure: i, values: baseValues(structure) };
      const known = this.cache.get(designKey(design)) ?? this.fresh(design);
      this.cache.set(known.key, known);
      return known;
    });
    await this.addReplications(
      refs.flatMap((evaluation) =>
        evaluation.spec !== null && evaluation.replications.length < this.settings.most
          ? [{ evaluation, upTo: this.settings.most }]
          : [],
      ),
    );
    return refs.map((e) => this.cache.get(e.key) ?? e);
  }

  /** Tells the caller's progress callback, if any (the front is worked out only for it). */
  report(): void {
    if (this.options.onProgress === undefined) return;
    this.options.onProgress({
      evaluations: this.evaluations,
      budget: this.settings.budget,
      replications: this.replications,
      front: currentFront([...this.cache.values()]),
    });
  }
}

/** Checks what the search needs of each structure: no timeline, the costs or values its objectives read, a total it can meet. */
function checkStructures(structures: readonly Structure[], settings: Settings): void {
  if (structures.length === 0) throw new OptimiseInputError('optimise needs at least one scenario');
  for (const s of structures) {
    if ((s.spec.timeline ?? []).length > 0)
      throw new OptimiseInputError(
        `${s.name} changes during the run (timeline): optimise staffs an organisation that stays as it is; give it a scenario without a timeline`,
      );
    const costs = s.fixedCost > 0 || s.variables.some((v) => v.costPerPerson > 0);
    if (!costs && (settings.objectives.includes('cost') || settings.objectives.includes('netValue')))
      throw new OptimiseInputError(
        `${s.name} gives its roles no cost_per_year: its people cost is unknown, so cost and netValue cannot be objectives (choose others with --objective, or give roles.<role>.cost_per_year)`,
      );
    if (!costs && settings.constraints.budget !== undefined)
      throw new OptimiseInputError(`${s.name} gives its roles no cost_per_year: --budget cannot be checked`);
    const valued = Object.values(s.spec.use_case_types).some((t) => t.value_per_year !== undefined);
    if (!valued && settings.objectives.includes('netValue'))
      throw new OptimiseInputError(
        `${s.name} gives no use-case type a value_per_year: netValue cannot be an objective (choose another with --objective)`,
      );
  }
  const total = settings.constraints.total;
  if (total === undefined) return;
  for (const s of structures) {
    if (!canMeetTotal(s, total)) {
      const low = s.fixedPeople + s.variables.reduce((sum, v) => sum + v.min, 0);
      const high = s.fixedPeople + s.variables.reduce((sum, v) => sum + v.max, 0);
      throw new OptimiseInputError(
        `--total ${total}: ${s.name} can have from ${low} to ${high} people within its ranges (widen --vary, or choose a total in that span)`,
      );
    }
  }
}

/** Distinct new designs from `make`, up to `count`, within a bounded number of tries. */
function distinctDesigns(count: number, make: () => Design, seen: ReadonlySet<string>): Design[] {
  const out = new Map<string, Design>();
  for (let tries = 0; out.size < count && tries < 30 * count; tries++) {
    const d = make();
    const key = designKey(d);
    if (!seen.has(key) && !out.has(key)) out.set(key, d);
  }
  return [...out.values()];
}

/**
 * NSGA-II, each generation's offspring half from its variation (tournament, crossover,
 * mutation) and half from one step around the front so far (a local search: one person moved,
 * or one more or less), so that a small budget still reaches the front's neighbourhood.
 */
async function nsga2(search: Search, first: DesignEvaluation[]): Promise<void> {
  const { structures, rng, total } = search;
  const size = search.settings.population;
  let population: Ranked[] = survivors(
    first.map((e) => search.cache.get(e.key) ?? e),
    size,
  );
  while (!search.spent()) {
    const parents = population;
    const seen = new Set(search.cache.keys());
    const around = shuffled(
      currentFront([...search.cache.values()]).flatMap((e) => neighbours(e.design, structures, total)),
      rng,
    ).filter((d) => !seen.has(designKey(d)));
    const local = [...new Map(around.map((d) => [designKey(d), d])).values()].slice(0, Math.floor(size / 2));
    for (const d of local) seen.add(designKey(d));
    const bred = distinctDesigns(
      size - local.length,
      () => {
        const a = tournament(parents, rng).design;
        const b = tournament(parents, rng).design;
        return mutated(crossover(a, b, structures, rng, total), structures, rng, total);
      },
      // designs not simulated yet: one seen before is in the cache, and the front is read from all of them
      seen,
    );
    const offspring = [...local, ...bred];
    if (offspring.length === 0) {
      search.stoppedBy = 'exhausted';
      break;
    }
    const children = await search.evaluate(offspring);
    await search.race();
    const current = [...parents.map((p) => p.evaluation), ...children].map((e) => search.cache.get(e.key) ?? e);
    population = survivors(current, size);
  }
}

async function randomSearch(search: Search): Promise<void> {
  while (!search.spent()) {
    const batch = distinctDesigns(
      search.settings.population,
      () => randomDesign(search.structures, search.rng, search.total),
      new Set(search.cache.keys()),
    );
    if (batch.length === 0) {
      search.stoppedBy = 'exhausted';
      break;
    }
    await search.evaluate(batch);
    await search.race();
  }
}

/** Finds the front; see OptimiseOptions. */
export async function optimise(
  structures: readonly Structure[],
  options: OptimiseOptions,
): Promise<OptimisationResult> {
  const started = Date.now();
  const settings = settingsOf(options, started);
  checkStructures(structures, settings);
  const method = options.method ?? 'nsga2';
  const rng = new RandomStreams(settings.seed).stream(`optimise/${method}`);
  const executor = new ReplicationExecutor(options.workers ?? defaultWorkers());
  const search = new Search(structures, settings, rng, executor, options);
  try {
    const total = settings.constraints.total;
    const bases = structures.map((_, i) => baseDesign(structures, i, rng, total));
    const starters = distinctDesigns(
      Math.max(0, settings.population - bases.length),
      () => randomDesign(structures, rng, total),
      new Set(bases.map(designKey)),
    );
    const first = await search.evaluate([...bases, ...starters]);
    await search.race();
    if (method === 'nsga2') await nsga2(search, first);
    else await randomSearch(search);
    // each structure as its file has it is what every change is measured from: every replication, whatever the constraints
    const references = await search.references();
    await search.race();
    // the front and the references again on fresh replications: the figures the answer gives
    const chosen = currentFront([...search.cache.values()]);
    const confirmed = await search.confirm([...chosen, ...references.filter((r) => !chosen.includes(r))]);
    const byKey = new Map(confirmed.map((e) => [e.key, e]));
    // the front is what stays non-dominated and feasible on the fresh replications
    const again = chosen.map((e) => byKey.get(e.key) ?? e);
    const holding = again.filter((e) => e.infeasible === null);
    const front = nonDominated(holding.map((e) => e.point)).map((i) => holding[i]);
    return resultOf(search, method, {
      front,
      notConfirmed: again.filter((e) => !front.includes(e)),
      references: references.map((e) => byKey.get(e.key) ?? e),
      started,
    });
  } finally {
    await executor.close();
  }
}

function resultOf(
  search: Search,
  method: SearchMethod,
  answer: {
    front: DesignEvaluation[];
    notConfirmed: DesignEvaluation[];
    references: DesignEvaluation[];
    started: number;
  },
): OptimisationResult {
  const { settings } = search;
  return {
    objectives: settings.objectives as [ObjectiveName, ObjectiveName],
    structures: search.structures,
    constraints: settings.constraints,
    method,
    seed: settings.seed,
    firstReplications: settings.first,
    maxReplications: settings.most,
    front: [...answer.front].sort((a, b) => a.point[0] - b.point[0] || a.point[1] - b.point[1]),
    notConfirmed: answer.notConfirmed,
    bases: answer.references,
    evaluated: [...search.cache.values()],
    evaluations: search.evaluations,
    replications: search.replications,
    seconds: (Date.now() - answer.started) / 1000,
    stoppedBy: search.stoppedBy ?? 'evaluations',
  };
}
