/** Exit codes for errors: cancellation is told by the abort signal, not by the words of a message. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportError } from '../../src/cli/error-report.js';
import { RunSizeError } from '../../src/experiment/index.js';

const aborted = () => {
  const c = new AbortController();
  c.abort();
  return c.signal;
};
const running = () => new AbortController().signal;

describe('reportError', () => {
  afterEach(() => vi.restoreAllMocks());

  it('an error whose message says "cancel" or "abort" is a bug unless Ctrl-C aborted the run', () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(reportError(new Error('the request was cancelled by the pool'), running())).toBe(1);
    expect(reportError(Object.assign(new Error('The task has been aborted'), { name: 'AbortError' }), running())).toBe(
      1,
    );
    expect(printed.mock.calls[0][0]).toMatch(/^orgflow: internal error: the request was cancelled/);
    expect(reportError(new Error('whatever the workers said'), aborted())).toBe(130);
    expect(printed).toHaveBeenLastCalledWith('orgflow: cancelled');
  });

  it("a run too large and a worker out of memory are the user's to fix: exit 2, with a hint", () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    const size = { useCases: 3e8, horizonDays: 1e9, demandPerMonth: 10, datedItems: 0, portfolio: 0 };
    expect(reportError(new RunSizeError('replication', 3e8, 200_000, 'big', size), running())).toBe(2);
    expect(printed.mock.calls[0][0]).toMatch(
      /^orgflow: run too large: about 300,000,000 use cases in one replication of "big".*\n {4}hint: .*--max-use-cases <n> \(now 200,000 per replication/s,
    );
    expect(
      reportError(
        Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), {
          code: 'ERR_WORKER_OUT_OF_MEMORY',
        }),
        running(),
      ),
    ).toBe(2);
  });
});
