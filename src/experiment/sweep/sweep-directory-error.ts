/** A problem with an output folder that the user can fix (wrong folder, other experiment, locked, unwritable). */
export class SweepDirectoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SweepDirectoryError';
  }
}
