import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Version of the JSON import state file earlier rads wrote (2: de-duplication keys kept exactly,
 * not hashed). The state now lives in the stats store (`state-tables.ts`); such a file is read
 * once, moved into the store and removed.
 */
export const IMPORT_STATE_VERSION = 2;

/** What the last run knew about one source file. */
export const importedFileSchema = z.object({
  group: z.string().describe('Session group the file belongs to'),
  size: z.number().nonnegative().describe('Size when last read'),
  mtimeMs: z.number().describe('Modification time when last read'),
  ino: z.number().describe('Inode when last read: another inode means the file was replaced'),
  offset: z.number().int().nonnegative().describe('Bytes consumed, up to the end of the last complete line'),
  head: z.string().describe('sha1 of the first bytes consumed (up to 1 KB)'),
  tail: z.string().describe('sha1 of the last bytes consumed (up to 1 KB): a change there means the file was rewritten'),
  skipped: z.string().optional().describe('Why the file was skipped; kept while it is unchanged'),
  scope: z.string().optional().describe('Workspace (or `*`) the skip was decided for'),
  rebuild: z
    .literal(true)
    .optional()
    .describe('Skipped after its session was imported (a document caught half-written): once it changes, its session is imported again from the start'),
  lastTs: z
    .string()
    .optional()
    .describe("Last record of a session skipped for `--since` (ISO): skipped again unread while unchanged and `--since` is after it, read when it is not"),
  parser: z.unknown().optional().describe("The importer's state to resume from"),
});

/** What the last run wrote for one session. */
export const importedSessionSchema = z.object({
  id: z.string().describe('Session id'),
  bodySize: z.number().int().nonnegative().describe('Journal bytes before its `session.end` line'),
  journalSize: z.number().int().nonnegative().describe('Journal bytes in all; another size means the journal changed'),
  firstTs: z.string(),
  lastTs: z.string(),
});

/** A session in the JSON file: with the de-duplication keys it holds, exactly as the importer gave them. */
const jsonSessionSchema = importedSessionSchema.extend({ claims: z.array(z.string()).optional() });

/** `.radium/_internals/imports/<importer>.json`, as earlier rads wrote it. */
export const importStateSchema = z.object({
  version: z.literal(IMPORT_STATE_VERSION),
  importer: z.string(),
  files: z.record(z.string(), importedFileSchema),
  sessions: z.record(z.string(), jsonSessionSchema).describe('By session group'),
});

/** Version 1 kept each session's keys as packed 53-bit hashes, which cannot be turned back into keys. */
const legacyStateSchema = importStateSchema.extend({
  version: z.literal(1),
  sessions: z.record(z.string(), importedSessionSchema.extend({ claims: z.string().optional() })),
});

/** What the last run knew about one source file. */
export type ImportedFile = z.infer<typeof importedFileSchema>;
/** What the last run wrote for one session. */
export type ImportedSession = z.infer<typeof importedSessionSchema>;

/** An importer's files and sessions as the last runs left them (the keys sessions hold are looked up apart: `claims.ts`). */
export interface ImportState {
  importer: string;
  /** By real path. */
  files: Record<string, ImportedFile>;
  /** By session group. */
  sessions: Record<string, ImportedSession>;
}

/** An importer's JSON state file of an earlier rad: its state and the keys each session holds. */
export interface JsonImportState extends ImportState {
  /** Keys by session group. */
  claims: Record<string, readonly string[]>;
}

/** An empty state. */
export function emptyImportState(importer: string): JsonImportState {
  return { importer, files: {}, sessions: {}, claims: {} };
}

/** The JSON state file earlier rads kept for an importer. */
export function importStateFile(importsDir: string, importer: string): string {
  return path.join(importsDir, `${importer}.json`);
}

function split(importer: string, files: ImportState['files'], sessions: Record<string, ImportedSession & { claims?: readonly string[] | undefined }>): JsonImportState {
  const state = emptyImportState(importer);
  state.files = files;
  for (const [group, { claims, ...session }] of Object.entries(sessions)) {
    state.sessions[group] = session;
    if (claims && claims.length > 0) state.claims[group] = claims;
  }
  return state;
}

/** Loads a JSON state file; a missing file is an empty state, an unreadable one is warned about and replaced by an empty one. */
export async function loadImportState(file: string, importer: string, warn: (message: string) => void): Promise<JsonImportState> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyImportState(importer);
    throw error;
  }
  try {
    const raw: unknown = JSON.parse(text);
    const legacy = legacyStateSchema.safeParse(raw);
    if (legacy.success && legacy.data.importer === importer) return fromLegacy(file, legacy.data, warn);
    const state = importStateSchema.parse(raw);
    if (state.importer === importer) return split(importer, state.files, state.sessions);
  } catch {
    // Falls through to the warning below.
  }
  warn(`${file} is unreadable; every ${importer} session is imported again from the start.`);
  return emptyImportState(importer);
}

/**
 * A version 1 state: kept as it is when no session holds a key; otherwise dropped, so every session
 * is imported again from the start (oldest first) and its keys are claimed again, exactly. Keeping
 * the files without the keys would let a response copied into a later session count twice.
 */
function fromLegacy(file: string, legacy: z.infer<typeof legacyStateSchema>, warn: (message: string) => void): JsonImportState {
  if (Object.values(legacy.sessions).every((s) => s.claims === undefined)) return split(legacy.importer, legacy.files, legacy.sessions as Record<string, ImportedSession>);
  warn(`${file} was written by an older version of rad; every ${legacy.importer} session is imported again from the start, this once.`);
  return emptyImportState(legacy.importer);
}
