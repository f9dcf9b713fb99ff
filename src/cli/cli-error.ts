/** A mistake in how the command was called: exit code 2, with the message shown as it is. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
