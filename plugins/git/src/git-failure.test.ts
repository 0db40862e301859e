import { describe, expect, it } from 'vitest';
import { describeGitFailure, GitUnavailableError } from './git-failure.js';

describe('describeGitFailure', () => {
  it('names the usual reasons in words a user can act on', () => {
    expect(describeGitFailure(new Error('Error: spawn git ENOENT\n    at ChildProcess'))).toBe('git is not installed');
    expect(describeGitFailure(new Error('fatal: not a git repository (or any of the parent directories): .git\n'))).toBe('not a git repository');
    expect(describeGitFailure(new GitUnavailableError('not inside a git working tree'))).toBe('not inside a git working tree');
  });

  it('keeps the first line of any other git message, without its `fatal:`', () => {
    expect(describeGitFailure(new Error('\nfatal: detected dubious ownership in repository at x\nTo add an exception...'))).toBe(
      'git failed: detected dubious ownership in repository at x',
    );
  });
});
