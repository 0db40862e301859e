import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../store/atomic-write.js';

/** Version of the import state file this code writes and reads (2: de-duplication keys kept exactly, not hashed). */
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
  claims: z.array(z.string()).optional().describe('De-duplication keys the session holds, exactly as the importer gave them'),
});

/** `.radium/_internals/imports/<importer>.json`. */
export const importStateSchema = z.object({
  version: z.literal(IMPORT_STATE_VERSION),
  importer: z.string(),
  files: z.record(z.string(), importedFileSchema),
  sessions: z.record(z.string(), importedSessionSchema).describe('By session group'),
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
/** An importer's state file. */
export type ImportState = z.infer<typeof importStateSchema>;

/** An empty state. */
export function emptyImportState(importer: string): ImportState {
  return { version: IMPORT_STATE_VERSION, importer, files: {}, sessions: {} };
}

/** The state file of an importer. */
export function importStateFile(importsDir: string, importer: string): string {
  return path.join(importsDir, `${importer}.json`);
}

/** Loads the state; a missing file is an empty state, an unreadable one is warned about and replaced. */
export async function loadImportState(file: string, importer: string, warn: (message: string) => void): Promise<ImportState> {
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
    if (state.importer === importer) return state;
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
function fromLegacy(file: string, legacy: z.infer<typeof legacyStateSchema>, warn: (message: string) => void): ImportState {
  if (Object.values(legacy.sessions).every((s) => s.claims === undefined)) return { ...legacy, version: IMPORT_STATE_VERSION, sessions: legacy.sessions as ImportState['sessions'] };
  warn(`${file} was written by an older version of rad; every ${legacy.importer} session is imported again from the start, this once.`);
  return emptyImportState(legacy.importer);
}

/** Writes the state atomically. */
export async function saveImportState(file: string, state: ImportState): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(state));
}
