import { availableParallelism } from 'node:os';
import { ConfigError } from '../errors.js';

/** Environment variable that sets how many threads a full index build uses (0 or 1: this thread only). */
export const INDEX_THREADS_ENV = 'RADIUM_STATS_INDEX_THREADS';

/** Beyond this many threads a build waits on the file system, not on the checks. */
const MAX_DEFAULT_THREADS = 4;

/** Threads for a full index build: `RADIUM_STATS_INDEX_THREADS`, else one per core up to four. */
export function indexThreadCount(env: NodeJS.ProcessEnv, cores = availableParallelism()): number {
  const value = env[INDEX_THREADS_ENV]?.trim();
  if (value === undefined || value === '') return Math.min(cores, MAX_DEFAULT_THREADS);
  if (!/^\d{1,2}$/.test(value)) throw new ConfigError(`${INDEX_THREADS_ENV} must be a whole number of threads (0 to 99), not ${JSON.stringify(value)}; unset it to use one per core.`);
  return Number(value);
}
