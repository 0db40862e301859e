import fs from 'node:fs';
import { createHost, Warnings, upgradeReport, checkSections, summarizeReport } from '@radium-stats/core';
import { firstPartyPlugins } from './plugins.mjs';
const ws = process.argv[2];
const host = createHost({ workspace: ws, plugins: firstPartyPlugins, env: {}, warnings: new Warnings() });
const dir = host.paths.sessionsDir;
const names = fs.readdirSync(dir).filter(n => n.endsWith('.json'));
const T = { read: 0, parse: 0, upgrade: 0, check: 0, summarize: 0, stringify: 0 };
const plugins = firstPartyPlugins;
let t0 = performance.now();
for (const name of names) {
  let a = performance.now();
  const fd = fs.openSync(dir + '/' + name, 'r'); const st = fs.fstatSync(fd); const buf = Buffer.allocUnsafe(st.size); fs.readSync(fd, buf, 0, st.size, 0); fs.closeSync(fd);
  const text = buf.toString('utf8');
  let b = performance.now(); T.read += b - a;
  const raw = JSON.parse(text); let c = performance.now(); T.parse += c - b;
  const up = upgradeReport(raw, name, plugins, () => {}); let d = performance.now(); T.upgrade += d - c;
  const ch = checkSections(up, name, plugins, () => {}); let e = performance.now(); T.check += e - d;
  const s = summarizeReport(ch, host.plugins); let f = performance.now(); T.summarize += f - e;
  JSON.stringify(s); T.stringify += performance.now() - f;
}
console.log(names.length, 'total', (performance.now() - t0).toFixed(0), Object.fromEntries(Object.entries(T).map(([k, v]) => [k, Math.round(v)])));
