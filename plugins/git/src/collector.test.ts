import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionEvent } from '@radium-stats/core';
import { events, tempWorkspace, testHost } from '@radium-stats/core/testing';
import { lines, TestRepo } from '../test/repo.js';
import { gitPlugin } from './plugin.js';
import type { GitSection } from './section.js';
import { snapshotWorkTree } from './snapshot.js';

const T0 = '2025-12-07T04:00:00.000Z';
const T1 = '2025-12-07T05:00:00.000Z';

beforeAll(() => {
  process.env.GIT_CEILING_DIRECTORIES = tmpdir();
});

/** Folds events through the real pipeline, as an importer or a re-fold of a journal would. */
async function fold(workspace: string, list: SessionEvent[]): Promise<GitSection> {
  const host = await testHost([gitPlugin], { workspace });
  const report = await host.folder.foldEvents('s1', list, 'test');
  return report.sections.git as GitSection;
}

/** Waits until just past the next whole second. */
const sleepToNextSecond = () => new Promise((resolve) => setTimeout(resolve, 1010 - (Date.now() % 1000)));

const start = (workspace: string) => ({ type: 'session.start', ts: T0, sessionId: 's1', workspace });

async function snapshotEvent(repo: TestRepo, phase: 'start' | 'end', ts: string): Promise<SessionEvent> {
  const host = await testHost([gitPlugin], { workspace: repo.dir });
  const snap = await snapshotWorkTree(host.services.git(), repo.dir);
  return events({ type: 'git.snapshot', ts, phase, ...snap })[0]!;
}

async function committedRepo(): Promise<TestRepo> {
  const repo = TestRepo.init(await tempWorkspace());
  repo.write('big.txt', lines('line', 20));
  repo.commitAll('initial');
  return repo;
}

describe('git collector', () => {
  it('sums file.edit events when the session has no git baseline (an imported session)', async () => {
    const ws = await tempWorkspace();
    const section = await fold(
      ws,
      events(start(ws), { type: 'file.edit', ts: T0, path: 'a.ts', added: 4, removed: 2 }, { type: 'file.edit', ts: T1, path: 'a.ts', added: 1, removed: 0 }),
    );
    expect(section).toEqual({
      source: 'file.edit events',
      linesAdded: 5,
      linesRemoved: 2,
      filesChanged: 1,
      binaryFiles: null,
      gitUnavailableReason: 'no git snapshot was taken when the session started',
    });
  });

  it('says nothing was measured, rather than 0, with neither a baseline nor file.edit events', async () => {
    const ws = await tempWorkspace();
    const section = await fold(ws, events(start(ws), { type: 'session.end', ts: T1 }));
    expect(section).toMatchObject({ source: null, linesAdded: null, filesChanged: null, unavailableReason: 'no git snapshot was taken when the session started' });
  });

  it('does not snapshot an abandoned session after the fact: later changes are not its own', async () => {
    const repo = await committedRepo();
    const startSnap = await snapshotEvent(repo, 'start', T0);
    repo.write('big.txt', lines('line', 25));
    const section = await fold(repo.dir, [...events(start(repo.dir)), startSnap]);
    expect(section).toMatchObject({ linesAdded: null, unavailableReason: 'the session stopped without a closing git snapshot' });
    const withEdits = await fold(repo.dir, [...events(start(repo.dir)), startSnap, ...events({ type: 'file.edit', ts: T1, path: 'big.txt', added: 5, removed: 0 })]);
    expect(withEdits).toMatchObject({ source: 'file.edit events', linesAdded: 5, gitUnavailableReason: 'the session stopped without a closing git snapshot' });
  });

  it('counts a moved file once, with only the lines that changed', async () => {
    const repo = await committedRepo();
    const a = await snapshotEvent(repo, 'start', T0);
    repo.git('mv', 'big.txt', 'moved.txt');
    repo.write('moved.txt', lines('line', 20).replace('line7\n', 'LINE7\n'));
    const b = await snapshotEvent(repo, 'end', T1);
    const section = await fold(repo.dir, [...events(start(repo.dir)), a, b, ...events({ type: 'session.end', ts: T1 })]);
    expect(section).toMatchObject({ source: 'git', linesAdded: 1, linesRemoved: 1, filesChanged: 1, binaryFiles: 0 });
  });

  it('sees a same-size edit made in the second of the last git command, snapshotted a second later', async () => {
    // Git's stat data has whole seconds here: the file's add, its move and the edit share one second,
    // so only the index file's own time tells git to look inside; the snapshot comes in a later second.
    const repo = TestRepo.init(await tempWorkspace());
    await sleepToNextSecond();
    repo.write('big.txt', lines('line', 20));
    repo.commitAll('initial');
    const a = events({ type: 'git.snapshot', ts: T0, phase: 'start', tree: repo.git('rev-parse', 'HEAD^{tree}').trim(), head: repo.git('rev-parse', 'HEAD').trim() })[0]!;
    repo.git('mv', 'big.txt', 'moved.txt');
    repo.write('moved.txt', lines('line', 20).replace('line7\n', 'LINE7\n'));
    await sleepToNextSecond();
    const b = await snapshotEvent(repo, 'end', T1);
    const section = await fold(repo.dir, [...events(start(repo.dir)), a, b, ...events({ type: 'session.end', ts: T1 })]);
    expect(section).toMatchObject({ linesAdded: 1, linesRemoved: 1, filesChanged: 1 });
  });

  it('reports zero changes, not a missing value, when the session changed nothing', async () => {
    const repo = await committedRepo();
    const a = await snapshotEvent(repo, 'start', T0);
    const b = await snapshotEvent(repo, 'end', T1);
    const section = await fold(repo.dir, [...events(start(repo.dir)), a, b]);
    expect(section).toMatchObject({ source: 'git', linesAdded: 0, linesRemoved: 0, filesChanged: 0 });
  });

  it('explains snapshots git no longer has (pruned), and falls back to file.edit events', async () => {
    const repo = await committedRepo();
    const gone = (phase: string, ts: string) => ({ type: 'git.snapshot', ts, phase, tree: phase === 'start' ? 'a'.repeat(40) : 'b'.repeat(40), head: null });
    const list = events(start(repo.dir), gone('start', T0), gone('end', T1));
    const section = await fold(repo.dir, list);
    expect(section.linesAdded).toBeNull();
    expect(section.unavailableReason).toMatch(/^could not compare the snapshots \(git failed: .+\)$/);
    const withEdits = await fold(repo.dir, [...list, ...events({ type: 'file.edit', ts: T1, path: 'x', added: 1, removed: 1 })]);
    expect(withEdits).toMatchObject({ source: 'file.edit events', linesAdded: 1, linesRemoved: 1, filesChanged: 1 });
  });

  it('keeps the reason recorded at the start when git could not snapshot then', async () => {
    const ws = await tempWorkspace();
    const failed = (phase: string, ts: string) => ({ type: 'git.snapshot', ts, phase, tree: null, head: null, reason: 'git is not installed' });
    const section = await fold(ws, events(start(ws), failed('start', T0), failed('end', T1)));
    expect(section).toMatchObject({ linesAdded: null, unavailableReason: 'git is not installed' });
  });
});
