import fs from 'node:fs';
import { firstPartyPlugins } from './plugins.mjs';
const dir = process.argv[2] + '/.radium/_internals/sessions';
const names = fs.readdirSync(dir).filter(n => n.endsWith('.json')).slice(0, 5000);
const reports = names.map(n => JSON.parse(fs.readFileSync(dir + '/' + n, 'utf8')));
for (const p of firstPartyPlugins) {
  const t = performance.now();
  for (const r of reports) p.section.safeParse(r.sections[p.id]);
  console.log(p.id, ((performance.now() - t) / reports.length * 1000).toFixed(1), 'µs', JSON.stringify(reports[0].sections[p.id]).length, 'bytes');
}
