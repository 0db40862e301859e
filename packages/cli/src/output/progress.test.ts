import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressListener, startProgress } from './progress.js';

/** A stream that records what was drawn on it, posing as a TTY or not. */
function stream(isTTY: boolean): NodeJS.WriteStream & { text: () => string } {
  const out = new PassThrough() as unknown as NodeJS.WriteStream & { text: () => string };
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString()));
  Object.assign(out, { isTTY, columns: 80, cursorTo: () => true, clearLine: () => true, moveCursor: () => true, text: () => chunks.join('') });
  return out;
}

describe('startProgress', () => {
  it('draws nothing on a pipe', () => {
    const out = stream(false);
    const progress = startProgress({ total: 3, label: 'Exporting', stream: out });
    progress.tick();
    progress.stop();
    expect(out.text()).toBe('');
  });

  it('draws nothing when disabled (--json), even on a TTY', () => {
    const out = stream(true);
    const progress = startProgress({ total: 3, label: 'Exporting', stream: out, enabled: false });
    progress.tick();
    progress.stop();
    expect(out.text()).toBe('');
  });

  it('draws a bar on a TTY and can be stopped twice', () => {
    const out = stream(true);
    const progress = startProgress({ total: 2, label: 'Exporting', stream: out });
    progress.tick(2);
    progress.stop();
    progress.stop();
    expect(out.text()).toContain('Exporting');
  });
});

describe('progressListener', () => {
  it('draws on a TTY while an index builds and clears when done', () => {
    const out = stream(true);
    const listen = progressListener('Indexing sessions', true, out);
    listen(0, 500);
    listen(250, 500);
    listen(500, 500);
    expect(out.text()).toContain('Indexing sessions');
  });

  it('stays silent when disabled', () => {
    const out = stream(true);
    const listen = progressListener('Indexing sessions', false, out);
    listen(0, 10);
    listen(10, 10);
    expect(out.text()).toBe('');
  });
});
