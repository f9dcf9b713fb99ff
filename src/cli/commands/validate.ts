/** orgflow validate <scenario...>: check files; print every error with file, line and field path. */
import { loadScenario, ScenarioError, formatIssue } from '../../scenario/index.js';

/** Returns whether every file is valid. */
export function validate(files: string[], options: { json?: boolean }): boolean {
  const results = files.map((file) => {
    try {
      const loaded = loadScenario(file);
      return { file, valid: true, issues: loaded.warnings };
    } catch (e) {
      if (e instanceof ScenarioError) return { file, valid: false, issues: e.issues };
      throw e;
    }
  });
  if (options.json) {
    console.log(JSON.stringify(results, null, 2));
  } else {
    for (const r of results) {
      const errors = r.issues.filter((i) => i.severity === 'error').length;
      const warnings = r.issues.length - errors;
      console.log(
        `${r.valid ? 'valid' : 'INVALID'}: ${r.file}${errors ? `, ${errors} error${errors === 1 ? '' : 's'}` : ''}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`,
      );
      for (const issue of r.issues) console.log(`  ${formatIssue(issue).replace(/\n/g, '\n  ')}`);
    }
  }
  return results.every((r) => r.valid);
}
