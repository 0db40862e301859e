import type { CustomEvent, KnownEventInput } from '../events/schema.js';
import type { SchemaLike } from '../plugin/contract.js';

/** Contract version the host implements for importers; an importer declaring another is refused with a warning. */
export const IMPORTER_API_VERSION = 1;

/** What an importer may read to find the agent's files on this machine. */
export interface SourceEnv {
  /** Environment variables (`CLAUDE_CONFIG_DIR`, `CODEX_HOME`, ...). */
  env: NodeJS.ProcessEnv;
  /** The user's home directory. */
  home: string;
}

/** Which sessions this run imports. */
export interface ProjectScope {
  /** Absolute workspace root the sessions must lie in, or null with `--all-projects`. */
  workspace: string | null;
  /** Absolute root of the workspace this run imports into (set even with `--all-projects`). */
  root: string;
  /** True when a directory lies inside the workspace (always true with `--all-projects`). */
  includes(dir: string): boolean;
}

/** A log file an importer found under a source folder. */
export interface FoundFile {
  /** Absolute path. */
  path: string;
  /** Files with the same group make one session (a transcript and its subagent transcripts). */
  group: string;
  /** Order inside the group: 0 for the main transcript, higher for parts (subagents) read after it. */
  part: number;
  /** `jsonl`: one record a line, read as a stream and resumed where it stopped; `json`: one document, read whole. */
  format: 'jsonl' | 'json';
  /** Set to skip the file without reading it; says why (e.g. `outside this workspace`). */
  skip?: string;
  /** Facts learnt from the path or folder (such as a project root), handed back to the parser. */
  hints?: Record<string, string>;
}

/** What a parser knows about the session once it has read its first records. */
export interface SessionHead {
  /** The agent's own session id; the imported session id is `<importer id>-<this>`. */
  originalId: string;
  /** Absolute directory the agent worked in (its cwd); decides whether the session is in scope. */
  workspace: string;
  /** Time of the session's first record (ISO 8601). */
  ts: string;
  /** Extra facts kept in `session.start` (agent version, git branch). */
  meta?: Record<string, unknown>;
}

/** An event an importer produces; `session.start` and `session.end` are written by the host. */
export type ImportedEvent = Exclude<KnownEventInput, { type: 'session.start' } | { type: 'session.end' }> | CustomEvent;

/**
 * What naming a session did: `ok`, or why the host stops reading the session (`out-of-scope`: it
 * lies outside the workspace; `duplicate`: another file already imported a session with this id).
 * On anything but `ok` the parser returns from the record; the host ignores what it sends after.
 */
export type SessionResult = 'ok' | 'out-of-scope' | 'duplicate';

/** Where a parser sends what it finds. */
export interface ImportSink {
  /** Names the session the file belongs to; call before the first event. Says whether the host goes on reading it. */
  session(head: SessionHead): SessionResult;
  /** One event of the session in the protocol's own buckets; absent facts stay absent (no `durationMs: 0`). */
  emit(event: ImportedEvent): void;
  /** Notes the time of a record that made no event, so wall time runs to the last record. */
  touch(ts: string): void;
  /** Claims a de-duplication key (e.g. a response id) for this session; false when any session already holds it. */
  claim(key: string): boolean;
  /** True when another session already holds a de-duplication key: the record carrying it was copied from that session. May be called before `session`. */
  held(key: string): boolean;
  /** New records rewrite history that is already imported: the host stops reading and imports the whole session again; return from the record. */
  restart(reason: string): void;
}

/** Reads the records of one file, in order, for one pass. */
export interface RecordParser<State> {
  /** Handles one record: a parsed JSON line, or the whole document of a `json` file. */
  record(value: unknown): void;
  /** Called after the last complete record of this pass: emit what was held back and return the state to resume from. */
  end(): State;
}

/** Handed to `Importer.parse` for one pass over one file. */
export interface ParseStart<State> {
  /** The file, as `discover` found it. */
  file: FoundFile;
  /** State the previous pass returned, or undefined when the file is read from its first byte. */
  state: State | undefined;
  /** Where events go. */
  sink: ImportSink;
  /** Options from config for this importer. */
  options: Record<string, unknown>;
}

/**
 * An importer: a source that turns another agent's log files into session events, as a plain
 * object. The host finds the files (`discover`), reads them as streams of lines from where the last
 * run stopped, and hands each record to the parser; the events go into the session's journal and
 * through the same collectors as a live session.
 *
 * @example
 * export const acmeImporter: Importer<{ n: number }> = {
 *   id: 'acme', apiVersion: 1, title: 'Acme', description: 'Acme agent logs',
 *   defaultSources: ({ home }) => [`${home}/.acme/logs`],
 *   discover: async (dir) => (await readdir(dir)).map((f) => ({ path: `${dir}/${f}`, group: f, part: 0, format: 'jsonl' })),
 *   parse: ({ state, sink }) => {
 *     let n = state?.n ?? 0;
 *     return {
 *       record: (r: any) => {
 *         if (n++ === 0) sink.session({ originalId: r.id, workspace: r.cwd, ts: r.ts });
 *         else if (r.tool) sink.emit({ type: 'tool.call', ts: r.ts, name: r.tool, success: r.ok });
 *       },
 *       end: () => ({ n }),
 *     };
 *   },
 * };
 */
export interface Importer<State = unknown> {
  /** Stable id, the agent's name (`claude-code`); session ids start with it (`^[a-z][a-z0-9-]*$`). */
  id: string;
  /** Contract version the importer was written against; must equal IMPORTER_API_VERSION. */
  apiVersion: number;
  /** Human name (`Claude Code`). */
  title: string;
  /** One sentence on what it reads. */
  description: string;
  /** Engine the agent's models run on (`claude`, `openai`, `gemini`), for documentation and defaults. */
  engine?: string;
  /** Schema of this importer's config options (`importers.<id>.options`). */
  options?: SchemaLike<Record<string, unknown>>;
  /** Folders searched when no `--source` is given, honouring the agent's own environment overrides; they need not exist. */
  defaultSources(env: SourceEnv): string[];
  /** Lists the log files under one source folder (which exists). */
  discover(source: string, scope: ProjectScope): AsyncIterable<FoundFile> | Promise<FoundFile[]> | FoundFile[];
  /** Starts one pass over one file. */
  parse(start: ParseStart<State>): RecordParser<State>;
  /** Time of a raw record, or undefined; used to read new sessions oldest first so the original of a copied response keeps it. */
  recordTime?(record: unknown): string | undefined;
  /** Looks at the first bytes of a line; false skips the line without decoding it (huge records that hold nothing to import). */
  wantsLine?(head: string): boolean;
}

/** An importer whose state type is not known statically (as the host holds them). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyImporter = Importer<any>;
