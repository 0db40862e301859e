import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { SessionReport } from '@radium-stats/core';
import { writeExport } from './export-stream.js';
import { exportJsonSchema } from './schemas.js';

const report = (sessionId: string): SessionReport => ({
  schemaVersion: 1,
  sessionId,
  startTime: '2025-12-07T04:00:00.000Z',
  endTime: '2025-12-07T05:00:00.000Z',
  status: 'ended',
  source: 'journal',
  generatedAt: '2025-12-07T05:00:00.000Z',
  plugins: [],
  sections: {},
});

async function exported(reports: SessionReport[]): Promise<{ text: string; count: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const count = await writeExport(out, (async function* () { yield* reports; })(), new Date('2026-01-01T00:00:00Z'));
  out.end();
  return { text: Buffer.concat(chunks).toString('utf8'), count };
}

describe('writeExport', () => {
  it('writes one valid document, one report a line', async () => {
    const { text, count } = await exported([report('a'), report('b')]);
    expect(count).toBe(2);
    expect(text.split('\n')).toHaveLength(5);
    const doc = exportJsonSchema.parse(JSON.parse(text));
    expect(doc.sessions.map((s) => s.sessionId)).toEqual(['a', 'b']);
    expect(doc.exportedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('writes an empty list as valid JSON', async () => {
    const { text } = await exported([]);
    expect(JSON.parse(text)).toEqual({ schemaVersion: 1, exportedAt: '2026-01-01T00:00:00.000Z', sessions: [] });
  });
});
