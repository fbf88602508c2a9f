// Known failures: one line and a hint, exit 2. Anything else is a bug and says so.

export class UserError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
