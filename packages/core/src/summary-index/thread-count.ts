import { availableParallelism } from 'node:os';
import { ConfigError } from '../errors.js';

/** Environment variable that sets how many threads a full index build uses, the calling one included (0 or 1: this thread only). */
export const INDEX_THREADS_ENV = 'RADIUM_STATS_INDEX_THREADS';

/** Beyond this many threads a build waits on the file system, not on the checks. */
const MAX_DEFAULT_THREADS = 4;
/**
 * Below this many reports, starting threads (each loads every plugin) costs more than they save:
 * measured on two cores, 10,000 reports took 2.0-2.6 s on one thread and 2.4-2.5 s on two.
 */
export const DEFAULT_MIN_THREADED_REPORTS = 25_000;

/** How many threads a full build uses (the calling one included), and from how many reports on. */
export interface IndexThreads {
  count: number;
  minReports: number;
}

/**
 * Threads from `RADIUM_STATS_INDEX_THREADS`: unset, one per core (at most four, the calling thread
 * included) for builds of 25,000 reports or more; set, that many for every build large enough to stream.
 */
export function indexThreads(env: NodeJS.ProcessEnv, cores = availableParallelism()): IndexThreads {
  const value = env[INDEX_THREADS_ENV]?.trim();
  if (value === undefined || value === '') return { count: Math.min(cores, MAX_DEFAULT_THREADS), minReports: DEFAULT_MIN_THREADED_REPORTS };
  if (!/^\d{1,2}$/.test(value)) throw new ConfigError(`${INDEX_THREADS_ENV} must be a whole number of threads (0 to 99), not ${JSON.stringify(value)}; unset it to use one per core.`);
  return { count: Number(value), minReports: 0 };
}
