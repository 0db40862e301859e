import { copyFile, mkdtemp, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGit, WorkspacePaths, type Git } from '@radium-stats/core';
import { GitUnavailableError } from './git-failure.js';
import type { TreeSnapshot } from './section.js';

const OBJECT_ID = /^[0-9a-f]{40,64}$/;

/** The workspace's `.radium/_internals`, relative to the workspace: the session's own journal is never a change. */
function internalsPath(workspace: string): string {
  const internals = path.dirname(new WorkspacePaths(workspace).sessionsDir);
  return path.relative(workspace, internals).split(path.sep).join('/');
}

/** Commit HEAD points at, or null in a repository with no commits. */
async function resolveHead(git: Git): Promise<string | null> {
  // Exits 1 silently on an unborn branch; simple-git resolves that as empty output.
  const out = (await git.raw(['rev-parse', '-q', '--verify', 'HEAD^{commit}'])).trim();
  return OBJECT_ID.test(out) ? out : null;
}

/** True when the repository's ignore rules cover `internals` or a folder above it (`.radium`, `*`, ...). */
async function isIgnored(git: Git, internals: string): Promise<boolean> {
  // Prints the path when ignored and nothing (exit 1) when not; -q would leave both silent to simple-git.
  // --no-index: session files already tracked must not hide that the folder itself is ignored.
  return (await git.raw(['check-ignore', '--no-index', '--', internals])).trim() !== '';
}

/** Copies the user's index as a starting point (its stat data spares rehashing unchanged files). */
async function seedIndex(git: Git, workspace: string, target: string): Promise<void> {
  const real = path.resolve(workspace, (await git.raw(['rev-parse', '--git-path', 'index'])).trim());
  try {
    await copyFile(real, target);
    // Git trusts an entry's stat data only when the file is older than the index file ("racy git"):
    // a copy stamped now would hide a same-size edit made in the second of the last git command.
    // Date keeps milliseconds, so the copy is never newer than the original.
    const { atime, mtime } = await stat(real);
    await utimes(target, atime, mtime);
  } catch (error) {
    // No index yet (a fresh repository): an absent GIT_INDEX_FILE reads as an empty index.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Writes the working tree of the repository holding `workspace` as a tree object: tracked files as
 * they are on disk, untracked files that are not ignored, deletions applied. Runs `git add -A` and
 * `git write-tree` against a temporary copy of the index, so the user's index, stash and refs are
 * never touched; the objects written are unreferenced and `git gc` prunes them in time.
 */
export async function snapshotWorkTree(git: Git, workspace: string): Promise<TreeSnapshot> {
  const inside = (await git.raw(['rev-parse', '--is-inside-work-tree'])).trim();
  if (inside !== 'true') throw new GitUnavailableError('not inside a git working tree');
  const head = await resolveHead(git);
  const dir = await mkdtemp(path.join(tmpdir(), 'rad-git-snapshot-'));
  try {
    const index = path.join(dir, 'index');
    await seedIndex(git, workspace, index);
    const temp = createGit(workspace, { GIT_INDEX_FILE: index });
    const internals = internalsPath(workspace);
    // core.splitIndex=false: a split index would write its shared part into the repository.
    // git add fails when a pathspec, even an exclude, names an ignored path; an ignored folder adds nothing anyway.
    const exclude = (await isIgnored(git, internals)) ? [] : ['--', `:(exclude,literal)${internals}`];
    await temp.raw(['-c', 'core.splitIndex=false', 'add', '-A', ...exclude]);
    // Also drop session files that reached the user's index (an `add -A` by the agent, say); `-f` because
    // their staged copy may match neither HEAD nor the file, and only this temp index is touched.
    await temp.raw(['-c', 'core.splitIndex=false', 'rm', '-r', '-q', '-f', '--cached', '--ignore-unmatch', '--', `:(literal)${internals}`]);
    const tree = (await temp.raw(['-c', 'core.splitIndex=false', 'write-tree'])).trim();
    if (!OBJECT_ID.test(tree)) throw new GitUnavailableError('git write-tree returned no tree');
    return { tree, head };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
