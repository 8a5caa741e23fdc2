/**
 * The pool cannot run anything: a worker cannot be created, or workers keep dying before
 * finishing a call. Unlike a failed run, retrying a run elsewhere would not help, so an
 * experiment stops on it and its output folder stays resumable.
 */
export class WorkersUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkersUnavailableError';
  }
}
