/** Seeded named random streams and probability distributions. */
export { RandomStreams, replicationSeed, type Rng } from './streams.js';
export { type Distribution, InvalidDistributionError } from './distribution.js';
export { normalQuantile, normalCdf, normalPdf, erfc, gammaFunction } from './special-functions.js';
export { Constant, constant } from './distributions/constant.js';
export { Uniform, uniform, type UniformOptions } from './distributions/uniform.js';
export { Exponential, exponential, type ExponentialOptions } from './distributions/exponential.js';
export { Normal, normal, type NormalOptions } from './distributions/normal.js';
export { Lognormal, lognormal, type LognormalOptions } from './distributions/lognormal.js';
export { Gamma, gamma, standardGamma, type GammaOptions } from './distributions/gamma.js';
export { Erlang, erlang, type ErlangOptions } from './distributions/erlang.js';
export { Weibull, weibull, type WeibullOptions } from './distributions/weibull.js';
export { Triangular, triangular, type TriangularOptions } from './distributions/triangular.js';
export { Pert, pert, type PertOptions } from './distributions/pert.js';
export {
  EmpiricalDiscrete,
  EmpiricalPiecewise,
  empiricalDiscrete,
  empiricalPiecewise,
} from './distributions/empirical.js';
export { Bernoulli, bernoulli } from './distributions/bernoulli.js';
export { Categorical, categorical } from './distributions/categorical.js';
