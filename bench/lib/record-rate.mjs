// Events per second through the library API (what a TypeScript runtime calls for every event).
// Usage: node record-rate.mjs <workspace> <events>
import { Warnings, createHost } from '@radium-stats/core';
import { firstPartyPlugins } from './plugins.mjs';

const [workspace, count] = [process.argv[2], Number(process.argv[3])];
const host = createHost({ workspace, plugins: firstPartyPlugins, env: {}, warnings: new Warnings() });
const recorder = await host.recorders.start({ agent: 'bench-agent', trackProcess: false });
const started = process.hrtime.bigint();
for (let i = 0; i < count; i++) {
  if (i % 2 === 0) recorder.record({ type: 'tool.call', name: 'Read', success: true, durationMs: 12 });
  else recorder.record({ type: 'api.response', model: 'claude-sonnet-4-5-20250929', engine: 'claude', durationMs: 900, tokens: { input: 1200, output: 80, cacheRead: 5000 } });
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
await recorder.end();
process.stdout.write(`${JSON.stringify({ events: count, seconds, perSecond: count / seconds, sessionId: recorder.sessionId })}\n`);
