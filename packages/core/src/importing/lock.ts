import path from 'node:path';
import { RadiumError } from '../errors.js';
import { LockFile } from '../store/lock-file.js';

/** Another import of the same agent is running in this workspace. */
export class ImportRunningError extends RadiumError {
  override name = 'ImportRunningError';
  constructor(importer: string, pid: number | undefined) {
    super(`Another \`rad stats import ${importer}\` is running in this workspace${pid ? ` (pid ${pid})` : ''}: wait for it to finish.`);
  }
}

/** Takes the import lock of one importer (a stale lock of a dead process is taken over); returns its release. */
export function acquireImportLock(importsDir: string, importer: string): () => void {
  const file = path.join(importsDir, `${importer}.lock`);
  const lock = LockFile.tryAcquire(file);
  if (lock instanceof LockFile) return () => lock.release();
  if (lock.status === 'held') throw new ImportRunningError(importer, lock.holder.pid);
  throw new RadiumError(`Could not take the import lock ${file}: check that the workspace is writable.`);
}
