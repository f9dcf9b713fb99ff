import { Type, type Static, type TProperties } from '@sinclair/typebox';

const positive = (description: string) => Type.Number({ exclusiveMinimum: 0, description });
const finite = (description: string) => Type.Number({ description });
const closed = <T extends TProperties>(properties: T, description: string) =>
  Type.Object(properties, { additionalProperties: false, description });

/**
 * A distribution in a scenario file: a plain number (a constant), or an object with one
 * key naming the family, e.g. `{ lognormal: { median: 3, p90: 8 } }`.
 */
export const DistributionSpec = Type.Union(
  [
    Type.Number({ minimum: 0, description: 'a constant' }),
    closed({ constant: finite('the value') }, 'always the same value'),
    closed(
      { uniform: closed({ min: finite('lower bound'), max: finite('upper bound') }, 'uniform between min and max') },
      'uniform',
    ),
    closed({ exponential: closed({ mean: positive('the mean') }, 'exponential with this mean') }, 'exponential'),
    closed(
      {
        normal: closed(
          {
            mean: finite('mean'),
            sd: positive('standard deviation'),
            min: Type.Optional(finite('truncate below this value (0 for durations)')),
          },
          'normal, optionally truncated below',
        ),
      },
      'normal',
    ),
    closed(
      {
        lognormal: Type.Union([
          closed({ mean: positive('mean'), sd: positive('standard deviation') }, 'from mean and standard deviation'),
          closed(
            { median: positive('median'), p90: positive('90th percentile, above the median') },
            'from median and 90th percentile',
          ),
        ]),
      },
      'lognormal: right-skewed, the usual shape of task durations',
    ),
    closed({ gamma: closed({ shape: positive('shape'), scale: positive('scale') }, 'gamma') }, 'gamma'),
    closed(
      {
        erlang: closed(
          { k: Type.Integer({ minimum: 1, description: 'phases' }), mean: positive('total mean') },
          'erlang',
        ),
      },
      'erlang',
    ),
    closed({ weibull: closed({ shape: positive('shape'), scale: positive('scale') }, 'weibull') }, 'weibull'),
    closed(
      {
        triangular: closed(
          { min: finite('minimum'), mode: finite('most likely'), max: finite('maximum') },
          'three-point estimate',
        ),
      },
      'triangular',
    ),
    closed(
      {
        pert: closed(
          {
            min: finite('minimum'),
            mode: finite('most likely'),
            max: finite('maximum'),
            lambda: Type.Optional(positive('weight of the mode (default 4)')),
          },
          'three-point estimate, smoother than triangular',
        ),
      },
      'pert',
    ),
    closed(
      {
        empirical: closed(
          {
            data: Type.Array(finite('an observed value'), { minItems: 1 }),
            interpolate: Type.Optional(
              Type.Boolean({ description: 'interpolate between observations (default false: resample them)' }),
            ),
          },
          'observed values',
        ),
      },
      'empirical',
    ),
  ],
  { description: 'a number (constant) or { family: { parameters } }' },
);

export type DistributionSpec = Static<typeof DistributionSpec>;

/** The family names a distribution object may use. */
export const DISTRIBUTION_FAMILIES = [
  'constant',
  'uniform',
  'exponential',
  'normal',
  'lognormal',
  'gamma',
  'erlang',
  'weibull',
  'triangular',
  'pert',
  'empirical',
] as const;
