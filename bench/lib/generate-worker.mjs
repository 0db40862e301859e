// Generates sessions [from, to) of a workspace: each session's events are written to its journal
// as JSON lines (what any runtime does), read back through core's event-protocol parser, folded
// by the real plugins and stored as a report. Usage: node generate-worker.mjs <workspace> <from> <to> <total>
import { readFileSync, writeFileSync } from 'node:fs';
import { Warnings, createHost, parseEventLine, serializeReport } from '@radium-stats/core';
import { sessionIdFor, startMsFor } from './ids.mjs';
import { firstPartyPlugins } from './plugins.mjs';
import { sessionEvents } from './session-events.mjs';

const [workspace, from, to, total] = process.argv.slice(2).map((v, i) => (i === 0 ? v : Number(v)));
const warnings = new Warnings();
const host = createHost({ workspace, plugins: firstPartyPlugins, env: {}, warnings });
for (let i = from; i < to; i++) {
  const id = sessionIdFor(i);
  const journal = host.paths.journalFile(id);
  writeFileSync(journal, sessionEvents(i, id, startMsFor(i, total), host.paths.root).map((e) => `${JSON.stringify(e)}\n`).join(''));
  const events = readFileSync(journal, 'utf8').split('\n').filter(Boolean).map(parseEventLine);
  const report = await host.folder.foldEvents(id, events, 'journal');
  // What ReportStore.save writes, minus its fsync: 100,000 fsyncs would dominate the generation.
  writeFileSync(host.paths.reportFile(id), serializeReport(report, {}));
  if (process.send && (i - from) % 1000 === 999) process.send({ done: 1000 });
}
if (process.send) process.send({ done: (to - from) % 1000 });
