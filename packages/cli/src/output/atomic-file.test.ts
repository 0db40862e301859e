import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { RadiumError, type SessionReport } from '@radium-stats/core';
import { tempDir } from '@radium-stats/core/testing';
import { OutputExistsError, OutputTypeError } from '../errors.js';
import { writeOutputFile } from './atomic-file.js';
import { writeExport } from './export-stream.js';

const write = (text: string) => async (out: Writable) => void out.write(text);

/** Reads a FIFO to its end from this process, so a writer's open does not block forever. */
function readFifo(fifo: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    createReadStream(fifo, 'utf8')
      .on('data', (chunk) => (text += chunk as string))
      .on('end', () => resolve(text))
      .on('error', reject);
  });
}

// A FIFO write that never finds its reader blocks; fail in seconds rather than at the suite's two minutes.
const FIFO_TIMEOUT_MS = 20_000;

function mkfifo(file: string): string {
  execFileSync('mkfifo', [file]);
  return file;
}

describe('writeOutputFile', () => {
  it('writes the file and leaves no temp file behind', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'out.json');
    expect(await writeOutputFile(file, false, write('{"ok":true}'))).toEqual({ result: undefined, direct: false });
    expect(readFileSync(file, 'utf8')).toBe('{"ok":true}');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('refuses to overwrite an existing file unless forced', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'out.json');
    writeFileSync(file, 'old');
    await expect(writeOutputFile(file, false, write('new'))).rejects.toBeInstanceOf(OutputExistsError);
    expect(readFileSync(file, 'utf8')).toBe('old');
    await writeOutputFile(file, true, write('new'));
    expect(readFileSync(file, 'utf8')).toBe('new');
  });

  it('removes the temp file and keeps no partial output when writing fails', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'out.json');
    await expect(
      writeOutputFile(file, false, async (out) => {
        out.write('half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names a missing folder', async () => {
    const file = path.join(tempDir(), 'nope', 'out.json');
    const error = await writeOutputFile(file, false, write('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RadiumError);
    expect((error as Error).message).toMatch(/folder .*nope does not exist/);
  });

  it('writes into a FIFO in place (with or without --force) and leaves it a FIFO', async () => {
    const dir = tempDir();
    const fifo = mkfifo(path.join(dir, 'pipe'));
    for (const force of [false, true]) {
      const read = readFifo(fifo);
      expect(await writeOutputFile(fifo, force, write(`{"force":${force}}`))).toEqual({ result: undefined, direct: true });
      expect(await read).toBe(`{"force":${force}}`);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
    }
    expect(readdirSync(dir)).toEqual(['pipe']);
  }, FIFO_TIMEOUT_MS);

  it('fails in one line naming a FIFO whose reader goes away before the end', async () => {
    const fifo = mkfifo(path.join(tempDir(), 'pipe'));
    const reader = createReadStream(fifo);
    reader.once('data', () => reader.destroy());
    // Far more than a pipe buffer, so writes go on after the reader has closed.
    const reports = (async function* () {
      for (let i = 0; i < 1000; i++) yield { pad: 'x'.repeat(65_536) } as unknown as SessionReport;
    })();
    const error = await writeOutputFile(fifo, false, (out) => writeExport(out, reports, new Date())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RadiumError);
    expect((error as Error).message).toBe(`${fifo} was closed by its reader before the export was complete: keep the reader open until the end.`);
  }, FIFO_TIMEOUT_MS);

  it('stops with that error when the reader goes away while the next session is read', async () => {
    const fifo = mkfifo(path.join(tempDir(), 'pipe'));
    const reader = createReadStream(fifo);
    reader.once('data', () => reader.destroy());
    // Small sessions each accepted at once, with a pause between them: the failure arrives while nobody waits for it.
    const reports = (async function* () {
      for (let i = 0; i < 100; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        yield { n: i } as unknown as SessionReport;
      }
    })();
    const error = await writeOutputFile(fifo, false, (out) => writeExport(out, reports, new Date())).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/was closed by its reader before the export was complete/);
  }, FIFO_TIMEOUT_MS);

  it.each([false, true])('refuses a directory, naming it, and leaves it alone (force: %s)', async (force) => {
    const dir = path.join(tempDir(), 'folder');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'inside'), 'keep');
    let produced = false;
    const error = await writeOutputFile(dir, force, async () => void (produced = true)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputTypeError);
    expect((error as Error).message).toBe(
      `${dir} is a directory: --output must name a regular file, a FIFO or a character device such as /dev/stdout; choose another --output.`,
    );
    expect(produced).toBe(false);
    expect(lstatSync(dir).isDirectory()).toBe(true);
    expect(readdirSync(dir)).toEqual(['inside']);
    expect(readdirSync(path.dirname(dir))).toEqual(['folder']);
  });

  it('refuses a symbolic link to a directory and keeps the link', async () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'real'));
    const link = path.join(root, 'link');
    symlinkSync(path.join(root, 'real'), link);
    await expect(writeOutputFile(link, true, write('x'))).rejects.toThrow(`${link} is a symbolic link to a directory: --output must name`);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(path.join(root, 'real'))).toEqual([]);
  });

  it('refuses a socket', async () => {
    const socket = path.join(tempDir(), 's.sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      await expect(writeOutputFile(socket, true, write('x'))).rejects.toThrow(`${socket} is a socket: --output must name`);
      expect(lstatSync(socket).isSocket()).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses a dangling symbolic link, naming where it points', async () => {
    const root = tempDir();
    const link = path.join(root, 'link.json');
    symlinkSync(path.join(root, 'missing.json'), link);
    await expect(writeOutputFile(link, true, write('x'))).rejects.toThrow(
      `${link} is a symbolic link to ${path.join(root, 'missing.json')}, which does not exist: --output must name`,
    );
    expect(readdirSync(root)).toEqual(['link.json']);
  });

  it('replaces the file a symbolic link points to, with --force, and keeps the link', async () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'data'));
    const real = path.join(root, 'data', 'real.json');
    writeFileSync(real, 'old');
    const link = path.join(root, 'link.json');
    symlinkSync(real, link);
    await expect(writeOutputFile(link, false, write('new'))).rejects.toBeInstanceOf(OutputExistsError);
    expect(await writeOutputFile(link, true, write('new'))).toEqual({ result: undefined, direct: false });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(readdirSync(path.join(root, 'data'))).toEqual(['real.json']);
  });

  it('removes temps that crashed earlier exports left beside the file, not those of live processes or other files', async () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const crashed = [`.out.json.${dead}.0123456789ab.tmp`, `.out.json.${dead}.tmp`];
    const kept = [`.out.json.${process.pid}.0123456789ab.tmp`, `.other.json.${dead}.0123456789ab.tmp`];
    for (const name of [...crashed, ...kept]) writeFileSync(path.join(dir, name), 'half');
    await writeOutputFile(path.join(dir, 'out.json'), false, write('{}'));
    expect(readdirSync(dir).sort()).toEqual([...kept, 'out.json'].sort());
  });

  it('writes through a FIFO read by another process', async () => {
    const dir = tempDir();
    const fifo = mkfifo(path.join(dir, 'pipe'));
    const copy = path.join(dir, 'copy');
    const cat = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', fifo, copy]);
    const exited = new Promise((resolve) => cat.once('exit', resolve));
    await writeOutputFile(fifo, true, write('via cat'));
    expect(await exited).toBe(0);
    expect(readFileSync(copy, 'utf8')).toBe('via cat');
  }, FIFO_TIMEOUT_MS);
});
