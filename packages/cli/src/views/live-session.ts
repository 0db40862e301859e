import type { Host } from '@radium-stats/core';
import { NoLiveSessionError } from '../errors.js';

/** Id of the most recent live session (started and not ended, still being written). */
export async function latestLiveSessionId(host: Host): Promise<string> {
  const id = await host.catalog.latestLiveId();
  if (id === undefined) throw new NoLiveSessionError();
  return id;
}
