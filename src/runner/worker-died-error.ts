/** A call whose worker died, also on every retry (or that could not be sent again). */
export class WorkerDiedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerDiedError';
  }
}
