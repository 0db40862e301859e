import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { RadiumError } from '../errors.js';

/** Another import of the same agent is running in this workspace. */
export class ImportRunningError extends RadiumError {
  override name = 'ImportRunningError';
  constructor(importer: string, pid: number) {
    super(`Another \`rad stats import ${importer}\` is running in this workspace (pid ${pid}): wait for it to finish.`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the import lock of one importer (a stale lock of a dead process is taken over); returns its release. */
export function acquireImportLock(importsDir: string, importer: string): () => void {
  mkdirSync(importsDir, { recursive: true });
  const file = path.join(importsDir, `${importer}.lock`);
  const mine = JSON.stringify({ pid: process.pid, host: hostname() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: unknown; host?: unknown } = {};
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as typeof holder;
      } catch {
        // An unreadable lock is stale.
      }
      if (typeof holder.pid === 'number' && holder.host === hostname() && holder.pid !== process.pid && alive(holder.pid)) {
        throw new ImportRunningError(importer, holder.pid);
      }
      rmSync(file, { force: true });
    }
  }
  throw new RadiumError(`Could not take the import lock ${file}: remove it if no import is running.`);
}
