import { promises as fs } from 'node:fs';
import { inject, injectable } from 'tsyringe';
import type { StatsConfig } from '../config/schema.js';
import { CorruptFileError, DeletedWhileReadingError } from '../errors.js';
import { parseEvent } from '../events/parse.js';
import type { SessionEvent, SessionStartEvent } from '../events/schema.js';
import { readJournal } from '../journal/read.js';
import type { HostServices } from '../plugin/contract.js';
import { foldSession, guard, type ActivePlugin } from '../report/fold.js';
import type { SessionReport } from '../report/schema.js';
import type { WorkspacePaths } from '../store/paths.js';
import { openJournalStatus } from './liveness.js';
import { TOKENS, type Clock } from './tokens.js';

/** Reads the first event of a journal without reading the rest. */
async function readStart(file: string): Promise<SessionStartEvent | undefined> {
  for await (const event of readJournal(file)) return event.type === 'session.start' ? (event as SessionStartEvent) : undefined;
  return undefined;
}

/** Turns journals into reports through the active plugins. */
@injectable()
export class SessionFolder {
  constructor(
    @inject(TOKENS.Paths) private readonly paths: WorkspacePaths,
    @inject(TOKENS.ActivePlugins) private readonly plugins: ActivePlugin[],
    @inject(TOKENS.Services) private readonly services: HostServices,
    @inject(TOKENS.Config) private readonly config: StatsConfig,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  /** Runs a lifecycle hook of every plugin; events come back stamped and validated. */
  async runHooks(hook: 'onSessionStart' | 'onSessionEnd', sessionId: string, preview: boolean): Promise<SessionEvent[]> {
    const out: SessionEvent[] = [];
    for (const { plugin, options } of this.plugins) {
      const run = plugin[hook];
      if (!run) continue;
      const events = await guard(plugin.id, hook, this.services.warn, () =>
        run.call(plugin, { sessionId, workspace: this.paths.root, options, services: this.services, preview }),
      );
      for (const raw of events ?? []) {
        try {
          out.push(parseEvent({ ...raw, ts: raw.ts ?? this.clock().toISOString() }));
        } catch (error) {
          this.services.warn(`Plugin ${plugin.id} produced a bad event in ${hook} (${(error as Error).message}); it was dropped.`);
        }
      }
    }
    return out;
  }

  /** Whether a journal with no `session.end` is live or abandoned. */
  async openStatus(sessionId: string): Promise<'live' | 'abandoned'> {
    const file = this.paths.journalFile(sessionId);
    // Read first: it names what is not a regular file (of a dangling link, a stat would only say ENOENT).
    const start = await readStart(file);
    const stat = await fs.stat(file).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new DeletedWhileReadingError(file) : error;
    });
    return openJournalStatus(start, stat.mtimeMs, this.clock().getTime(), this.config.liveSessionMinutes);
  }

  /** Folds a session's journal; a live session is previewed (end hooks run, nothing stored). */
  async foldJournal(sessionId: string): Promise<SessionReport> {
    const file = this.paths.journalFile(sessionId);
    let skipped = 0;
    const openStatus = await this.openStatus(sessionId);
    const warn = this.services.warn;
    let ended = false;
    const self = this;
    async function* events(): AsyncGenerator<SessionEvent> {
      for await (const event of readJournal(file, (s) => {
        skipped += 1;
        warn(`${file}: line ${s.line} skipped (${s.reason}).`);
      })) {
        if (event.type === 'session.end') ended = true;
        yield event;
      }
      if (!ended && openStatus === 'live') yield* await self.runHooks('onSessionEnd', sessionId, true);
    }
    const report = await foldSession(events(), {
      sessionId,
      workspace: this.paths.root,
      plugins: this.plugins,
      services: this.services,
      openStatus,
      source: 'journal',
      now: this.clock,
      skippedLines: () => skipped,
    });
    if (report.eventCount === 0) throw new CorruptFileError(file, 'no readable events');
    return report;
  }

  /** Folds events that are already in memory (importers, tests). */
  foldEvents(sessionId: string, events: Iterable<SessionEvent> | AsyncIterable<SessionEvent>, source: string): Promise<SessionReport> {
    return foldSession(events, {
      sessionId,
      workspace: this.paths.root,
      plugins: this.plugins,
      services: this.services,
      openStatus: 'abandoned',
      source,
      now: this.clock,
    });
  }
}
