import { writeClaudeLogs } from './claude-logs.mjs';
import { rmSync } from 'node:fs';
rmSync('/tmp/claude-bench', { recursive: true, force: true });
const t = Date.now(); const n = writeClaudeLogs('/tmp/claude-bench', 200); console.log(n, Date.now() - t);
