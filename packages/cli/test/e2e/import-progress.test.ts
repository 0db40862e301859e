import { closeSync, mkdirSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, tempWorkspace } from '@radium-stats/core/testing';
import { radInPty, type PtyRun } from '../helpers/pty.js';
import { radOk } from '../helpers/rad.js';

const SESSION_ID = '0b1e55ed-4a11-4c0d-8e5e-a11f11e5ca1e';
const CWD = '/home/dev/long-run';
const MB = 1024 * 1024;
// The bar appears for imports over 8 MB; three times that keeps it up long enough to redraw.
const TRANSCRIPT_BYTES = 24 * MB;
const BAR = /Importing Claude Code logs \(MB\) \[[^\]\n]*\] (\d+)\/(\d+)/g;

/**
 * One long Claude Code session in one transcript: each turn an assistant line calling Read and a
 * user line with its 20 KB result, as Claude Code writes them.
 */
function writeTranscript(root: string): number {
  const file = transcriptPath(root);
  mkdirSync(path.dirname(file), { recursive: true });
  const base = { isSidechain: false, userType: 'external', cwd: CWD, sessionId: SESSION_ID, version: '2.0.25', gitBranch: 'main' };
  const content = Array.from({ length: 700 }, (_, i) => `${String(i + 1).padStart(6)}→  return parse(tokens[${i}]);`).join('\n').slice(0, 20 * 1024);
  const fd = openSync(file, 'w');
  try {
    let t = Date.UTC(2026, 2, 2, 9);
    const at = () => new Date(t).toISOString();
    writeSync(fd, `${JSON.stringify({ ...base, parentUuid: null, type: 'user', uuid: 'u-0', timestamp: at(), message: { role: 'user', content: 'Read every module.' } })}\n`);
    for (let turn = 1, written = 0; written < TRANSCRIPT_BYTES; turn++) {
      t += 2000;
      const assistant = {
        ...base,
        parentUuid: `u-${turn - 1}`,
        type: 'assistant',
        uuid: `a-${turn}`,
        timestamp: at(),
        requestId: `req_${turn}`,
        message: {
          id: `msg_${turn}`,
          type: 'message',
          role: 'assistant',
          model: 'claude-sonnet-4-5-20250929',
          content: [{ type: 'tool_use', id: `toolu_${turn}`, name: 'Read', input: { file_path: `${CWD}/src/m${turn}.ts` } }],
          stop_reason: 'tool_use',
          usage: { input_tokens: 10, cache_creation_input_tokens: 100, cache_read_input_tokens: 20_000, output_tokens: 50, service_tier: 'standard' },
        },
      };
      t += 500;
      const result = { ...base, parentUuid: `a-${turn}`, type: 'user', uuid: `u-${turn}`, timestamp: at(), message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: `toolu_${turn}`, content }] } };
      written += writeSync(fd, `${JSON.stringify(assistant)}\n${JSON.stringify(result)}\n`);
    }
  } finally {
    closeSync(fd);
  }
  return statSync(file).size;
}

/** Where Claude Code keeps the session's transcript under its config folder `root`. */
const transcriptPath = (root: string) => path.join(root, 'projects', CWD.replace(/[^A-Za-z0-9]/g, '-'), `${SESSION_ID}.jsonl`);

/** Every value the bar showed, in order, and its total. */
function barValues(screen: string): { values: number[]; totals: Set<number> } {
  const draws = [...screen.matchAll(BAR)];
  return { values: draws.map((m) => Number(m[1])), totals: new Set(draws.map((m) => Number(m[2]))) };
}

describe('rad stats import progress on a large transcript', () => {
  let logs: string;
  let run: PtyRun | undefined;

  beforeAll(() => {
    logs = tempDir('rad-import-progress-');
    expect(writeTranscript(logs)).toBeGreaterThanOrEqual(TRANSCRIPT_BYTES);
  });
  afterEach(() => run?.kill());
  afterAll(() => rmSync(logs, { recursive: true, force: true }));

  it('moves the bar in megabytes while one transcript is read on a terminal, then replaces it with the summary', async () => {
    const workspace = await tempWorkspace();
    run = radInPty(['stats', 'import', 'claude-code', '--source', path.join(logs, 'projects'), '--all-projects', '--workspace', workspace], { cwd: workspace });
    expect(await run.exited).toBe(0);
    const screen = run.output();
    const { values, totals } = barValues(screen);
    expect([...totals]).toEqual([Math.ceil(statSync(transcriptPath(logs)).size / MB)]);
    const [total] = totals;
    // Drawn at least twice before the end with different values: it moved within the one file.
    expect(new Set(values.filter((v) => v < total!)).size).toBeGreaterThanOrEqual(2);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(screen.slice(screen.lastIndexOf('(MB)'))).toContain('Imported 1 new session from Claude Code');
  });

  it('draws no bar when stderr is not a terminal', async () => {
    const workspace = await tempWorkspace();
    const result = radOk(['stats', 'import', 'claude-code', '--source', path.join(logs, 'projects'), '--all-projects', '--workspace', workspace], { cwd: workspace });
    expect(result.stdout).toContain('Imported 1 new session from Claude Code');
    expect(result.stderr).not.toContain('Importing Claude Code logs');
    expect(result.stderr).not.toMatch(/[\r\u001b]/);
  });
});
