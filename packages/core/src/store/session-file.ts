import type * as Fs from 'node:fs';

/**
 * Largest report file rad reads, in bytes (64 MiB). A report holds one session's sections and is a
 * few KB; a bigger one is damaged or hostile, and reading it whole would exhaust memory, so it is
 * skipped with a warning instead (see README, "Reports").
 */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/** What a file of the sessions folder turned out to be, before anything opened it. */
export type SessionFileCheck =
  | { kind: 'file'; size: number; mtimeMs: number }
  | { kind: 'gone' }
  /** Not a regular file: `what` says what it is ("a directory", "a symbolic link to a FIFO", …). */
  | { kind: 'odd'; what: string }
  | { kind: 'large'; size: number };

/** An opened session file (the caller closes `fd`), or why it was not opened. */
export type SessionFileOpen = Exclude<SessionFileCheck, { kind: 'file' }> | { kind: 'file'; fd: number; size: number; mtimeMs: number };

/**
 * Says what `file` is from stat and lstat alone, never opening it: only a regular file of at most
 * `maxBytes` may be read. Opening a FIFO or a device can block forever or never end (a link to
 * /dev/zero), and a dangling link or a directory named like a session file is not a session.
 */
export function checkSessionFile(fs: typeof Fs, file: string, maxBytes: number): SessionFileCheck {
  const describe = (stat: Fs.Stats): string =>
    stat.isDirectory() ? 'a directory' : stat.isFIFO() ? 'a FIFO' : stat.isSocket() ? 'a socket' : stat.isCharacterDevice() ? 'a character device' : stat.isBlockDevice() ? 'a block device' : 'not a regular file';
  const linked = (what: string): string => {
    try {
      return fs.lstatSync(file).isSymbolicLink() ? `a symbolic link to ${what}` : what;
    } catch {
      return what;
    }
  };
  let stat: Fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { kind: 'odd', what: 'a symbolic link loop' };
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    // A link whose target is missing still has a name here: it is odd, not gone.
    const link = fs.lstatSync(file, { throwIfNoEntry: false });
    return link?.isSymbolicLink() ? { kind: 'odd', what: 'a symbolic link to nothing' } : { kind: 'gone' };
  }
  if (!stat.isFile()) return { kind: 'odd', what: linked(describe(stat)) };
  if (stat.size > maxBytes) return { kind: 'large', size: stat.size };
  return { kind: 'file', size: stat.size, mtimeMs: stat.mtimeMs };
}

/**
 * Opens `file` for reading when checkSessionFile finds a regular file of at most `maxBytes`. The
 * open is non-blocking and what was opened is checked again, so a file swapped for a FIFO between
 * the check and the open is still never read. `listedAsFile`: a folder listing just gave it as a
 * regular file, which stands for the check (a swap since is caught like one after the check).
 */
export function openSessionFile(fs: typeof Fs, file: string, maxBytes: number, listedAsFile = false): SessionFileOpen {
  if (!listedAsFile) {
    const checked = checkSessionFile(fs, file, maxBytes);
    if (checked.kind !== 'file') return checked;
  }
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'gone' };
    throw error;
  }
  const opened = fs.fstatSync(fd);
  if (opened.isFile() && opened.size <= maxBytes) return { kind: 'file', fd, size: opened.size, mtimeMs: opened.mtimeMs };
  fs.closeSync(fd);
  return opened.isFile() ? { kind: 'large', size: opened.size } : { kind: 'odd', what: 'not a regular file' };
}
