// A build thread of the summary index (see build-threads.ts): reads, checks and summarizes the
// reports it is sent into its own buckets, and hands the parts back when told to close.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadMetricPlugins } from '../host/plugin-source.js';
import type { ActivePlugin } from '../report/fold.js';
import { JOURNAL_SUFFIX, REPORT_SUFFIX } from '../store/paths.js';
import { parseReportText, prepareFastChecks } from '../store/parse-report.js';
import type { BuildThreadInit, FromBuildThread, ToBuildThread } from './build-messages.js';
import { pluginFingerprint } from './fingerprint.js';
import { BucketSet } from './partition.js';
import { readRow, rowFromText } from './read-entry.js';
import type { Row } from './rows.js';

const init = workerData as BuildThreadInit;
const port = parentPort!;
const send = (message: FromBuildThread) => port.postMessage(message);
const warn = (message: string) => send({ type: 'warn', message });

/** The plugins the caller has active, loaded here; undefined (with the reason sent) when this thread's copies differ. */
async function loadPlugins(): Promise<ActivePlugin[] | undefined> {
  const specifier = init.source.module.startsWith('file:') ? init.source.module : pathToFileURL(init.source.module).href;
  const loaded = await ((await import(specifier)) as { loadMetricPlugins: LoadMetricPlugins }).loadMetricPlugins(init.source.data);
  const byId = new Map(loaded.map((plugin) => [plugin.id, plugin]));
  const active: ActivePlugin[] = [];
  for (const want of init.plugins) {
    const plugin = byId.get(want.id);
    if (!plugin || pluginFingerprint(plugin) !== want.fingerprint) {
      send({ type: 'failed', reason: `plugin ${want.id} loads differently in a build thread` });
      return undefined;
    }
    active.push({ plugin, options: {} });
  }
  return active;
}

async function main(): Promise<void> {
  const plugins = await loadPlugins();
  if (!plugins) return;
  const metricPlugins = plugins.map((p) => p.plugin);
  prepareFastChecks(metricPlugins);
  const dir = init.sessionsDir;
  const reportFile = (id: string) => `${dir}${path.sep}${id}${REPORT_SUFFIX}`;
  const parse = (id: string, text: string) => parseReportText(text, reportFile(id), metricPlugins, warn, true, id);
  const hasJournal = (id: string) => existsSync(`${dir}${path.sep}${id}${JOURNAL_SUFFIX}`);
  let buckets: BucketSet | undefined;
  // Chunks can come before the cuts (the caller is still reading its sample): their rows wait here.
  const early: Row[] = [];
  port.on('message', (message: ToBuildThread) => {
    if (message.type === 'cuts') {
      buckets = new BucketSet(message.cuts, init.indexDir, plugins);
      for (const row of early.splice(0)) buckets.add(row);
    } else if (message.type === 'files') {
      for (const id of message.ids) {
        const result = readRow(reportFile(id), id, Date.now() + init.clockOffsetMs, warn, (stamp, text) => rowFromText(parse, plugins, warn, id, stamp, text, hasJournal), hasJournal);
        if ('row' in result) {
          if (buckets) buckets.add(result.row);
          else early.push(result.row);
        } else if ('broken' in result) send({ type: 'broken', entry: result.broken });
        else if ('refold' in result) send({ type: 'refold', id, stamp: result.stamp, message: result.refold.message });
      }
      send({ type: 'done', count: message.ids.length });
    } else {
      send({ type: 'closed', parts: buckets?.close() ?? [] });
      port.close();
    }
  });
  send({ type: 'ready' });
}

main().catch((error: unknown) => send({ type: 'failed', reason: (error as Error)?.message ?? String(error) }));
