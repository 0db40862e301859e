import { ensureWorkspace } from '/work/main/bench/lib/workspaces.mjs';
const t = Date.now();
const r = await ensureWorkspace(+process.argv[2], (d, n) => process.stderr.write(`\r${d}/${n}`));
console.log('\n', r, (Date.now()-t)/1000);
