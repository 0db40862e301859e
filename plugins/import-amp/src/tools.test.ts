import { describe, expect, it } from 'vitest';
import { editLines, runOutcome } from './tools.js';

describe('runOutcome', () => {
  it('reads done, a failed exit code, errors, cancellations and refusals, and nothing for a run still going', () => {
    expect(runOutcome({ status: 'done', result: { output: 'ok', exitCode: 0 } })).toEqual({ success: true });
    expect(runOutcome({ status: 'done', result: 'file contents' })).toEqual({ success: true });
    expect(runOutcome({ status: 'done', result: { exitCode: 2 } })).toEqual({ success: false, error: 'exit code 2' });
    expect(runOutcome({ status: 'error', error: { message: 'ENOENT: no such file\nstack' } })).toEqual({ success: false, error: 'ENOENT: no such file' });
    expect(runOutcome({ status: 'error', error: 'boom' })).toEqual({ success: false, error: 'boom' });
    expect(runOutcome({ status: 'error' })).toEqual({ success: false });
    expect(runOutcome({ status: 'cancelled' })).toEqual({ success: false, error: 'cancelled' });
    expect(runOutcome({ status: 'rejected-by-user' })).toEqual({ success: false, error: 'rejected by user', decision: 'reject' });
    expect(runOutcome({ status: 'in-progress' })).toBeUndefined();
    expect(runOutcome({ status: 'blocked-on-user' })).toBeUndefined();
    expect(runOutcome(undefined)).toBeUndefined();
  });
});

describe('editLines', () => {
  it('counts the lines an edit_file replaced without the lines it kept, and every line create_file wrote', () => {
    expect(editLines('edit_file', { path: '/p/a.ts', old_str: 'a\nb\nc\n', new_str: 'a\nB\nB2\nc\n' })).toEqual({ path: '/p/a.ts', added: 2, removed: 1 });
    expect(editLines('edit_file', { path: '/p/a.ts', old_str: 'x', new_str: '' })).toEqual({ path: '/p/a.ts', added: 0, removed: 1 });
    expect(editLines('edit_file', { path: '/p/a.ts', old_str: 'same', new_str: 'same' })).toBeUndefined();
    expect(editLines('create_file', { path: '/p/b.ts', content: 'one\ntwo\n' })).toEqual({ path: '/p/b.ts', added: 2, removed: 0 });
    expect(editLines('create_file', { path: '/p/b.ts', content: '' })).toBeUndefined();
    expect(editLines('Bash', { cmd: 'rm -rf x' })).toBeUndefined();
    expect(editLines('edit_file', { old_str: 'a', new_str: 'b' })).toBeUndefined();
  });
});
