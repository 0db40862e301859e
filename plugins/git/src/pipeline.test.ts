import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FieldBlock, MetricPlugin } from '@radium-stats/core';
import { tempWorkspace, testHost } from '@radium-stats/core/testing';
import { lines, TestRepo } from '../test/repo.js';
import { gitPlugin } from './plugin.js';
import type { GitSection } from './section.js';

/** Another plugin in the same host, to show that switching git off leaves it alone. */
const toolCountPlugin: MetricPlugin<{ calls: number }> = {
  id: 'toolcount',
  apiVersion: 1,
  title: 'Tool count',
  description: 'Counts tool.call events',
  section: { safeParse: (v: unknown) => ({ success: true as const, data: v as { calls: number } }) },
  createCollector: () => {
    let calls = 0;
    return { add: (e) => void (e.type === 'tool.call' && calls++), finish: () => ({ calls }) };
  },
  merge: (all) => ({ calls: all.reduce((n, s) => n + s.calls, 0) }),
  report: {},
};

const BINARY_V1 = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]);
const BINARY_V2 = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 9, 9, 9, 9]);

function journalTypes(file: string): { type: string; phase?: string }[] {
  return readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}

function summaryRows(section: GitSection): Record<string, string> {
  const block = gitPlugin.report.session!(section)[0] as FieldBlock;
  return Object.fromEntries(block.rows.map((r) => [r.label, r.value]));
}

/** A workspace that is also a repository with one commit, one file already dirty and one already untracked. */
async function repoWorkspace(): Promise<TestRepo> {
  const repo = TestRepo.init(await tempWorkspace());
  repo.write('.gitignore', '*.log\n');
  repo.write('src/a.txt', lines('a', 10));
  repo.write('src/dirty.txt', lines('d', 5));
  repo.write('docs/keep.md', lines('k', 3));
  repo.write('logo.bin', BINARY_V1);
  repo.commitAll('initial');
  // Changed before the session: none of this may be counted.
  repo.write('src/dirty.txt', lines('d', 5) + lines('before', 3));
  repo.write('src/old-untracked.txt', lines('u', 4));
  return repo;
}

const savedEnv = { ...process.env };
beforeAll(() => {
  // Temp folders must never be found inside some enclosing repository.
  process.env.GIT_CEILING_DIRECTORIES = tmpdir();
});
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv, { GIT_CEILING_DIRECTORIES: tmpdir() });
});

describe('git plugin through the recording pipeline', () => {
  it('counts committed, staged, unstaged and untracked changes made during the session, and nothing from before it', async () => {
    const repo = await repoWorkspace();
    const host = await testHost([gitPlugin], { workspace: repo.dir });
    const indexBefore = repo.indexBytes();
    const status = () => repo.git('status', '--porcelain').replace('?? .radium/\n', '');
    const statusBefore = status();
    const rec = await host.recorders.start({ agent: 'test' });
    expect(repo.indexBytes().equals(indexBefore)).toBe(true);
    expect(status()).toBe(statusBefore);

    repo.write('src/a.txt', lines('a', 10).replace('a1\n', 'A1\n') + 'a11\na12\n'); // +3 -1, committed
    repo.commit('edit a, and commit a file left untracked before the session', ['src/a.txt', 'src/old-untracked.txt']);
    repo.write('src/staged.txt', lines('s', 2)); // +2, staged
    repo.git('add', 'src/staged.txt');
    repo.remove('docs/keep.md'); // -3, unstaged
    repo.write('notes/new.txt', lines('n', 5)); // +5, untracked
    repo.write('debug.log', lines('log', 50)); // ignored
    repo.write('src/dirty.txt', lines('d', 5) + lines('before', 3) + 'during\n'); // +1 on top of the earlier edit
    repo.write('logo.bin', BINARY_V2); // binary: a file, no lines
    rec.record({ type: 'file.edit', path: 'src/a.txt', added: 100, removed: 100 });

    const indexBeforeEnd = repo.indexBytes();
    const report = await rec.end();
    expect(repo.indexBytes().equals(indexBeforeEnd)).toBe(true);
    expect(repo.git('stash', 'list')).toBe('');

    const section = report.sections.git as GitSection;
    expect(section).toMatchObject({ source: 'git', linesAdded: 11, linesRemoved: 4, filesChanged: 6, binaryFiles: 1 });
    expect(section.unavailableReason).toBeUndefined();
    expect(gitPlugin.section.safeParse(section).success).toBe(true);
    expect(section.snapshots?.end.head).toBe(repo.git('rev-parse', 'HEAD').trim());
    expect(summaryRows(section)).toEqual({ 'Code Changes': '+11 -4', 'Files Changed': '6 (1 binary)' });
    const snapshots = journalTypes(host.paths.journalFile(rec.sessionId)).filter((e) => e.type === 'git.snapshot');
    expect(snapshots.map((e) => e.phase)).toEqual(['start', 'end']);
    // The snapshot diff is reproducible with plain git.
    expect(repo.git('diff', '--shortstat', section.snapshots!.start.tree, section.snapshots!.end.tree)).toContain('6 files changed, 11 insertions(+), 4 deletions(-)');
  });

  it('shows the changes so far while the session is live, without storing the preview snapshot', async () => {
    const repo = await repoWorkspace();
    const host = await testHost([gitPlugin], { workspace: repo.dir });
    const rec = await host.recorders.start();
    repo.write('src/a.txt', lines('a', 12));
    const live = await host.folder.foldJournal(rec.sessionId);
    expect(live.status).toBe('live');
    expect(live.sections.git).toMatchObject({ source: 'git', linesAdded: 2, linesRemoved: 0, filesChanged: 1 });
    const stored = journalTypes(host.paths.journalFile(rec.sessionId)).filter((e) => e.type === 'git.snapshot');
    expect(stored.map((e) => e.phase)).toEqual(['start']);
    repo.write('src/b.txt', 'b\n');
    const report = await rec.end();
    expect(report.sections.git).toMatchObject({ linesAdded: 3, linesRemoved: 0, filesChanged: 2 });
  });

  it('counts the same changes whatever the time zone and whatever dates the commits carry', async () => {
    process.env.TZ = 'Pacific/Kiritimati';
    const repo = await repoWorkspace();
    const host = await testHost([gitPlugin], { workspace: repo.dir });
    const rec = await host.recorders.start();
    repo.write('src/a.txt', lines('a', 11));
    repo.commitAll('dated long before the session, far east of UTC', '2001-01-01T00:30:00+14:00');
    repo.write('src/b.txt', lines('b', 2));
    repo.commitAll('dated after the session, far west of UTC', '2099-12-31T23:30:00-12:00');
    repo.write('src/c.txt', 'c\n');
    const report = await rec.end();
    expect(report.sections.git).toMatchObject({ source: 'git', linesAdded: 4, linesRemoved: 0, filesChanged: 3 });
  });

  it('measures a repository with no commits from an empty baseline of what was already there', async () => {
    const repo = TestRepo.init(await tempWorkspace());
    repo.write('existing.txt', lines('e', 3));
    const host = await testHost([gitPlugin], { workspace: repo.dir });
    const rec = await host.recorders.start();
    repo.write('existing.txt', lines('e', 2));
    repo.write('new.txt', lines('n', 4));
    const report = await rec.end();
    const section = report.sections.git as GitSection;
    expect(section).toMatchObject({ source: 'git', linesAdded: 4, linesRemoved: 1, filesChanged: 2 });
    expect(section.snapshots?.start.head).toBeNull();
    expect(() => repo.git('rev-parse', '--verify', '-q', 'HEAD')).toThrow();
  });

  it('gives a reason instead of a number outside a git repository', async () => {
    const host = await testHost([gitPlugin]);
    const rec = await host.recorders.start();
    const section = (await rec.end()).sections.git as GitSection;
    expect(section).toMatchObject({ source: null, linesAdded: null, linesRemoved: null, filesChanged: null, unavailableReason: 'not a git repository' });
    expect(summaryRows(section)).toEqual({ 'Code Changes': 'n/a (not a git repository)', 'Files Changed': 'n/a (not a git repository)' });
  });

  it('falls back to file.edit events outside a git repository and says so', async () => {
    const host = await testHost([gitPlugin]);
    const rec = await host.recorders.start();
    rec.record({ type: 'file.edit', path: 'a.ts', added: 5, removed: 1 });
    rec.record({ type: 'file.edit', path: `${host.paths.root}/a.ts`, added: 2, removed: 2 });
    rec.record({ type: 'file.edit', path: 'b.ts', added: 1, removed: 0 });
    const section = (await rec.end()).sections.git as GitSection;
    expect(section).toMatchObject({ source: 'file.edit events', linesAdded: 8, linesRemoved: 3, filesChanged: 2, gitUnavailableReason: 'not a git repository' });
    expect(summaryRows(section)).toEqual({ 'Code Changes': '+8 -3', 'Files Changed': '2 (from file.edit events)' });
  });

  it('says git is not installed when there is no git to run', async () => {
    const repo = await repoWorkspace();
    const host = await testHost([gitPlugin], { workspace: repo.dir });
    process.env.PATH = await tempWorkspace(); // a folder with no git in it
    const rec = await host.recorders.start();
    repo.write('src/a.txt', 'x\n');
    const section = (await rec.end()).sections.git as GitSection;
    expect(section).toMatchObject({ linesAdded: null, filesChanged: null, unavailableReason: 'git is not installed' });
  });

  it('measures the whole repository when the workspace is one of its folders, leaving out its own session files', async () => {
    const repo = TestRepo.init(await tempWorkspace());
    repo.write('README.md', 'r\n');
    repo.commitAll('initial');
    const sub = `${repo.dir}/pkg`;
    repo.write('pkg/.keep', '');
    const host = await testHost([gitPlugin], { workspace: sub });
    expect(host.paths.root).toBe(sub);
    const rec = await host.recorders.start();
    rec.record({ type: 'tool.call', name: 'Edit', success: true });
    repo.write('README.md', 'r\nmore\n');
    repo.write('pkg/code.ts', lines('c', 3));
    const section = (await rec.end()).sections.git as GitSection;
    expect(section).toMatchObject({ source: 'git', linesAdded: 4, linesRemoved: 0, filesChanged: 2 });
  });

  it('leaves the session files out even when the agent stages everything, journal included', async () => {
    const repo = await repoWorkspace();
    const host = await testHost([gitPlugin], { workspace: repo.dir });
    const rec = await host.recorders.start();
    rec.record({ type: 'tool.call', name: 'Edit', success: true });
    repo.write('src/a.txt', lines('a', 11));
    repo.git('add', '-A');
    rec.record({ type: 'tool.call', name: 'Bash', success: true }); // the staged journal is now stale
    const section = (await rec.end()).sections.git as GitSection;
    expect(section).toMatchObject({ source: 'git', linesAdded: 1, linesRemoved: 0, filesChanged: 1 });
  });

  it.each([
    { ignores: '.radium', in: '.gitignore' },
    { ignores: '.radium/_internals/', in: '.gitignore' },
    { ignores: '.radium/*', in: '.gitignore' },
    { ignores: '*', in: '.gitignore' },
    { ignores: '.radium/', in: '.git/info/exclude' },
  ])('measures changes when the repository ignores the session files ($ignores in $in)', async ({ ignores, in: file }) => {
    const repo = await repoWorkspace();
    repo.write(file, `${ignores}\n`);
    repo.commitAll('ignore the session files');
    const host = await testHost([gitPlugin], { workspace: repo.dir });
    const rec = await host.recorders.start();
    repo.write('src/a.txt', lines('a', 12)); // +2, tracked
    repo.write('notes/new.txt', lines('n', 5)); // +5, untracked: ignored too under `*`
    const section = (await rec.end()).sections.git as GitSection;
    const untracked = ignores === '*' ? { linesAdded: 2, filesChanged: 1 } : { linesAdded: 7, filesChanged: 2 };
    expect(section).toMatchObject({ source: 'git', linesRemoved: 0, ...untracked });
    expect(section.unavailableReason).toBeUndefined();
  });

  it('leaves out ignored session files that the agent force-staged', async () => {
    const repo = await repoWorkspace();
    repo.write('.gitignore', '.radium\n');
    repo.commitAll('ignore the session files');
    const host = await testHost([gitPlugin], { workspace: repo.dir });
    const rec = await host.recorders.start();
    repo.write('src/a.txt', lines('a', 11));
    repo.git('add', '-f', '.radium');
    rec.record({ type: 'tool.call', name: 'Bash', success: true });
    const section = (await rec.end()).sections.git as GitSection;
    expect(section).toMatchObject({ source: 'git', linesAdded: 1, linesRemoved: 0, filesChanged: 1 });
  });

  it('switched off in config, leaves no section, no rows and no snapshots, and changes nothing else', async () => {
    const run = async (env: NodeJS.ProcessEnv) => {
      const repo = await repoWorkspace();
      const host = await testHost([gitPlugin, toolCountPlugin], { workspace: repo.dir, env });
      const rec = await host.recorders.start({ sessionId: 'same-session' });
      rec.record({ type: 'tool.call', name: 'Edit', success: true });
      repo.write('src/a.txt', 'x\n');
      const report = await rec.end();
      return { report, journal: journalTypes(host.paths.journalFile(rec.sessionId)) };
    };
    const on = await run({});
    const off = await run({ RADIUM_STATS_DISABLE: 'git' });
    expect(on.report.plugins).toEqual(['git', 'toolcount']);
    expect(off.report.plugins).toEqual(['toolcount']);
    expect(off.report.sections).toEqual({ toolcount: on.report.sections.toolcount });
    expect(off.journal.some((e) => e.type === 'git.snapshot')).toBe(false);
    expect(off.journal.map((e) => e.type)).toEqual(on.journal.map((e) => e.type).filter((t) => t !== 'git.snapshot'));
  });
});
