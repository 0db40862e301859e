/** Thrown through a parser to stop reading: the session lies outside the workspace. */
export class OutOfScopeSignal extends Error {
  override name = 'OutOfScopeSignal';
}

/** Thrown through a parser to stop reading: another file already imported a session with this id. */
export class DuplicateSessionSignal extends Error {
  override name = 'DuplicateSessionSignal';
}

/** Thrown through a parser when new records rewrite history already imported; the session is imported again from the start. */
export class RestartSignal extends Error {
  override name = 'RestartSignal';
}
