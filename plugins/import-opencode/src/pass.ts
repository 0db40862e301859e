import type { ImportSink } from '@radium-stats/core';

/** What a pass knows of one message once its file was read. */
export interface MessageInfo {
  role: string;
  model: string;
  /** OpenCode's provider id (`anthropic`, `openai`, `openrouter`, ...), our engine. */
  provider: string;
  /** The subagent session that sent it, when not the main session. */
  agentId?: string;
  /** When it was created (ms). */
  created?: number;
  /** Latest time seen so far in the message and its parts (ms): the time of its next finished step. */
  lastMs?: number;
}

/**
 * What the files of one session group tell each other during one pass. OpenCode splits a session
 * over many files (a message's model is in its file, its steps' tokens in its parts' files); the host
 * reads a group's files in order with one sink, so the sink keys the pass.
 */
export interface Pass {
  /** True when the main session's file is part of this pass: the host reads a group whole only when it rebuilds it. */
  whole: boolean;
  /** True once the session was named in this pass. */
  named: boolean;
  /** Messages read in this pass. */
  messages: Map<string, MessageInfo>;
  /** Messages whose file is in this pass, read or not (a half-written one is skipped). */
  listed: Set<string>;
}

const passes = new WeakMap<ImportSink, Pass>();

/** The pass a sink belongs to (a new attempt, such as a restart, has a new sink and starts afresh). */
export function passOf(sink: ImportSink): Pass {
  let pass = passes.get(sink);
  if (!pass) {
    pass = { whole: false, named: false, messages: new Map(), listed: new Set() };
    passes.set(sink, pass);
  }
  return pass;
}
