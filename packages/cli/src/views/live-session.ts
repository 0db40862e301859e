import type { Host } from '@radium-stats/core';
import { NoLiveSessionError } from '../errors.js';

/** Sessions looked at per catalog page while searching for a live one. */
const PAGE = 50;

/** Id of the most recent live session (started and not ended, still being written). */
export async function latestLiveSessionId(host: Host): Promise<string> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await host.catalog.page(offset, PAGE);
    const live = page.items.find((s) => s.status === 'live');
    if (live) return live.sessionId;
    if (offset + PAGE >= page.total) throw new NoLiveSessionError();
  }
}
