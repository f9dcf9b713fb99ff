/**
 * The scenario file format, written as TypeBox types: they are at once the TypeScript
 * types, the JSON Schema (scenarios/schema.json is generated from them) and what the
 * validator walks. Keys are snake_case; ids (roles, teams, domains, ...) are the file's own.
 */
import { CloneType, Type, type Static, type TOptional, type TProperties, type TSchema } from '@sinclair/typebox';
import { DistributionSpec } from './distribution-spec.js';

/** The longest horizon (a thousand years): even with no use cases, a run records work in progress every week. */
export const MAX_HORIZON_DAYS = 365_000;

const Id = (description: string) =>
  Type.String({
    pattern: '^[A-Za-z][A-Za-z0-9_-]*$',
    errorMessage: 'an id of letters, digits, _ or - starting with a letter',
    description,
  });
/**
 * A name shown to people (charts, reports, the terminal): any text on one line. Line breaks and
 * control characters are refused: a chart library reads names inside its own expressions, where
 * a line separator (U+2028) is a syntax error.
 */
const DisplayName = (description: string) =>
  Type.String({
    pattern: '^[^\\u0000-\\u001f\\u007f\\u2028\\u2029]*$',
    errorMessage: 'text on one line, without line breaks or control characters',
    description,
  });
const closed = <T extends TProperties>(properties: T, description: string) =>
  Type.Object(properties, { additionalProperties: false, description });
const probability = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });

/**
 * An optional field with a default: a scenario file may leave it out, the schema states its
 * `default` (so editors, the README's field table and the resolver all read the one value),
 * and the resolved parameters always have it (see model-parameters.ts, whose types are
 * derived from this marker).
 */
export type TDefaulted<T extends TSchema> = TOptional<T> & { default: Static<T> };

/** `schema` as an optional field whose default is `value`. */
function withDefault<T extends TSchema>(schema: T, value: Static<T>): TDefaulted<T> {
  // the cast adds at the type level the `default` the clone carries
  return Type.Optional(CloneType(schema, { default: value })) as TDefaulted<T>;
}

/** What orgflow optimise can minimise or maximise (see src/optimise/objectives.ts). */
export const OPTIMISE_OBJECTIVES = ['p50', 'p85', 'p95', 'mean', 'cost', 'goLives', 'netValue'] as const;

/** Effort as written: a use-case type or team that states no scaling scales by this. */
export const UNSCALED = 1;

/**
 * How long a model stays in production when maintenance.lifetime_days is not given (and when
 * there is no maintenance: the day-0 portfolio retires all the same). Stated here once: it is
 * the schema's `default` and what the model uses.
 */
export const DEFAULT_MODEL_LIFETIME: DistributionSpec = { exponential: { mean: 730 } };

export const RoleSpec = closed(
  {
    name: Type.Optional(DisplayName('display name')),
    cost_per_year: withDefault(
      Type.Number({ minimum: 0, description: 'fully loaded cost of one person in this role per year' }),
      0,
    ),
    absence: withDefault(
      Type.Number({
        minimum: 0,
        maximum: 0.9,
        description:
          'share of working time a person of this role is away (vacation, sickness), beside public holidays; work in their hands waits for their return',
      }),
      0,
    ),
  },
  'a role: a kind of work a person can do (one person may hold several roles in a small team)',
);

export const DomainSpec = closed(
  {
    name: Type.Optional(DisplayName('display name')),
    demand: withDefault(
      Type.Record(Type.String(), Type.Number({ minimum: 0, description: 'use cases of this type per month' }), {
        description: 'Poisson arrivals: use-case type -> use cases per month',
      }),
      {},
    ),
    items: withDefault(
      Type.Array(
        closed(
          { day: Type.Number({ minimum: 0, description: 'arrival day' }), type: Id('use-case type') },
          'one dated use case',
        ),
        { description: 'a fixed list of dated use cases (in addition to demand)' },
      ),
      [],
    ),
    models_in_production: withDefault(
      Type.Integer({
        minimum: 0,
        description: 'models of this domain already in production at day 0; each asks for maintenance until it retires',
      }),
      0,
    ),
    sme: Type.Optional(
      closed(
        {
          people: Type.Integer({ minimum: 0, description: 'subject-matter experts who can help' }),
          availability: Type.Number({
            exclusiveMinimum: 0,
            maximum: 1,
            description: 'share of their time available for AI work',
          }),
        },
        "the domain's business subject-matter experts (the sme role)",
      ),
    ),
  },
  'a business domain that asks for use cases',
);

export const UseCaseTypeSpec = closed(
  {
    name: Type.Optional(DisplayName('display name')),
    skip_loops: withDefault(
      Type.Array(Id('a loop'), {
        description: 'loops this type does not go through (e.g. dashboards skip the model loop)',
      }),
      [],
    ),
    effort_scale: withDefault(
      Type.Union(
        [Type.Number({ exclusiveMinimum: 0 }), Type.Record(Type.String(), Type.Number({ exclusiveMinimum: 0 }))],
        { description: 'multiplies every effort: one number, or one per loop; loops left out are not scaled' },
      ),
      UNSCALED,
    ),
    priority: withDefault(Type.Integer({ minimum: 0, description: 'lower is served first under priority intake' }), 1),
    value_per_year: Type.Optional(Type.Number({ minimum: 0, description: 'business value per year once live' })),
  },
  'a kind of use case; it selects the path and scales the effort',
);

export const TeamSpec = closed(
  {
    name: Type.Optional(DisplayName('display name')),
    home: Id('"centre" or the domain the team belongs to'),
    serves: Type.Optional(
      Type.Union([Type.Literal('all'), Type.Array(Id('a domain'))], {
        description: 'domains it works for: "all" or a list (default: its home domain; the centre: all)',
      }),
    ),
    headcount: withDefault(
      Type.Record(Type.String(), Type.Integer({ minimum: 0 }), {
        description: 'role -> number of people who hold that one role',
      }),
      {},
    ),
    people: withDefault(
      Type.Array(
        closed(
          {
            roles: Type.Array(Id('a role these people hold'), {
              minItems: 1,
              description: 'the roles each of them holds; an activity needing any of them may go to them',
            }),
            count: Type.Integer({ minimum: 0, description: 'how many people hold exactly these roles' }),
            cost_per_year: Type.Optional(
              Type.Number({
                minimum: 0,
                description: 'cost of one of them per year (default: the highest cost of their roles in this team)',
              }),
            ),
          },
          'people of the team who hold several roles, each doing one activity at a time',
        ),
        {
          description:
            'people by the roles they hold, beside headcount (e.g. one person for data and analytics engineering in a small team)',
        },
      ),
      [],
    ),
    cost_per_year: withDefault(
      Type.Record(Type.String(), Type.Number({ minimum: 0 }), {
        description: "role -> cost per person per year, overriding the role's",
      }),
      {},
    ),
    effort_multiplier: withDefault(
      Type.Record(Type.String(), Type.Number({ exclusiveMinimum: 0 }), {
        description:
          'loop (or "maintenance") -> effort multiplier for this team, e.g. running its own platform; loops left out are not scaled',
      }),
      {},
    ),
    absence: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 0.9,
        description: "share of working time this team's people are away, instead of their roles' absence",
      }),
    ),
  },
  'a team: its people (headcount per role, people with several roles), a home, the domains it serves',
);

export const ActivitySpec = closed(
  {
    name: Type.Optional(DisplayName('display name')),
    role: Id('the role that does it ("sme": the domain\'s subject-matter experts)'),
    effort: DistributionSpec,
    gate: Type.Optional(Id('a gate the item must pass after this activity')),
    next: Type.Record(Type.String(), probability('probability'), {
      description:
        'where the item goes next: activity (same loop), loop.activity, "live" or "abandon" -> probability; they sum to 1',
    }),
  },
  'one activity of a loop',
);

export const LoopSpec = closed(
  {
    name: Type.Optional(DisplayName('display name')),
    activities: Type.Record(Type.String(), ActivitySpec, { description: 'activity id -> activity, in workflow order' }),
  },
  'a loop of the workflow (data, model, production)',
);

/** Who a change of people is about: a team's people of one role, or of several roles. */
const whoChanges = {
  role: Type.Optional(Id('their role (people who hold this one role)')),
  roles: Type.Optional(
    Type.Array(Id('a role'), { minItems: 1, description: 'their roles, for people who hold several (as in people)' }),
  ),
  count: Type.Integer({ minimum: 1, description: 'how many people' }),
};

const transition = {
  transition_days: withDefault(
    Type.Number({ minimum: 0, description: 'days the people who change team work slower' }),
    60,
  ),
  slowdown: withDefault(
    Type.Number({
      minimum: 1,
      description: 'multiplies the effort of the people who change team during the transition (1: no slowdown)',
    }),
    1.25,
  ),
};

export const TimelineChangeSpec = closed(
  {
    day: Type.Number({ minimum: 0, description: 'the day the change takes effect (from day 0)' }),
    name: Type.Optional(DisplayName('what the change is called in outputs, e.g. "Shared platform"')),
    hire: Type.Optional(
      closed(
        {
          team: Id('the team they join'),
          ...whoChanges,
          ramp_up_days: withDefault(
            Type.Number({ minimum: 0, description: 'days a new hire takes to reach full speed' }),
            60,
          ),
          ramp_up_start: withDefault(
            Type.Number({
              exclusiveMinimum: 0,
              maximum: 1,
              description: "a new hire's speed on their first day, rising evenly to full speed over ramp_up_days",
            }),
            0.5,
          ),
        },
        'people join a team (they start with no experience of any domain)',
      ),
    ),
    let_go: Type.Optional(
      closed(
        { team: Id('the team they leave'), ...whoChanges },
        'people leave a team and the organisation: the latest to join first, each once their work in hand is done',
      ),
    ),
    move: Type.Optional(
      closed(
        { from: Id('the team they leave'), to: Id('the team they join'), ...whoChanges, ...transition },
        'people move to another team, the latest to join first, each once their work in hand is done',
      ),
    ),
    set: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description:
          'parameters changed from that day, as field path -> value (as --set takes them), e.g. handovers.delay.cross_home',
      }),
    ),
    reorganise: Type.Optional(
      closed(
        {
          teams_from: Type.Optional(
            Type.String({
              description: 'a scenario file whose teams the organisation switches to (path relative to this file)',
            }),
          ),
          teams: Type.Optional(
            Type.Record(Type.String(), TeamSpec, { description: 'the teams the organisation switches to' }),
          ),
          ...transition,
        },
        'the organisation switches to other teams: people keep their roles and change team where the new teams need them; open work is routed to the new teams',
      ),
    ),
  },
  'a dated change: exactly one of hire, let_go, move, set and reorganise',
);

const PerBoundary = (description: string) =>
  closed(
    {
      same_team: probability('between two people of one team'),
      same_home: probability('between teams with the same home'),
      cross_home: probability('between a domain and the centre, or two domains'),
    },
    description,
  );

export const ScenarioSpec = closed(
  {
    $schema: Type.Optional(Type.String({ description: 'the JSON Schema, for editors' })),
    extends: Type.Optional(
      Type.String({ description: 'a scenario file this one overrides (path relative to this file)' }),
    ),
    name: DisplayName('scenario name, shown in reports'),
    description: Type.Optional(Type.String({ description: 'what this scenario represents' })),
    currency: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 12,
        description:
          'the unit of every money figure (cost_per_year, value_per_year), shown beside each: a code such as EUR or a symbol such as €; left out, money figures are plain numbers',
      }),
    ),
    horizon_days: Type.Number({
      exclusiveMinimum: 0,
      maximum: MAX_HORIZON_DAYS,
      description: 'simulated calendar days, at most a thousand years',
    }),
    warmup_days: withDefault(
      Type.Number({ minimum: 0, description: 'days left out of the statistics at the start' }),
      0,
    ),
    calendar: withDefault(
      closed(
        {
          working_days_per_week: Type.Number({ minimum: 1, maximum: 7, description: 'working days in a week' }),
          holidays: withDefault(
            Type.Union(
              [
                Type.Integer({ minimum: 0, maximum: 100, description: 'public holidays a year, spread evenly' }),
                Type.Array(
                  Type.String({
                    pattern: '^(\\d{4}-)?\\d{2}-\\d{2}$',
                    errorMessage: 'a date (2027-12-25) or a month and day (12-25)',
                    description: 'a date (once) or a month and day (every year)',
                  }),
                ),
              ],
              {
                description:
                  'public holidays, when everyone is away for the working day: a count a year (spread evenly) or a list of dates, 2027-12-25 (once) or 12-25 (every year), which needs start_date',
              },
            ),
            0,
          ),
          start_date: Type.Optional(
            Type.String({
              pattern: '^\\d{4}-\\d{2}-\\d{2}$',
              errorMessage: 'a date such as 2027-01-04',
              description: 'the date of day 0, for holidays given as dates',
            }),
          ),
          absence_spell_days: withDefault(
            Type.Number({
              exclusiveMinimum: 0,
              description: 'working days one absence (vacation, sickness) lasts on average; see roles.<role>.absence',
            }),
            5,
          ),
        },
        'working calendar: effort in person-days becomes calendar days; public holidays and absence take people away',
      ),
      { working_days_per_week: 5, holidays: 0, absence_spell_days: 5 },
    ),
    roles: Type.Record(Type.String(), RoleSpec, { description: 'role id -> role ("sme" is built in)' }),
    domains: Type.Record(Type.String(), DomainSpec, { description: 'domain id -> business domain' }),
    use_case_types: Type.Record(Type.String(), UseCaseTypeSpec, { description: 'type id -> use-case type' }),
    teams: Type.Record(Type.String(), TeamSpec, { description: 'team id -> team' }),
    workflow: closed(
      {
        start: Type.String({ description: 'the first activity: loop.activity' }),
        iterations: withDefault(
          closed(
            {
              decay: probability('each time round, a loop-back probability is multiplied by this (1: no learning)'),
              cap: Type.Integer({
                minimum: 0,
                description: 'loop-backs per activity at most; then only forward moves remain',
              }),
            },
            'how loop-backs become less likely',
          ),
          { decay: 1, cap: 10 },
        ),
        loops: Type.Record(Type.String(), LoopSpec, { description: 'loop id -> loop, in workflow order' }),
      },
      'the workflow: loops of activities',
    ),
    handovers: Type.Optional(
      closed(
        {
          delay: closed(
            { same_team: DistributionSpec, same_home: DistributionSpec, cross_home: DistributionSpec },
            'calendar days between two activities done by different people, per boundary',
          ),
          clarification: Type.Optional(
            closed(
              { probability: PerBoundary('chance of a clarification round'), sme_effort: DistributionSpec },
              'context lost at a handover: a round with the domain SME',
            ),
          ),
          rework: Type.Optional(
            closed(
              {
                probability: PerBoundary('chance the previous activity is partly redone'),
                effort_fraction: Type.Number({
                  exclusiveMinimum: 0,
                  maximum: 1,
                  description: 'share of its effort redone',
                }),
              },
              'context lost at a handover: rework',
            ),
          ),
        },
        'handovers between people',
      ),
    ),
    management: withDefault(
      closed(
        {
          intake: withDefault(
            Type.Union([Type.Literal('fifo'), Type.Literal('priority'), Type.Literal('fair_share')], {
              description:
                'which waiting item a free person takes: fifo, priority (by type), fair_share (domain with least work in progress)',
            }),
            'fifo',
          ),
          planning_cadence_days: withDefault(
            Type.Number({
              minimum: 0,
              description: 'new use cases start only at the next planning cycle (0: at once)',
            }),
            0,
          ),
          coordination_overhead: withDefault(
            Type.Number({ minimum: 0, maximum: 0.9, description: 'share of capacity spent on coordination' }),
            0,
          ),
          gates: withDefault(
            Type.Record(
              Type.String(),
              closed(
                {
                  cadence_days: Type.Number({ exclusiveMinimum: 0, description: 'the gate meets every so many days' }),
                  approval_probability: probability('chance an item passes; otherwise the activity is redone'),
                },
                'a governance gate that meets on a cadence',
              ),
              { description: 'gate id -> gate' },
            ),
            {},
          ),
        },
        'the management function',
      ),
      {},
    ),
    timeline: withDefault(
      Type.Array(TimelineChangeSpec, {
        description:
          'dated changes applied during the run, in order of day (see the README: an organisation that changes)',
      }),
      [],
    ),
    learning: Type.Optional(
      closed(
        {
          rate: Type.Number({
            exclusiveMinimum: 0,
            maximum: 1,
            description:
              "each doubling of the use cases of a domain a person has worked on multiplies their effort on that domain's work by this (a learning curve; 1: none)",
          }),
          floor: withDefault(
            Type.Number({
              exclusiveMinimum: 0,
              maximum: 1,
              description: 'the share of the written effort below which learning never takes it',
            }),
            0.5,
          ),
          experience_at_start: withDefault(
            Type.Integer({
              minimum: 0,
              description:
                'use cases of each domain its team serves that a person there at day 0 has worked on already (0: all new to every domain)',
            }),
            0,
          ),
        },
        "domain familiarity, off when left out: a person's effort on a domain's work falls with the use cases of that domain they have worked on; written efforts are those of someone new to the domain",
      ),
    ),
    maintenance: Type.Optional(
      closed(
        {
          incidents_per_model_per_month: Type.Number({
            minimum: 0,
            description: 'maintenance requests (incidents, retraining) per live model per month',
          }),
          role: Id('who handles them'),
          effort: DistributionSpec,
          urgent: withDefault(Type.Boolean({ description: 'served before project work' }), true),
          lifetime_days: withDefault(
            Type.Union(DistributionSpec.anyOf, {
              description:
                'calendar days a model stays in production before it is retired and asks for no more maintenance; the default, two years on average, is illustrative',
            }),
            DEFAULT_MODEL_LIFETIME,
          ),
        },
        'work that each model in production generates',
      ),
    ),
    optimise: Type.Optional(
      closed(
        {
          vary: Type.Optional(
            Type.Record(
              Type.String(),
              Type.String({
                pattern: '^\\s*\\d+\\s*\\.\\.\\s*\\d+\\s*$',
                errorMessage: 'bounds written min..max, e.g. 2..8',
                description: 'the bounds of the count, min..max',
              }),
              {
                description:
                  'groups of people the search may staff: path (teams.<team>.<role>, or teams.<team>.people.<n>.count) -> min..max (default: every group, from half to double its count)',
              },
            ),
          ),
          total: Type.Optional(
            Type.Integer({
              minimum: 1,
              description: 'exactly this many people in every design: move people, do not hire',
            }),
          ),
          budget: Type.Optional(
            Type.Number({ exclusiveMinimum: 0, description: 'the most the people of a design may cost a year' }),
          ),
          max_utilisation: Type.Optional(
            Type.Number({
              exclusiveMinimum: 0,
              maximum: 1,
              description: 'no group of people busier than this share of their time',
            }),
          ),
          objectives: Type.Optional(
            Type.Array(Type.Union(OPTIMISE_OBJECTIVES.map((o) => Type.Literal(o))), {
              minItems: 2,
              maxItems: 2,
              description: 'the two objectives of the search (default: p85 and cost)',
            }),
          ),
        },
        'what orgflow optimise searches when given this file (the command line overrides it); runs ignore it',
      ),
    ),
  },
  'an orgflow scenario: an organisation, its demand and its workflow',
);

export type ScenarioSpec = Static<typeof ScenarioSpec>;
export type TeamSpec = Static<typeof TeamSpec>;
export type TimelineChangeSpec = Static<typeof TimelineChangeSpec>;
export type DomainSpec = Static<typeof DomainSpec>;
export type ActivitySpec = Static<typeof ActivitySpec>;
export type UseCaseTypeSpec = Static<typeof UseCaseTypeSpec>;

/** The built-in role of a domain's business subject-matter experts. */
export const SME_ROLE = 'sme';
/** The home of central teams. */
export const CENTRE = 'centre';
/** Terminal transition targets. */
export const LIVE = 'live';
export const ABANDON = 'abandon';
