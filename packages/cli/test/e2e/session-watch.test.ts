import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '@radium-stats/core/testing';
import { freshCliHome, rad } from '../helpers/rad.js';
import { radInPty, type PtyRun } from '../helpers/pty.js';

const env = freshCliHome();
const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

const iso = (ms: number) => new Date(ms).toISOString();
const response = (ts: number, input: number, output: number) => JSON.stringify({ type: 'api.response', ts: iso(ts), model: 'claude-haiku-4-5', engine: 'anthropic', durationMs: 100, tokens: { input, output } }) + '\n';

describe('rad stats session --watch', () => {
  let cwd: string;
  let journal: string;
  let run: PtyRun | undefined;

  beforeEach(async () => {
    cwd = await tempWorkspace();
    // A live session (recently written, no session.end) that began ten minutes ago: one response
    // eight minutes ago, outside the last five minutes, and one two minutes ago, inside them.
    const now = Date.now();
    journal = path.join(cwd, '.radium/_internals/sessions/live-one.events.jsonl');
    writeFileSync(journal, JSON.stringify({ type: 'session.start', ts: iso(now - 600_000), sessionId: 'live-one', workspace: cwd, agent: 'claude' }) + '\n' + response(now - 480_000, 1000, 100) + response(now - 120_000, 2000, 200));
  });

  afterEach(() => run?.kill());

  it('redraws the live session in place with its burn rate and recent tokens, shows a new response, and quits on q', async () => {
    run = radInPty(['stats', 'session', '--watch', '--interval', '0.5'], { cwd, env });
    // A frame is whole once its clear-below has come.
    const first = await run.waitFor(/Tokens \(last 5 min\): +2,200 \(1 response\)[^]*\u001b\[J/);
    expect(first).toContain(ENTER_ALTERNATE_SCREEN);
    expect(first).toMatch(/Session ID: +live-one/);
    expect(first).toMatch(/Burn Rate: +\$\d+\.\d{4} per hour \(over 10m \d+s\)/);
    expect(first).toMatch(/claude-haiku-4-5 +2 +3,000 +300/);
    // Each frame starts at the top left and clears what the previous one left below it.
    expect(first).toMatch(/\u001b\[H\u001b\[1mLive/);

    const seen = run.output().length;
    appendFileSync(journal, response(Date.now(), 50_000, 500));
    const next = await run.waitFor(/Tokens \(last 5 min\): +52,700 \(2 responses\)[^]*\u001b\[J/, { from: seen });
    expect(next).toMatch(/claude-haiku-4-5 +3 +53,000 +800/);
    expect(next).not.toContain(ENTER_ALTERNATE_SCREEN);

    const beforeQuit = run.output().length;
    run.type('q');
    expect(await run.exited).toBe(0);
    const after = run.output().slice(beforeQuit);
    expect(after).toContain(LEAVE_ALTERNATE_SCREEN);
    expect(after).toContain(SHOW_CURSOR);
    // Nothing is drawn on the main screen after a quit.
    expect(after.slice(after.indexOf(LEAVE_ALTERNATE_SCREEN) + LEAVE_ALTERNATE_SCREEN.length).trim()).toBe('');
  });

  it('quits on Ctrl-C, restoring the screen', async () => {
    run = radInPty(['stats', 'session', '--watch'], { cwd, env });
    await run.waitFor(/Burn Rate:/);
    run.type('\u0003');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain(LEAVE_ALTERNATE_SCREEN);
  });

  it('stops by itself when the session ends, leaving its last view on the main screen', async () => {
    run = radInPty(['stats', 'session', '--watch', '--interval', '0.5', '--session-id', 'live-one'], { cwd, env });
    await run.waitFor(/Burn Rate:/);
    appendFileSync(journal, JSON.stringify({ type: 'session.end', ts: iso(Date.now()) }) + '\n');
    expect(await run.exited).toBe(0);
    const after = run.output().slice(run.output().lastIndexOf(LEAVE_ALTERNATE_SCREEN));
    expect(after).toMatch(/Session ID: +live-one/);
    expect(after).toContain('The session is ended: nothing more to watch.');
  });

  it.each([
    [['--watch'], /^Error: --watch redraws in place and reads keys, so it needs a terminal \(stdin or stdout is not a TTY\)/],
    [['--watch', '--json'], /^Error: --watch draws on a terminal and prints no JSON/],
    [['--interval', '5'], /^Error: --interval sets how often --watch redraws: add --watch\./],
    [['--watch', '--interval', 'soon'], /^Error: --interval: "soon" is not a number of seconds/],
  ])('refuses %j with one line and exit code 2, like other usage errors', (args, message) => {
    const result = rad(['stats', 'session', ...(args as string[])], { cwd, env });
    expect(result.status).toBe(2);
    const error = args.includes('--json') ? (JSON.parse(result.stdout) as { error: { message: string } }).error.message : result.stderr.trim();
    expect(`Error: ${error.replace(/^Error: /, '')}`).toMatch(message);
    expect(error.split('\n')).toHaveLength(1);
  });

  it('says when no session is live', async () => {
    appendFileSync(journal, JSON.stringify({ type: 'session.end', ts: iso(Date.now()) }) + '\n');
    run = radInPty(['stats', 'session', '--watch'], { cwd, env });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/Error: No live session found: pass --session-id/);
    expect(run.output()).not.toContain(ENTER_ALTERNATE_SCREEN);
  });
});
