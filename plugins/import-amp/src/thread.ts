import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toIsoTime } from '@radium-stats/core';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Workspace of a thread whose first tree is not a local folder (only imported with `--all-projects`). */
export const NO_FOLDER = 'amp:no-folder';

/** Latest time a JavaScript date can hold, in ms either side of 1970. */
const MAX_DATE_MS = 8.64e15;

/** A time Amp wrote as epoch milliseconds (`created`, `meta.sentAt`) or as ISO text (`usage.timestamp`), as ISO. */
export function timeOf(value: unknown): string | undefined {
  if (typeof value === 'number' && !(Math.abs(value) <= MAX_DATE_MS)) return undefined;
  return toIsoTime(value);
}

/** The local folder of a `file://` URI (percent-decoded), or undefined for anything else. */
export function folderOf(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    const dir = fileURLToPath(uri);
    return path.isAbsolute(dir) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** The thread's first workspace tree (`env.initial.trees[0]`), the folder Amp was started in. */
function firstTree(thread: Json): Json | undefined {
  const initial = isObject(thread.env) && isObject(thread.env.initial) ? thread.env.initial : undefined;
  const trees = initial && Array.isArray(initial.trees) ? initial.trees : [];
  return isObject(trees[0]) ? trees[0] : undefined;
}

/** Folder the thread worked in: its first tree's `file://` URI. */
export function threadFolder(thread: Json): string {
  return folderOf(firstTree(thread)?.uri) ?? NO_FOLDER;
}

/** Facts kept in `session.start`: Amp's client and version, the git branch, the agent mode. */
export function threadMeta(thread: Json): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  const initial = isObject(thread.env) && isObject(thread.env.initial) ? thread.env.initial : {};
  const platform = isObject(initial.platform) ? initial.platform : {};
  if (str(platform.clientVersion)) meta.version = platform.clientVersion;
  if (str(platform.client)) meta.client = platform.client;
  const tree = firstTree(thread);
  const ref = tree && isObject(tree.repository) ? str(tree.repository.ref) : undefined;
  if (ref) meta.gitBranch = ref.replace(/^refs\/heads\//, '');
  if (str(thread.agentMode)) meta.agentMode = thread.agentMode;
  return meta;
}

/** The thread's start: `created`, else its first message time. */
export function threadStart(thread: Json, messages: Json[]): string | undefined {
  const created = timeOf(thread.created);
  if (created) return created;
  for (const m of messages) {
    const ts = timeOf(isObject(m.meta) ? m.meta.sentAt : undefined) ?? timeOf(isObject(m.usage) ? m.usage.timestamp : undefined);
    if (ts) return ts;
  }
  return undefined;
}
