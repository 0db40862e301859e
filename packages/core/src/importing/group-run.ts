import { rmSync } from 'node:fs';
import type { SessionEvent } from '../events/schema.js';
import { fingerprint } from './fingerprint.js';
import type { PlannedFile, PlannedGroup } from './plan.js';
import { documentTooLarge, readPass, type LineCounts } from './read-pass.js';
import { SessionSink, type SinkContext } from './session-sink.js';
import { sinceSkipReason, whollyBefore } from './since.js';
import type { ImportedFile, ImportState } from './state.js';
import { SKIP_OUTSIDE_WORKSPACE } from './summary.js';

/** What a group run needs besides the sink's context. */
export interface GroupContext extends SinkContext {
  state: ImportState;
  /** Workspace (or `*`) skips are recorded for. */
  scopeKey: string;
  /** Options from config for the importer. */
  options: Record<string, unknown>;
  maxLineBytes: number;
  /** `--since`: a session not imported before is left out when all its records are before it. */
  since?: Date;
  counts: LineCounts;
  onBytes(bytes: number): void;
  warn(message: string): void;
  /** Tells the catalog a session's files were removed. */
  onRemoved(sessionId: string): void;
}

/** How a group ended. */
export type GroupOutcome =
  /**
   * The journal was written; fold it. `created` when the session is new to the workspace; `events`,
   * when the journal was written wholly in this run and kept in memory, are its events, to fold
   * instead of reading it back.
   */
  | { kind: 'written'; sessionId: string; created: boolean; filesRead: number; events?: Iterable<SessionEvent> }
  /** Read, but nothing new for the session. */
  | { kind: 'untouched'; filesRead: number }
  /** Left out, with the reason and how many files. */
  | { kind: 'skipped'; reason: string; files: number; filesRead: number };

/** Reasons a whole group is skipped. */
export const SKIP_REASONS = {
  outside: SKIP_OUTSIDE_WORKSPACE,
  empty: 'no session records',
  error: 'importer error (see warnings)',
} as const;

function remember(ctx: GroupContext, file: PlannedFile, fields: Partial<ImportedFile>): void {
  ctx.state.files[file.found.path] = {
    group: file.found.group,
    size: file.size,
    mtimeMs: file.mtimeMs,
    ino: file.ino,
    offset: 0,
    head: '',
    tail: '',
    ...fields,
  };
}

function dropSession(ctx: GroupContext, group: string): void {
  const session = ctx.state.sessions[group];
  ctx.claims.release(group);
  if (!session) return;
  rmSync(ctx.paths.journalFile(session.id), { force: true });
  rmSync(ctx.paths.reportFile(session.id), { force: true });
  ctx.onRemoved(session.id);
  ctx.owners.delete(session.id);
  delete ctx.state.sessions[group];
}

/**
 * Drops a new session wholly before `--since` after reading it: the files are remembered with its
 * last record time, so a later run with a `--since` after it skips them unread. Its claims stay for
 * the rest of the run, so a resumed session read next does not take the responses it copied.
 */
function leaveOut(ctx: GroupContext, planned: PlannedGroup, sink: SessionSink, since: Date, filesRead: number): GroupOutcome {
  const id = sink.id!;
  const lastTs = sink.lastRecordTs!;
  sink.abort();
  rmSync(ctx.paths.journalFile(id), { force: true });
  rmSync(ctx.paths.reportFile(id), { force: true });
  ctx.owners.delete(id);
  const reason = sinceSkipReason(since);
  for (const file of planned.files) remember(ctx, file, { skipped: reason, scope: ctx.scopeKey, lastTs });
  return { kind: 'skipped', reason, files: planned.files.length, filesRead };
}

/** Leaves a group out before or while reading it; a new group's files are remembered as skipped. */
function skipGroup(ctx: GroupContext, planned: PlannedGroup, reason: string, filesRead: number): GroupOutcome {
  if (!planned.session) for (const file of planned.files) remember(ctx, file, { skipped: reason, scope: ctx.scopeKey });
  return { kind: 'skipped', reason, files: planned.files.length, filesRead };
}

/** Drops a group the importer failed on, with a warning; it is imported again next run. */
function failGroup(ctx: GroupContext, planned: PlannedGroup, sink: SessionSink, file: string | undefined, what: string, filesRead: number): GroupOutcome {
  ctx.warn(`Importer ${ctx.importer.id} failed on ${file ?? planned.group} (${what}); that session was left out and is imported again next time.`);
  dropSession(ctx, planned.group);
  if (sink.id) {
    rmSync(ctx.paths.journalFile(sink.id), { force: true });
    rmSync(ctx.paths.reportFile(sink.id), { force: true });
    ctx.onRemoved(sink.id);
    ctx.owners.delete(sink.id);
  }
  for (const file of planned.files) delete ctx.state.files[file.found.path];
  return { kind: 'skipped', reason: SKIP_REASONS.error, files: planned.files.length, filesRead };
}

/** An attempt's outcome, or `restart` when a resumed group must be imported again from the start. */
type AttemptOutcome = GroupOutcome | { kind: 'restart' };

async function attempt(ctx: GroupContext, planned: PlannedGroup, build: boolean): Promise<AttemptOutcome> {
  const sink = new SessionSink(ctx, planned.group, build ? undefined : planned.session);
  const files = build ? planned.files : planned.files.filter((f) => f.change !== 'unchanged');
  const read = new Map<PlannedFile, Partial<ImportedFile>>();
  let filesRead = 0;
  try {
    for (const file of files) {
      const tooLarge = documentTooLarge(file.found, file.size);
      if (tooLarge) {
        sink.abort();
        return skipGroup(ctx, planned, `too large to read as one JSON document (${tooLarge})`, filesRead);
      }
      const fresh = build || file.change === 'new' || !file.prior;
      const parser = ctx.importer.parse({ file: file.found, state: fresh ? undefined : file.prior!.parser, sink, options: ctx.options });
      filesRead += 1;
      const invalidBefore = ctx.counts.invalid;
      const offset = await readPass(
        file.found,
        parser,
        {
          start: fresh ? 0 : file.prior!.offset,
          end: file.size,
          maxLineBytes: ctx.maxLineBytes,
          wantsLine: ctx.importer.wantsLine?.bind(ctx.importer),
          onBytes: ctx.onBytes,
          stopped: () => sink.stopped !== undefined,
        },
        ctx.counts,
      );
      if (sink.stopped) break;
      // A whole-document file is one record: name it, or the user only sees a count of bad lines.
      if (file.found.format === 'json' && ctx.counts.invalid > invalidBefore) {
        ctx.warn(`Importer ${ctx.importer.id} skipped ${file.found.path}: not valid JSON (half-written or cut short); it is read again once it changes.`);
      }
      const parserState = parser.end();
      if (sink.stopped) break;
      read.set(file, { offset, ...(await fingerprint(file.found.path, offset)), ...(parserState === undefined ? {} : { parser: parserState }) });
    }
  } catch (error) {
    sink.abort();
    return failGroup(ctx, planned, sink, files[0]?.found.path, (error as Error).message, filesRead);
  }
  const stop = sink.stopped;
  if (stop) {
    sink.abort();
    if (stop.kind === 'restart') return build ? failGroup(ctx, planned, sink, files[0]?.found.path, `asked to restart while importing from the start (${stop.reason})`, filesRead) : { kind: 'restart' };
    return skipGroup(ctx, planned, stop.kind === 'out-of-scope' ? SKIP_REASONS.outside : 'same session as another file already imported', filesRead);
  }
  if (!sink.id) {
    // A session imported before keeps its journal as it was; its files must rebuild it once they change, never add to it.
    const rebuild = planned.session ? { rebuild: true as const } : {};
    for (const file of planned.files) remember(ctx, file, { skipped: SKIP_REASONS.empty, scope: ctx.scopeKey, ...rebuild });
    return { kind: 'skipped', reason: SKIP_REASONS.empty, files: planned.files.length, filesRead };
  }
  if (ctx.since && !planned.session && !sink.existedBefore && whollyBefore(sink.lastRecordTs!, ctx.since)) return leaveOut(ctx, planned, sink, ctx.since, filesRead);
  for (const [file, fields] of read) remember(ctx, file, fields);
  if (build) for (const file of planned.vanished) delete ctx.state.files[file];
  if (!sink.changed) return { kind: 'untouched', filesRead };
  const previous = ctx.state.sessions[planned.group];
  ctx.state.sessions[planned.group] = sink.finish();
  if (previous && previous.id !== sink.id) {
    rmSync(ctx.paths.journalFile(previous.id), { force: true });
    rmSync(ctx.paths.reportFile(previous.id), { force: true });
    ctx.onRemoved(previous.id);
    ctx.owners.delete(previous.id);
  }
  const events = sink.writtenEvents();
  return { kind: 'written', sessionId: sink.id, created: !planned.session, filesRead, ...(events ? { events } : {}) };
}

/**
 * Imports one session group: resumes its files where they stopped, or reads them all from the
 * start when the group is new, a file was rewritten, or the importer asks to restart.
 */
export async function runGroup(ctx: GroupContext, planned: PlannedGroup): Promise<GroupOutcome> {
  const outcome = await attempt(ctx, planned, planned.mode === 'build');
  if (outcome.kind !== 'restart') return outcome;
  // A build attempt never asks for another: a restart while building fails the group.
  return (await attempt(ctx, planned, true)) as GroupOutcome;
}
