import { throttledProgress, type ProgressListener } from '../database/progress.js';
import type { StatsStore } from '../database/stats-store.js';
import type { ReportStore } from './report-store.js';

/** Sessions to check before a progress bar is worth drawing: most are only read, the changed ones folded again. */
const BAR_FROM = 200;

/**
 * Brings the stored sessions to the workspace's price data, once after it changed (another table
 * version, or an override added, changed or removed): each report priced with other data than its
 * models get now is re-priced from its journal and written again, and the store reads those again.
 * When nothing changed it costs one lookup, plus a read of each session that could not be re-priced
 * before (no journal): those are tried again and warned about at every command, never dropped.
 */
export async function repriceChangedSessions(store: StatsStore, reports: ReportStore, progress?: ProgressListener): Promise<void> {
  const now = reports.prices.workspaceVersion;
  const checked = store.checkedPriceData();
  // A store that never checked (new, or rebuilt) has just read every report, re-pricing those that said
  // they needed it; one that did is checked in full after a change, reports too old to say what priced them included.
  const changed = checked !== undefined && checked !== now;
  const ids = changed ? store.repricingCandidates() : store.keptPriceSessions();
  const tick = throttledProgress(ids.length >= BAR_FROM ? progress : undefined, ids.length, 20);
  const rewritten: string[] = [];
  let done = 0;
  for (const id of ids) {
    if ((await reports.repriceIfChanged(id, changed)) === 'repriced') rewritten.push(id);
    tick(++done);
  }
  if (rewritten.length > 0) await store.refresh(rewritten);
  store.setKeptPriceSessions([...reports.keptPrices]);
  if (checked !== now) store.setCheckedPriceData(now);
}
