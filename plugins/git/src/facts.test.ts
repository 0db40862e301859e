import { tmpdir } from 'node:os';
import { sumFactRows, legacyMetricsSchema, type BucketRange, type FactRows, type SessionEvent } from '@radium-stats/core';
import { events, tempWorkspace, testHost } from '@radium-stats/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { lines, TestRepo } from '../test/repo.js';
import { gitSectionFromLegacy } from './legacy.js';
import { mergeGitSections, summarizeGitSection } from './merge.js';
import { gitPlugin } from './plugin.js';
import type { GitSection } from './section.js';
import { snapshotWorkTree } from './snapshot.js';

const facts = gitPlugin.facts!;
const at = (iso: string) => Date.parse(iso);

interface Session {
  section: GitSection;
  facts: FactRows;
}

beforeAll(() => {
  process.env.GIT_CEILING_DIRECTORIES = tmpdir();
});

/** Folds a session's events (after a session.start at `start`) through the real pipeline. */
async function fold(workspace: string, start: string, list: SessionEvent[]): Promise<Session> {
  const host = await testHost([gitPlugin], { workspace });
  const report = await host.folder.foldEvents('s1', [...events({ type: 'session.start', ts: start, sessionId: 's1', workspace }), ...list], 'test');
  return { section: report.sections.git as GitSection, facts: (report.facts?.git ?? {}) as FactRows };
}

async function snapshot(repo: TestRepo, phase: 'start' | 'end', ts: string): Promise<SessionEvent> {
  const host = await testHost([gitPlugin], { workspace: repo.dir });
  return events({ type: 'git.snapshot', ts, phase, ...(await snapshotWorkTree(host.services.git(), repo.dir)) })[0]!;
}

/** A section from a report without facts (original Radium, or written before facts), with the rows the store makes for it. */
function withoutFacts(section: GitSection): Session {
  return { section, facts: facts.fromSection!(section, at('2025-12-07T04:00:00Z')) };
}

function fromFacts(sessions: Session[], range: BucketRange = {}): GitSection {
  return facts.toSection(sumFactRows(facts.tables, sessions.map((s) => s.facts), range), { sessions: sessions.length });
}

function subsets<T>(list: T[]): T[][] {
  return Array.from({ length: 2 ** list.length }, (_, mask) => list.filter((_, i) => mask & (1 << i)));
}

const T0 = '2025-11-01T10:00:00Z';
const T1 = '2025-11-01T11:00:00Z';
const edit = (ts: string, path: string, added: number, removed: number) => ({ type: 'file.edit', ts, path, added, removed });
const failed = (phase: string, ts: string) => ({ type: 'git.snapshot', ts, phase, tree: null, head: null, reason: 'git is not installed' });

async function mix(): Promise<Session[]> {
  const repo = TestRepo.init(await tempWorkspace());
  repo.write('big.txt', lines('line', 20));
  repo.commitAll('initial');
  const a = await snapshot(repo, 'start', T0);
  repo.write('big.txt', lines('line', 20).replace('line3\n', 'LINE3\n') + 'line21\n');
  repo.write('logo.bin', Buffer.from([0, 1, 2, 0, 255]));
  const b = await snapshot(repo, 'end', T1);
  const ws = await tempWorkspace();
  return [
    // Measured by git: a changed text file and a new binary file.
    await fold(repo.dir, T0, [a, b, ...events({ type: 'session.end', ts: T1 })]),
    // Measured by git: nothing changed (zero, not unknown).
    await fold(repo.dir, T0, [{ ...b, phase: 'start' } as SessionEvent, b]),
    // No baseline, file.edit events: binary files unknown.
    await fold(ws, T0, events(edit(T0, 'a.ts', 4, 2), edit(T1, 'a.ts', 1, 0), edit(T1, 'b.ts', 3, 3))),
    // Nothing measured, for three different reasons.
    await fold(ws, T0, events({ type: 'session.end', ts: T1 })),
    await fold(ws, T0, events(failed('start', T0), failed('end', T1))),
    await fold(repo.dir, T0, [a]),
    // Original Radium: lines but no files.
    withoutFacts(gitSectionFromLegacy(legacyMetricsSchema.parse({ session_id: 'old', start_time: '2025-12-07T04:00:00Z', lines_added: 505, lines_removed: 208 }))),
    // Written before facts: a git section with its snapshot ids.
    withoutFacts({ source: 'git', linesAdded: 7, linesRemoved: 1, filesChanged: 3, binaryFiles: 2, snapshots: { start: { tree: 'a'.repeat(40), head: null }, end: { tree: 'b'.repeat(40), head: null } } }),
  ];
}

describe('git facts', () => {
  it('summed over any mix of sessions give exactly the merged section', async () => {
    const sessions = await mix();
    expect(sessions[0]!.section).toMatchObject({ source: 'git', linesAdded: 2, linesRemoved: 1, filesChanged: 2, binaryFiles: 1 });
    expect(sessions[1]!.section).toMatchObject({ source: 'git', linesAdded: 0, filesChanged: 0 });
    expect(sessions.slice(3, 6).map((s) => s.section.unavailableReason)).toEqual([
      'no git snapshot was taken when the session started',
      'git is not installed',
      'the session stopped without a closing git snapshot',
    ]);
    for (const combo of subsets(sessions)) expect(fromFacts(combo)).toStrictEqual(mergeGitSections(combo.map((s) => s.section)));
    expect(fromFacts(sessions)).toEqual({
      source: 'mixed', linesAdded: 2 + 8 + 505 + 7, linesRemoved: 1 + 5 + 208 + 1, filesChanged: 2 + 2 + 3, binaryFiles: 1 + 2,
      merged: { sessions: 8, linesUnknown: 3, filesUnknown: 4 },
    });
    expect(fromFacts(sessions.slice(3, 6))).toMatchObject({ linesAdded: null, unavailableReason: 'not measured in any of the merged sessions' });
    expect(fromFacts([sessions[4]!, sessions[4]!])).toMatchObject({ linesAdded: null, unavailableReason: 'git is not installed' });
  });

  it('of one session alone (scope.single) give its section as history shows it: no merged block, and why git was not used beside file.edit events', async () => {
    const sessions = await mix();
    expect(sessions[2]!.section.gitUnavailableReason).toBe('no git snapshot was taken when the session started');
    for (const s of sessions) expect(facts.toSection(sumFactRows(facts.tables, [s.facts], {}), { sessions: 1, single: true })).toStrictEqual(summarizeGitSection(s.section));
  });

  it('are one row per session, in the bucket of its start, even when it runs past a boundary and midnight', async () => {
    const ws = await tempWorkspace();
    const s = await fold(ws, '2025-11-01T23:50:00Z', events(edit('2025-11-02T00:05:00Z', 'a.ts', 4, 1), edit('2025-11-02T00:15:00Z', 'a.ts', 2, 0), { type: 'session.end', ts: '2025-11-02T00:20:00Z' }));
    expect(s.facts).toEqual({
      git_sessions: [
        {
          bucket: at('2025-11-01T23:45:00Z'), source: 'file.edit events', unavailable_reason: 'no git snapshot was taken when the session started', sessions: 1,
          lines_added: 6, lines_added_unknown: 0, lines_removed: 1, lines_removed_unknown: 0,
          files_changed: 1, files_changed_unknown: 0, binary_files: 0, binary_files_unknown: 1,
        },
      ],
    });
  });

  it('summed from a time on, count only the sessions that started from then', async () => {
    const ws = await tempWorkspace();
    const early = await fold(ws, '2025-11-01T10:44:59Z', events(edit('2025-11-01T11:00:00Z', 'a.ts', 10, 0)));
    const late = await fold(ws, '2025-11-01T10:45:00Z', events(edit('2025-11-01T10:50:00Z', 'b.ts', 1, 1)));
    expect(fromFacts([early, late], { from: at('2025-11-01T10:45:00Z') })).toMatchObject({ linesAdded: 1, linesRemoved: 1, filesChanged: 1, merged: { sessions: 1 } });
    expect(fromFacts([early, late], { to: at('2025-11-01T10:45:00Z') })).toMatchObject({ linesAdded: 10, merged: { sessions: 1 } });
  });
});
