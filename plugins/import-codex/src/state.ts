import type { PatchedFile } from './apply-patch.js';
import type { CodexUsage } from './usage.js';

/** A tool call waiting for its output. */
export interface PendingCall {
  name: string;
  ts: string;
  /** Files the call's patch changes, applied when it succeeds. */
  edits?: PatchedFile[];
}

/** What a pass over one rollout leaves for the next. */
export interface CodexFileState {
  /** True once the session was named. */
  named: boolean;
  /** Model of the latest `turn_context`. */
  model?: string;
  /** The last `total_token_usage` seen, to recognise a repeated `token_count`. */
  lastTotal?: CodexUsage;
  /** Calls without output yet, by call_id. */
  pending: Record<string, PendingCall>;
}

/** Calls kept waiting for output; older ones are dropped. */
export const MAX_PENDING_CALLS = 500;
