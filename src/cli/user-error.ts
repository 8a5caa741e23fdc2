import { EXIT, type ExitCode } from './exit-codes.ts';

/** An error caused by the user's input: printed as its message alone, never with a stack. */
export class UserError extends Error {
  /** Process exit status to use. */
  readonly exitCode: number;
  /** `exitCode` is one of {@link EXIT}: bad input (2) unless said otherwise. */
  constructor(message: string, exitCode: ExitCode = EXIT.badInput) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}
