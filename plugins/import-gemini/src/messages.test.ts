import { describe, expect, it } from 'vitest';
import { messageEvents, summarize } from './messages.js';

describe('Gemini messages', () => {
  it('counts lines from a diff when there is no diffStat, and skips unfinished calls', () => {
    const message = summarize({
      id: 'm',
      timestamp: '2026-05-01T09:00:00.000Z',
      type: 'gemini',
      model: 'gemini-2.5-pro',
      tokens: null,
      toolCalls: [
        { id: 'a', name: 'write_file', status: 'success', args: { file_path: '/p/x.ts' }, resultDisplay: { fileDiff: '--- x.ts\n+++ x.ts\n@@\n-a\n+b\n+c' } },
        { id: 'b', name: 'run_shell_command', status: 'executing' },
      ],
    });
    expect(messageEvents(message, undefined)).toEqual([
      { type: 'tool.call', ts: '2026-05-01T09:00:00.000Z', name: 'write_file', success: true },
      { type: 'file.edit', ts: '2026-05-01T09:00:00.000Z', path: '/p/x.ts', added: 2, removed: 1 },
    ]);
  });
});
