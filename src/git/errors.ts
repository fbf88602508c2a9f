// The one error class the git layer throws: a known repository problem, one line plus a hint, never a stack trace.

export class GitError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'GitError';
  }
}
