/**
 * Thrown by a benchmark whose prerequisite (a command, a file, a marker in the app) does
 * not exist yet: the key is reported as "not available: <reason>" instead of failing.
 */
export class NotAvailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotAvailable';
  }
}
