import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@radium-stats/core/testing';
import { CLI_ROOT, freshCliHome, radOk } from '../helpers/rad.js';

const env = freshCliHome();

/** A recorder in its own process: records tool calls as fast as it can and prints how many it has recorded after each. */
const RECORDER = `
const { openWorkspaceHost } = await import(${JSON.stringify(pathToFileURL(path.join(CLI_ROOT, 'dist', 'index.js')).href)});
const host = await openWorkspaceHost({ workspace: process.argv[1] });
const session = await host.recorders.start({ agent: 'crash-test' });
process.stdout.write('id ' + session.sessionId + '\\n');
for (let n = 1; ; n++) {
  session.record({ type: 'tool.call', name: 'Bash', durationMs: 1, success: n % 7 !== 0 });
  process.stdout.write('recorded ' + n + '\\n');
  if (n % 50 === 0) await new Promise((r) => setImmediate(r));
}
`;

describe('a recorder killed with SIGKILL', () => {
  it('loses no event it recorded, and its session shows as abandoned, not live', async () => {
    const ws = path.join(tempDir(), 'ws');
    radOk(['init', ws], { cwd: tempDir(), env });
    const child = spawn(process.execPath, ['--input-type=module', '-e', RECORDER, ws], { stdio: ['ignore', 'pipe', 'inherit'] });
    let id = '';
    let recorded = 0;
    let buffer = '';
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', () => resolve());
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          if (line.startsWith('id ')) id = line.slice(3);
          else if (line.startsWith('recorded ')) recorded = Number(line.slice(9));
        }
        if (recorded >= 500 && !child.killed) child.kill('SIGKILL');
      });
    });
    expect(child.signalCode).toBe('SIGKILL');
    expect(id).not.toBe('');
    const report = JSON.parse(radOk(['stats', 'session', '--session-id', id, '--json'], { cwd: ws, env }).stdout) as {
      status: string;
      sections: { tools: { calls: number } };
    };
    expect(report.status).toBe('abandoned');
    // Every call the recorder said it had recorded is in the report (it may have recorded a few more before the kill landed).
    expect(report.sections.tools.calls).toBeGreaterThanOrEqual(recorded);
  });
});
