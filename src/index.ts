/**
 * orgflow's public API, as notebooks and other programs use it (built to dist/src/index.js).
 * The engine is at src/engine for those who build models of their own.
 */
export * from './scenario/index.js';
export * from './model/index.js';
export * from './experiment/index.js';
export * from './analysis/index.js';
export * from './calibration/index.js';
export * from './optimise/index.js';
export * from './charts/index.js';
export * from './report/index.js';
export * from './notebook/index.js';
export { RandomStreams, type Rng } from './random/index.js';
export { orgflowVersion } from './package-info.js';
