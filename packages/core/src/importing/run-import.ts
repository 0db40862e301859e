import { closeSync, existsSync, fsyncSync, openSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { isPluginEnabled, pluginOptions } from '../config/load.js';
import { ConfigError } from '../errors.js';
import { compareCodePoints } from '../format/compare-code-points.js';
import type { Host } from '../host/create-host.js';
import { ClaimRegistry } from './claims.js';
import type { AnyImporter } from './contract.js';
import { firstRecordTime } from './first-record-time.js';
import { runGroup, type GroupContext } from './group-run.js';
import { acquireImportLock } from './lock.js';
import { planImport, type PlannedGroup } from './plan.js';
import { projectScope } from './scope.js';
import { importStateFile, loadImportState } from './state.js';
import { ImportStateStore } from './state-store.js';
import { SkipTally, type ImportSummary } from './summary.js';

/** Longest source line read by default; longer ones (Claude Code's file snapshots) are skipped and counted. */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

/**
 * Sessions per batch. Imported sessions can be made again from the agent's logs, so their files
 * are written without fsync; after each batch the sessions folder is synced and the batch's
 * sessions are written into an open stats store at once. The import state is saved per session
 * group (`ImportStateStore.saveGroup`), so an interrupted run loses at most the group it was in.
 */
export const IMPORT_BATCH_SESSIONS = 200;

/** Longest time between batches, for batches of very large sessions. */
const SAVE_EVERY_MS = 30_000;

/** Progress of a run, in bytes of source files. */
export interface ImportProgress {
  /** Bytes read so far. */
  bytesDone: number;
  /** Bytes this run will read. */
  bytesTotal: number;
  /** Sessions finished. */
  sessionsDone: number;
  /** Sessions to import or update. */
  sessionsTotal: number;
}

/** What to import. */
export interface ImportRunOptions {
  /** The importer. */
  importer: AnyImporter;
  /** Folders to search; the importer's default folders when empty. */
  sources?: string[];
  /**
   * Only new sessions with a record at or after this time, imported whole; decided by the records'
   * own times, never by the files' modification times. Sessions imported before are kept up to date.
   */
  since?: Date;
  /** Import the sessions of every project, not only those inside the workspace. */
  allProjects?: boolean;
  /** Environment for default folders; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Home directory for default folders; defaults to the user's. */
  home?: string;
  /** Longest line read, in bytes. */
  maxLineBytes?: number;
  /** Called as bytes are read (about once a megabyte). */
  onProgress?(progress: ImportProgress): void;
  /** Clock for durations, for tests. */
  now?(): number;
  /** Sessions per batch (IMPORT_BATCH_SESSIONS by default). */
  batchSessions?: number;
}

/** Makes the entries (creations, renames, removals) of a folder durable. Not every platform can fsync a folder: that is skipped. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder; a missing folder has nothing to sync.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function importerOptions(importer: AnyImporter, host: Host): Record<string, unknown> {
  const raw = pluginOptions(host.config, importer.id, 'importers');
  if (!importer.options) return raw;
  const result = importer.options.safeParse(raw);
  if (result.success) return result.data;
  throw new ConfigError(`Config: bad value at \`importers.${importer.id}.options\` (${result.error.message}): fix or remove that key.`);
}

async function orderGroups(importer: AnyImporter, groups: PlannedGroup[], maxLineBytes: number): Promise<PlannedGroup[]> {
  const known = groups.filter((g) => g.session);
  const fresh = await Promise.all(
    groups
      .filter((g) => !g.session)
      .map(async (g) => ({ g, first: await firstRecordTime(importer, g.files[0]!.found, g.files[0]!.size, maxLineBytes) })),
  );
  fresh.sort((a, b) => a.first - b.first || a.g.newestMtimeMs - b.g.newestMtimeMs || compareCodePoints(a.g.group, b.g.group));
  return [...known, ...fresh.map((f) => f.g)];
}

function bytesToRead(group: PlannedGroup): number {
  let total = 0;
  for (const f of group.files) {
    if (group.mode === 'build' || f.change === 'new' || !f.prior) total += f.size;
    else if (f.change !== 'unchanged') total += Math.max(0, f.size - f.prior.offset);
  }
  return total;
}

/**
 * Imports an agent's sessions into the workspace: finds its files, reads only what is new since the
 * last run, appends the events to each session's journal and folds the journal into the session's
 * report with the host's collectors. Returns what it did.
 */
export async function runImport(host: Host, options: ImportRunOptions): Promise<ImportSummary> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const { importer } = options;
  if (!isPluginEnabled(host.config, importer.id, 'importers')) {
    throw new ConfigError(`Importer ${importer.id} is switched off in config (\`importers.${importer.id}.enabled\`): switch it on to import.`);
  }
  const opts = importerOptions(importer, host);
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const warn = host.warnings.warn;
  // The lock guards the journals and reports too, which are written outside any transaction.
  const release = acquireImportLock(host.paths.importsDir, importer.id);
  let stateStore: ImportStateStore | undefined;
  try {
    stateStore = ImportStateStore.open(host.paths.databaseFile, importer.id, warn);
    await moveJsonState(stateStore, host.paths.importsDir, warn);
    const state = stateStore.load();
    const scope = projectScope(host.paths.root, options.allProjects ?? false);
    const scopeKey = scope.workspace ?? '*';
    const env = options.env ?? process.env;
    const sources = (options.sources?.length ? options.sources : importer.defaultSources({ env, home: options.home ?? homedir() })).map((s) => path.resolve(s));
    const journalFile = (id: string): string => host.paths.journalFile(id);
    const plan = await planImport(importer, sources, scope, state, scopeKey, journalFile, warn, options.since);

    const skips = new SkipTally();
    for (const s of plan.skips) skips.add(s.reason);
    const summary: ImportSummary = {
      importer: importer.id,
      title: importer.title,
      workspace: scope.workspace,
      since: options.since ? options.since.toISOString() : null,
      sources: plan.sources,
      files: { found: plan.found, read: 0, unchanged: 0, skipped: 0 },
      sessions: { imported: [], updated: [], unchanged: 0 },
      skipped: [],
      lines: { invalid: 0, overlong: 0, torn: 0, invalidEvents: 0 },
      bytesRead: 0,
      durationMs: 0,
    };

    let work: PlannedGroup[] = [];
    for (const g of plan.groups) {
      if (g.mode === 'unchanged') {
        summary.sessions.unchanged += 1;
        summary.files.unchanged += g.files.length;
      } else {
        work.push(g);
        if (g.mode === 'resume') summary.files.unchanged += g.files.filter((f) => f.change === 'unchanged').length;
      }
    }
    work = await orderGroups(importer, work, maxLineBytes);

    const progress: ImportProgress = { bytesDone: 0, bytesTotal: work.reduce((n, g) => n + bytesToRead(g), 0), sessionsDone: 0, sessionsTotal: work.length };
    const owners = new Map(Object.entries(state.sessions).map(([group, s]) => [s.id, group]));
    const claims = new ClaimRegistry(stateStore.savedClaims());
    // Sessions written or removed since the last commit, told to the stats store once per batch.
    const touched = new Set<string>();
    const batchSessions = Math.max(1, options.batchSessions ?? IMPORT_BATCH_SESSIONS);
    const commit = async (): Promise<void> => {
      syncFolder(host.paths.sessionsDir);
      await host.catalog.notifyChanged([...touched]);
      touched.clear();
    };
    const store = stateStore;
    // Saved once the group's journal and report are written: a run stopped before leaves the state
    // of the last run, against which the journal has another size, so the group is imported again
    // from the start (never on top). Only the group's own files and session change in a group run.
    const saveGroup = (group: PlannedGroup): void => store.saveGroup(group.group, [...group.files.map((f) => f.found.path), ...group.vanished], state, claims);
    const ctx: GroupContext = {
      importer,
      scope,
      paths: host.paths,
      claims,
      owners,
      state,
      scopeKey,
      options: opts,
      maxLineBytes,
      ...(options.since ? { since: options.since } : {}),
      counts: summary.lines,
      warn,
      onRemoved: (id) => touched.add(id),
      onInvalidEvent: (message) => {
        summary.lines.invalidEvents += 1;
        warn(`Importer ${importer.id} produced an event that does not match the protocol (${message}); it was dropped.`);
      },
      onBytes: (bytes) => {
        progress.bytesDone += bytes;
        options.onProgress?.(progress);
      },
    };
    options.onProgress?.(progress);

    let lastSave = now();
    let inBatch = 0;
    for (const group of work) {
      const outcome = await runGroup(ctx, group);
      summary.files.read += outcome.filesRead;
      if (outcome.kind === 'skipped') skips.add(outcome.reason, outcome.files);
      if (outcome.kind === 'untouched') summary.sessions.unchanged += 1;
      if (outcome.kind === 'written') {
        // A journal written wholly in this run is folded from memory: the same events, validated once.
        const report = outcome.events
          ? await host.folder.foldEvents(outcome.sessionId, outcome.events, `import:${importer.id}`)
          : await host.folder.foldJournal(outcome.sessionId);
        report.source = `import:${importer.id}`;
        // Not fsynced one by one: its journal can fold it again, and the batch's commit syncs the folder.
        await host.store.save(report, { durable: false });
        touched.add(outcome.sessionId);
        (outcome.created ? summary.sessions.imported : summary.sessions.updated).push(outcome.sessionId);
      }
      saveGroup(group);
      progress.sessionsDone += 1;
      options.onProgress?.(progress);
      if (++inBatch >= batchSessions || now() - lastSave > SAVE_EVERY_MS) {
        await commit();
        inBatch = 0;
        lastSave = now();
      }
    }
    await commit();
    stateStore.indexClaims();
    summary.skipped = skips.list();
    summary.files.skipped = skips.total;
    summary.bytesRead = progress.bytesDone;
    summary.durationMs = Math.round(now() - started);
    return summary;
  } finally {
    stateStore?.close();
    release();
  }
}

/**
 * Moves the JSON state file of an earlier rad into the store, once: the store's state of the
 * importer is replaced by it (an older rad that ran since wrote it last), then the file is removed.
 */
async function moveJsonState(store: ImportStateStore, importsDir: string, warn: (message: string) => void): Promise<void> {
  const file = importStateFile(importsDir, store.importer);
  if (!existsSync(file)) return;
  store.replace(await loadImportState(file, store.importer, warn));
  rmSync(file, { force: true });
}
