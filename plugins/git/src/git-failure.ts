/** Git could not be used for this workspace; `reason` is the short phrase shown as `n/a (reason)`. */
export class GitUnavailableError extends Error {
  override name = 'GitUnavailableError';
  constructor(readonly reason: string, options?: { cause?: unknown }) {
    super(`git unavailable: ${reason}`, options);
  }
}

/** First meaningful line of git's message, without the `fatal:` prefix. */
function firstLine(message: string): string {
  const line = message.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? 'unknown error';
  return line.replace(/^(fatal|error):\s*/i, '');
}

/** Turns whatever running git threw into a short reason a user can act on. */
export function describeGitFailure(error: unknown): string {
  if (error instanceof GitUnavailableError) return error.reason;
  const message = error instanceof Error ? error.message : String(error);
  if (/\bspawn\b.*\bENOENT\b/.test(message) || (error as NodeJS.ErrnoException)?.code === 'ENOENT') return 'git is not installed';
  if (/not a git repository/i.test(message)) return 'not a git repository';
  if (/does not exist/i.test(message) && /simple-git/i.test(message)) return 'workspace folder does not exist';
  return `git failed: ${firstLine(message)}`;
}
