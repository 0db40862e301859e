import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { inject, injectable } from 'tsyringe';
import { SessionAlreadyEndedError, SessionNotFoundError, SessionStateError } from '../errors.js';
import { parseEvent } from '../events/parse.js';
import type { KnownEventInput, SessionEvent } from '../events/schema.js';
import { appendEvent, createJournal } from '../journal/append.js';
import { readJournal } from '../journal/read.js';
import { processStartMs } from '../host/process-start.js';
import { SessionFolder } from '../host/session-folder.js';
import { TOKENS, type Clock } from '../host/tokens.js';
import type { SessionReport } from '../report/schema.js';
import type { WorkspacePaths } from '../store/paths.js';
import { ReportStore } from '../store/report-store.js';
import { assertSessionId, newSessionId } from '../store/session-id.js';
import { acquireEndLock } from './end-lock.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event to record: any protocol event, `ts` optional (defaults to now). */
export type EventInput =
  | (DistributiveOmit<Exclude<KnownEventInput, { type: 'session.start' | 'session.end' }>, 'ts'> & { ts?: string })
  | { type: string; ts?: string; [field: string]: unknown };

/** Options of `Recorders.start`. */
export interface StartOptions {
  /** Id to use; a new UUID when absent. */
  sessionId?: string;
  /** Name of the agent runtime. */
  agent?: string;
  /** Free-form metadata stored in `session.start`. */
  meta?: Record<string, unknown>;
  /** Record this process's pid so the session counts as live exactly while it runs (default true). */
  trackProcess?: boolean;
}

/** This process, as `session.start` records it: pid, host and, where the system tells, when it started. */
function trackedProcess(): { pid: number; host: string; pidStartedAt?: string } {
  const startedMs = processStartMs(process.pid);
  return { pid: process.pid, host: hostname(), ...(startedMs === null ? {} : { pidStartedAt: new Date(startedMs).toISOString() }) };
}

/** True when the journal holds a `session.end`. */
async function hasEnded(journalFile: string): Promise<boolean> {
  // Read to the end rather than returning early: leaving the iterator open would leave its file open.
  let ended = false;
  for await (const event of readJournal(journalFile)) if (event.type === 'session.end') ended = true;
  return ended;
}

/** Records one session: every event goes to the journal as it happens. */
export class SessionRecorder {
  private ended = false;
  constructor(
    /** The session's id. */
    readonly sessionId: string,
    private readonly journalFile: string,
    private readonly folder: SessionFolder,
    private readonly store: ReportStore,
    private readonly clock: Clock,
  ) {}

  /** Validates and appends one event; returns it as stored. */
  record(input: EventInput): SessionEvent {
    if (this.ended) throw new SessionStateError(`Session ${this.sessionId} has ended: start a new session to record more events.`);
    if (input.type === 'session.start' || input.type === 'session.end') {
      throw new SessionStateError(`${input.type} is written by the recorder itself: use start() and end().`);
    }
    const event = parseEvent({ ...input, ts: input.ts ?? this.clock().toISOString() });
    appendEvent(this.journalFile, event);
    return event;
  }

  /**
   * Runs end hooks, writes `session.end`, folds the journal and writes the report atomically.
   * Throws SessionAlreadyEndedError when this or any other recorder has ended the session.
   */
  async end(): Promise<SessionReport> {
    if (this.ended) throw new SessionAlreadyEndedError(this.sessionId);
    this.ended = true;
    // Another process may be ending the same session: the lock orders the two, and the journal
    // read under it shows the loser the winner's session.end.
    const lock = await acquireEndLock(this.journalFile, this.sessionId);
    try {
      if (await hasEnded(this.journalFile)) throw new SessionAlreadyEndedError(this.sessionId);
      for (const event of await this.folder.runHooks('onSessionEnd', this.sessionId, false)) appendEvent(this.journalFile, event);
      appendEvent(this.journalFile, { type: 'session.end', ts: this.clock().toISOString() });
      const report = await this.folder.foldJournal(this.sessionId);
      await this.store.save(report);
      return report;
    } finally {
      lock.release();
    }
  }
}

/** Starts sessions and reopens running ones (for runtimes that call `rad session end` from another process). */
@injectable()
export class Recorders {
  constructor(
    @inject(TOKENS.Paths) private readonly paths: WorkspacePaths,
    @inject(SessionFolder) private readonly folder: SessionFolder,
    @inject(ReportStore) private readonly store: ReportStore,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  /** Starts a session: writes `session.start`, then whatever the plugins' start hooks return. */
  async start(options: StartOptions = {}): Promise<SessionRecorder> {
    const sessionId = assertSessionId(options.sessionId ?? newSessionId());
    const file = this.paths.journalFile(sessionId);
    if (existsSync(this.paths.reportFile(sessionId))) throw new SessionStateError(`Session ${sessionId} already exists: choose another id.`);
    const start = parseEvent({
      type: 'session.start',
      ts: this.clock().toISOString(),
      sessionId,
      workspace: this.paths.root,
      ...(options.agent ? { agent: options.agent } : {}),
      ...(options.trackProcess === false ? {} : trackedProcess()),
      ...(options.meta ? { meta: options.meta } : {}),
    });
    try {
      createJournal(file, start);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new SessionStateError(`Session ${sessionId} already exists: choose another id.`);
      throw error;
    }
    for (const event of await this.folder.runHooks('onSessionStart', sessionId, false)) appendEvent(file, event);
    return new SessionRecorder(sessionId, file, this.folder, this.store, this.clock);
  }

  /** Reopens a session that has a journal and no `session.end`. */
  async resume(sessionId: string): Promise<SessionRecorder> {
    const file = this.paths.journalFile(assertSessionId(sessionId));
    if (!existsSync(file)) throw new SessionNotFoundError(sessionId);
    if (await hasEnded(file)) throw new SessionAlreadyEndedError(sessionId);
    return new SessionRecorder(sessionId, file, this.folder, this.store, this.clock);
  }
}
