import type { ScenarioSummary } from '../analysis/index.js';
import { warn } from './terminal-layout.js';

/** Warns on stderr for every scenario where Little's law failed in some replication (it never should). */
export function warnOnLittleViolations(summaries: readonly ScenarioSummary[]): void {
  for (const s of summaries) {
    if (s.littleViolations > 0) {
      warn(
        `orgflow: warning: Little's law did not hold in ${s.littleViolations} of ${s.replications} replications of ${s.name}; please report this with the scenario`,
      );
    }
  }
}
