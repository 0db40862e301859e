/** A tool call waiting for its result. */
export interface PendingTool {
  /** Tool name. */
  name: string;
  /** Time of the `tool_use` line. */
  ts: string;
}

/** What a pass over one transcript leaves for the next. */
export interface ClaudeFileState {
  /** True once the session was named (the next pass must not name it again). */
  named: boolean;
  /** Tool calls whose result has not been read yet, by tool_use id. */
  pending: Record<string, PendingTool>;
  /** The last responses counted (key and completeness), to notice a later line with a fuller usage. */
  recent: [string, number][];
}

/** Responses remembered in `recent`. */
export const RECENT_RESPONSES = 64;
/** Tool calls kept waiting for a result; older ones are dropped (a crash left them without one). */
export const MAX_PENDING_TOOLS = 500;
