/**
 * Named errors. Every message is one line that says what was wrong and what to do about it;
 * the CLI prints `message` as is and exits non-zero.
 */

/** Base class of every error this tool raises on purpose. */
export class RadiumError extends Error {
  override name = 'RadiumError';
  /** Process exit code the CLI uses for this error. */
  readonly exitCode: number = 1;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** No `.radium` folder above the current directory, no `RADIUM_WORKSPACE` and no global workspace. */
export class WorkspaceNotFoundError extends RadiumError {
  override name = 'WorkspaceNotFoundError';
  constructor(from: string) {
    super(`No Radium workspace found at or above ${from}: run \`rad init\` to create one, \`rad init --global\` for one used from any folder, or set RADIUM_WORKSPACE.`);
  }
}

/** A session id that is not a plain file-name-safe token. */
export class InvalidSessionIdError extends RadiumError {
  override name = 'InvalidSessionIdError';
  constructor(id: string) {
    super(
      `Invalid session id ${JSON.stringify(id)}: use letters, digits, '.', '_' or '-' (1-128 characters, no path separators).`,
    );
  }
}

/** The workspace holds no session with this id. */
export class SessionNotFoundError extends RadiumError {
  override name = 'SessionNotFoundError';
  constructor(readonly sessionId: string) {
    super(`No session found with id ${JSON.stringify(sessionId)}: run \`rad stats history\` to list sessions.`);
  }
}

/** A session id prefix that more than one session starts with. */
export class AmbiguousSessionIdError extends RadiumError {
  override name = 'AmbiguousSessionIdError';
  constructor(readonly prefix: string, readonly matches: readonly string[], more: boolean) {
    super(`Session id ${JSON.stringify(prefix)} is the start of ${more ? 'more than ' : ''}${matches.length} sessions (${matches.join(', ')}${more ? ', …' : ''}): type more of it.`);
  }
}

/** The workspace holds no sessions at all. */
export class NoSessionsError extends RadiumError {
  override name = 'NoSessionsError';
  constructor(message = 'No session history found') {
    super(message);
  }
}

/** A config file or environment setting that does not validate. */
export class ConfigError extends RadiumError {
  override name = 'ConfigError';
}

/** A report written by a newer version of this tool. */
export class UnsupportedSchemaVersionError extends RadiumError {
  override name = 'UnsupportedSchemaVersionError';
  constructor(file: string, version: number, supported: number) {
    super(
      `${file} has schemaVersion ${version} but this rad understands up to ${supported}: upgrade rad to read it.`,
    );
  }
}

/** A stored file that cannot be parsed or has the wrong shape. */
export class CorruptFileError extends RadiumError {
  override name = 'CorruptFileError';
  constructor(readonly file: string, reason: string, options?: { cause?: unknown }) {
    super(`${file} is corrupt (${reason}); it was skipped.`, options);
  }
}

/** Something that is not a regular file (a directory, FIFO, device, dangling link) where a session file belongs. */
export class NotAFileError extends CorruptFileError {
  override name = 'NotAFileError';
  constructor(file: string, what: string) {
    super(file, `${what}, not a regular file`);
    this.message = `${file} is ${what}, not a regular file; it was skipped (remove it or move it out of this folder).`;
  }
}

/** A report file over the size rad reads (see MAX_REPORT_BYTES); it is never read into memory. */
export class ReportTooLargeError extends CorruptFileError {
  override name = 'ReportTooLargeError';
  constructor(file: string, bytes: number, limit: number) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    super(file, `${bytes} bytes, over the ${mb(limit)} limit`);
    this.message = `${file} is ${mb(bytes)} (${bytes} bytes), over the ${mb(limit)} a report may be; it was skipped.`;
  }
}

/** A session file (or a whole session) deleted between being listed and being read. */
export class DeletedWhileReadingError extends RadiumError {
  override name = 'DeletedWhileReadingError';
  /** `what`: the file, or `Session "<id>"` when all of its files went. */
  constructor(what: string) {
    super(`${what} was deleted while rad was reading it; it was skipped.`);
  }
}

/** An event that does not match the event protocol. */
export class InvalidEventError extends RadiumError {
  override name = 'InvalidEventError';
}

/** A metric or importer plugin that failed to load or does not satisfy the contract. */
export class PluginError extends RadiumError {
  override name = 'PluginError';
  constructor(readonly pluginId: string, reason: string, options?: { cause?: unknown }) {
    super(`Plugin ${pluginId}: ${reason}`, options);
  }
}

/** A user-supplied option with a value out of range or of the wrong form. */
export class UsageError extends RadiumError {
  override name = 'UsageError';
  override readonly exitCode = 2;
}

/** A session that is already ended, or a recorder used after `end()`. */
export class SessionStateError extends RadiumError {
  override name = 'SessionStateError';
}

/** Ending a session that has already ended (twice in one process, or by two processes at once). */
export class SessionAlreadyEndedError extends SessionStateError {
  override name = 'SessionAlreadyEndedError';
  constructor(readonly sessionId: string) {
    super(`Session ${sessionId} has already ended: run \`rad stats session --session-id ${sessionId}\` to see its summary.`);
  }
}

/** A stats database written by a newer version of this tool. */
export class StoreTooNewError extends RadiumError {
  override name = 'StoreTooNewError';
  constructor(file: string, version: number, supported: number) {
    super(`${file} was written by a newer rad (store version ${version}; this rad knows up to ${supported}): upgrade rad, or delete the file to rebuild it from the reports.`);
  }
}
