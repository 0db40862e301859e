import { createHost, Warnings } from '@radium-stats/core';
import { firstPartyPlugins } from './plugins.mjs';
const [ws, op] = process.argv.slice(2);
const host = createHost({ workspace: ws, plugins: firstPartyPlugins, env: {}, warnings: new Warnings() });
const t = performance.now();
if (op === 'page') await host.catalog.page(0, 10);
if (op === 'merged') await host.catalog.merged();
if (op === 'latest') await host.catalog.latestId();
console.log(op, (performance.now() - t).toFixed(1), 'ms');
