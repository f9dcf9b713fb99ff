/** A mistake in what an optimisation was asked (a range, an objective, a total no structure can meet): shown as it is. */
export class OptimiseInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OptimiseInputError';
  }
}
