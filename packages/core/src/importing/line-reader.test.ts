import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/index.js';
import { readLines } from './line-reader.js';

async function collect(file: string, options: Partial<Parameters<typeof readLines>[1]> = {}) {
  const lines: { text: string; end: number }[] = [];
  const result = await readLines(file, { start: 0, maxLineBytes: 1024, ...options }, (text, end) => lines.push({ text, end }));
  return { lines, result };
}

describe('readLines', () => {
  it('hands over complete lines with the offset just past each, across chunk boundaries', async () => {
    const file = path.join(tempDir(), 'a.jsonl');
    writeFileSync(file, '{"a":1}\n{"b":"é"}\r\n\n{"c":3}\n');
    const { lines, result } = await collect(file, { chunkBytes: 3 });
    expect(lines.map((l) => l.text)).toEqual(['{"a":1}', '{"b":"é"}', '{"c":3}']);
    expect(lines.map((l) => l.end)).toEqual([8, 20, 29]);
    expect(result).toMatchObject({ consumed: 29, overlong: 0, tail: null });
  });

  it('ends the read at the line whose handler says stop', async () => {
    const file = path.join(tempDir(), 'stop.jsonl');
    writeFileSync(file, '{"a":1}\n{"b":2}\n{"c":3}\n');
    const seen: string[] = [];
    const result = await readLines(file, { start: 0, maxLineBytes: 1024 }, (text) => (seen.push(text) === 2 ? 'stop' : undefined));
    expect(seen).toEqual(['{"a":1}', '{"b":2}']);
    expect(result).toMatchObject({ consumed: 16, tail: null });
  });

  it('leaves an unfinished last line unconsumed and reports it as the tail', async () => {
    const file = path.join(tempDir(), 'torn.jsonl');
    writeFileSync(file, '{"a":1}\n{"b":');
    const { lines, result } = await collect(file);
    expect(lines).toHaveLength(1);
    expect(result.consumed).toBe(8);
    expect(result.tail).toEqual({ kind: 'text', text: '{"b":', end: 13 });
  });

  it('starts at an offset and stops at an end offset', async () => {
    const file = path.join(tempDir(), 'range.jsonl');
    writeFileSync(file, '1\n22\n333\n');
    const { lines, result } = await collect(file, { start: 2, end: 5 });
    expect(lines.map((l) => l.text)).toEqual(['22']);
    expect(result.consumed).toBe(5);
  });

  it('skips lines the importer does not want without decoding them', async () => {
    const file = path.join(tempDir(), 'want.jsonl');
    writeFileSync(file, `{"type":"snapshot","x":"${'y'.repeat(5000)}"}\n{"type":"keep"}\n`);
    const { lines, result } = await collect(file, { maxLineBytes: 1 << 20, wantsLine: (head) => !head.includes('snapshot'), chunkBytes: 64 });
    expect(lines.map((l) => l.text)).toEqual(['{"type":"keep"}']);
    expect(result.ignored).toBe(1);
  });

  it('skips a 50 MB line in bounded memory and reads the lines around it', async () => {
    const file = path.join(tempDir(), 'huge.jsonl');
    writeFileSync(file, '{"before":1}\n{"type":"file-history-snapshot","blob":"');
    const block = 'x'.repeat(1 << 20);
    for (let i = 0; i < 50; i++) appendFileSync(file, block);
    appendFileSync(file, '"}\n{"after":2}\n');
    const before = process.memoryUsage().rss;
    let peak = before;
    const { lines, result } = await collect(file, { maxLineBytes: 8 << 20, onBytes: () => (peak = Math.max(peak, process.memoryUsage().rss)) });
    expect(lines.map((l) => l.text)).toEqual(['{"before":1}', '{"after":2}']);
    expect(result.overlong).toBe(1);
    expect(peak - before).toBeLessThan(40 << 20);
  });
});
