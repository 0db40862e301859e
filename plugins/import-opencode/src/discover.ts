import path from 'node:path';
import { SKIP_OUTSIDE_WORKSPACE, type FoundFile, type ProjectScope } from '@radium-stats/core';
import { names, PART_OF, readObject, recordIds, storageRoot, SUBAGENT_PARTS, type FileKind } from './layout.js';

/** Skip reason of a session whose working directory is not known (its file unreadable, in a project without a worktree). */
export const SKIP_NO_DIRECTORY = 'session without a known working directory';

/** One session file as discovery saw it. */
interface SessionFile {
  id: string;
  file: string;
  parentId?: string;
  directory?: string;
  created?: number;
  /** Worktree of its project (`/` for OpenCode's global project, which is no directory of its own). */
  worktree?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Worktree of each project (`project/<projectID>.json`). */
function projectWorktrees(storage: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of recordIds(path.join(storage, 'project'))) {
    const worktree = str(readObject(path.join(storage, 'project', `${id}.json`))?.worktree);
    if (worktree) out.set(id, worktree);
  }
  return out;
}

/** Every session file (`session/<projectID>/<sessionID>.json`); its id and project come from the path, as OpenCode reads them. */
function sessionFiles(storage: string): Map<string, SessionFile> {
  const worktrees = projectWorktrees(storage);
  const out = new Map<string, SessionFile>();
  for (const project of names(path.join(storage, 'session'), false)) {
    for (const id of recordIds(path.join(storage, 'session', project))) {
      const file = path.join(storage, 'session', project, `${id}.json`);
      const info = readObject(file);
      const time = info?.time as { created?: unknown } | undefined;
      const worktree = worktrees.get(project);
      out.set(id, {
        id,
        file,
        ...(str(info?.parentID) ? { parentId: info!.parentID as string } : {}),
        ...(str(info?.directory) ? { directory: info!.directory as string } : {}),
        ...(typeof time?.created === 'number' ? { created: time.created } : {}),
        ...(worktree ? { worktree } : {}),
      });
    }
  }
  return out;
}

/** The session a subagent session belongs to: its topmost known parent. */
function rootOf(session: SessionFile, all: Map<string, SessionFile>): SessionFile {
  let current = session;
  const seen = new Set([current.id]);
  while (current.parentId && all.has(current.parentId) && !seen.has(current.parentId)) {
    current = all.get(current.parentId)!;
    seen.add(current.id);
  }
  return current;
}

/** Directory a session ran in: its own `directory`, else its project's worktree. */
function workspaceOf(session: SessionFile): string | undefined {
  if (session.directory && path.isAbsolute(session.directory)) return session.directory;
  return session.worktree && session.worktree !== '/' && path.isAbsolute(session.worktree) ? session.worktree : undefined;
}

/** The session, message and part files of one session (main or subagent), with the hints the parser needs. */
function filesOf(storage: string, session: SessionFile, offset: number, common: Record<string, string>): FoundFile[] {
  const found = (file: string, kind: FileKind, owner: string, extra: Record<string, string> = {}): FoundFile => ({
    path: file,
    group: common.root!,
    part: PART_OF[kind] + offset,
    format: 'json',
    hints: { ...common, kind, owner, ...extra },
  });
  const out = [found(session.file, 'session', session.id)];
  const messageDir = path.join(storage, 'message', session.id);
  for (const messageId of recordIds(messageDir)) {
    const parts = recordIds(path.join(storage, 'part', messageId));
    out.push(found(path.join(messageDir, `${messageId}.json`), 'message', session.id, parts.length === 0 ? { parts: '0' } : {}));
    for (const partId of parts) out.push(found(path.join(storage, 'part', messageId, `${partId}.json`), 'part', messageId));
  }
  return out;
}

/**
 * Lists OpenCode's files under a storage folder (or the data folder holding it), one group per
 * session with its subagent sessions. Session files are read to learn each session's directory and
 * parent; a session outside the workspace is listed as one skipped file (its messages are not
 * listed) unless every project is wanted.
 */
export function discoverOpenCodeFiles(source: string, scope: ProjectScope): FoundFile[] {
  const storage = storageRoot(source);
  if (!storage) return [];
  const sessions = sessionFiles(storage);
  const members = new Map<string, SessionFile[]>();
  for (const session of sessions.values()) {
    const root = rootOf(session, sessions);
    const list = members.get(root.id) ?? [];
    if (root !== session) list.push(session);
    members.set(root.id, list);
  }
  const out: FoundFile[] = [];
  for (const [rootId, subagents] of members) {
    const root = sessions.get(rootId)!;
    const workspace = workspaceOf(root);
    const skip = !workspace ? SKIP_NO_DIRECTORY : scope.workspace !== null && !scope.includes(workspace) ? SKIP_OUTSIDE_WORKSPACE : undefined;
    if (skip) {
      out.push({ path: root.file, group: rootId, part: 0, format: 'json', skip });
      continue;
    }
    const common: Record<string, string> = { root: rootId, workspace: workspace!, ...(root.created !== undefined ? { created: String(root.created) } : {}) };
    out.push(...filesOf(storage, root, 0, common));
    for (const subagent of subagents) out.push(...filesOf(storage, subagent, SUBAGENT_PARTS, common));
  }
  return out;
}
