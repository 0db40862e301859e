import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Numbered lines `prefix1\n…prefixN\n`, so line counts in tests are plain to read. */
export function lines(prefix: string, n: number): string {
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}\n`).join('');
}

/** A real git repository in a temp folder, driven with the git command line. */
export class TestRepo {
  constructor(readonly dir: string) {}

  /** Runs `git init` in `dir` with a local identity (never the global config). */
  static init(dir: string): TestRepo {
    const repo = new TestRepo(dir);
    repo.git('init', '-q');
    repo.git('config', 'user.name', 'Test User');
    repo.git('config', 'user.email', 'test@example.com');
    repo.git('config', 'commit.gpgsign', 'false');
    return repo;
  }

  /** Runs git in the repository and returns its stdout. */
  git(...args: string[]): string {
    return this.gitWith({}, ...args);
  }

  /** Runs git with extra environment variables (commit dates, a time zone). */
  gitWith(env: Record<string, string>, ...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: { ...process.env, LC_ALL: 'C', ...env }, encoding: 'utf8' });
  }

  /** Writes a file (creating folders) relative to the repository. */
  write(file: string, content: string | Buffer): void {
    const full = path.join(this.dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }

  /** Reads a file relative to the repository. */
  read(file: string): string {
    return readFileSync(path.join(this.dir, file), 'utf8');
  }

  /** Deletes a file relative to the repository. */
  remove(file: string): void {
    rmSync(path.join(this.dir, file));
  }

  /** Stages everything (`git add -A`) and commits, optionally with author and committer dates. */
  commitAll(message: string, date?: string): void {
    this.commit(message, ['-A'], date);
  }

  /** Stages the given paths and commits, optionally with author and committer dates. */
  commit(message: string, paths: string[], date?: string): void {
    this.git('add', ...paths);
    this.gitWith(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}, 'commit', '-q', '--no-verify', '-m', message);
  }

  /** The raw bytes of the repository's index file, to prove it was not touched. */
  indexBytes(): Buffer {
    return readFileSync(path.join(this.dir, '.git', 'index'));
  }
}
