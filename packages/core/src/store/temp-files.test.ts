import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/index.js';
import { writeFileAtomic } from './atomic-write.js';
import { removeStaleTemps, tempPathFor } from './temp-files.js';

/** The pid of a process that has exited (and been reaped), so nothing runs under it. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

describe('stale temp files', () => {
  it('names a temp after its target and this process', () => {
    expect(path.basename(tempPathFor('/a/b/r.json'))).toMatch(new RegExp(`^\\.r\\.json\\.${process.pid}\\.[0-9a-f]{12}\\.tmp$`));
  });

  it('gives every temp of one target a name of its own', () => {
    const names = new Set(Array.from({ length: 1000 }, () => tempPathFor('/a/b/r.json')));
    expect(names.size).toBe(1000);
  });

  it('removes temps of dead processes and keeps those of live ones and everything else', async () => {
    const dir = tempDir();
    const dead = deadPid();
    const names = {
      deadReport: `.s1.json.${dead}.0123456789ab.tmp`,
      deadExport: `.data.json.${dead}.tmp`,
      liveReport: `.s2.json.${process.pid}.0123456789ab.tmp`,
      report: 's1.json',
      notTemp: `.notes.${dead}.txt`,
    };
    for (const name of Object.values(names)) writeFileSync(path.join(dir, name), 'x');
    mkdirSync(path.join(dir, `.folder.${dead}.tmp`));
    const removed = await removeStaleTemps(dir);
    expect(removed.sort()).toEqual([path.join(dir, names.deadExport), path.join(dir, names.deadReport)].sort());
    expect(readdirSync(dir).sort()).toEqual([names.liveReport, names.notTemp, names.report, `.folder.${dead}.tmp`].sort());
  });

  it('with a target name removes only that target’s temps', async () => {
    const dir = tempDir();
    const dead = deadPid();
    writeFileSync(path.join(dir, `.out.json.${dead}.0123456789ab.tmp`), 'x');
    writeFileSync(path.join(dir, `.other.json.${dead}.0123456789ab.tmp`), 'x');
    await removeStaleTemps(dir, 'out.json');
    expect(readdirSync(dir)).toEqual([`.other.json.${dead}.0123456789ab.tmp`]);
  });

  it('a missing folder removes nothing', async () => {
    expect(await removeStaleTemps(path.join(tempDir(), 'nope'))).toEqual([]);
  });

  it('the next atomic write removes a crashed writer’s temp and keeps a live writer’s', async () => {
    const dir = tempDir();
    const crashed = `.s1.json.${deadPid()}.0123456789ab.tmp`;
    const live = `.s2.json.${process.pid}.0123456789ab.tmp`;
    writeFileSync(path.join(dir, crashed), 'half');
    writeFileSync(path.join(dir, live), 'half');
    await writeFileAtomic(path.join(dir, 's3.json'), '{}');
    expect(readdirSync(dir).sort()).toEqual([live, 's3.json'].sort());
  });
});
