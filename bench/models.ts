/** The two reference models of shared/baselines/README.md, with the same parameters. */
export const BENCH_MODELS = {
  /** M/M/c, c = 5, mu = 1, lambda = 4.5 (rho = 0.9), 1,000,000 customers. */
  mmc: { lambda: 4.5, mu: 1, c: 5, defaultCount: 1_000_000 },
  /** Three FIFO stations in series, 30% rework from the last to the second, 200,000 jobs. */
  net: { lambda: 1, servers: [3, 4, 2], serviceMeans: [2.4, 2.24, 1.12], rework: 0.3, defaultCount: 200_000 },
} as const;
