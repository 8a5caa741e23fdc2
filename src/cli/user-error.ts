/** An error caused by the user's input: printed as its message alone, never with a stack. */
export class UserError extends Error {
  /** Process exit status to use. */
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}
