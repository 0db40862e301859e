import { describe, expect, it } from 'vitest';
import { folderOf, NO_FOLDER, threadFolder, threadStart, timeOf } from './thread.js';

describe('thread facts', () => {
  it('takes the folder from the first tree, percent-decoded, and no folder from anything that is not a local file URI', () => {
    expect(folderOf('file:///Users/dev/my%20app')).toBe('/Users/dev/my app');
    expect(folderOf('https://example.com/repo')).toBeUndefined();
    expect(folderOf('/plain/path')).toBeUndefined();
    expect(threadFolder({ env: { initial: { trees: [{ uri: 'file:///a' }, { uri: 'file:///b' }] } } })).toBe('/a');
    expect(threadFolder({ env: { initial: { trees: [] } } })).toBe(NO_FOLDER);
  });

  it('starts a thread at created, else at its first message time, and refuses times no date can hold', () => {
    expect(threadStart({ created: 1768820400000 }, [])).toBe('2026-01-19T11:00:00.000Z');
    expect(threadStart({}, [{ role: 'user', meta: { sentAt: 1768820460000 } }])).toBe('2026-01-19T11:01:00.000Z');
    expect(threadStart({}, [{ role: 'assistant', usage: { timestamp: '2026-01-19T11:02:00Z' } }])).toBe('2026-01-19T11:02:00.000Z');
    expect(timeOf(1e20)).toBeUndefined();
    expect(threadStart({ created: 1e20 }, [])).toBeUndefined();
  });
});
