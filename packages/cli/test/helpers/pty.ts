import { spawn } from 'node:child_process';
import { BIN, baseEnv } from './rad.js';

// A pseudo-terminal through Python's standard `pty` module (python3 is on every CI image: node-gyp
// needs it), so no native Node module is needed. The child gets the terminal as stdin, stdout and
// stderr, sized before it starts; the parent relays the terminal's output to its stdout and its
// own stdin (the test's keys) to the terminal, and exits with the child's exit code.
const RELAY = `
import fcntl, os, pty, select, struct, sys, termios
rows, cols, argv = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    os.execvp(argv[0], argv)
keys_open = True
while True:
    ready, _, _ = select.select([fd] + ([0] if keys_open else []), [], [])
    if fd in ready:
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b''
        if not data:
            break
        os.write(1, data)
    if 0 in ready:
        data = os.read(0, 1024)
        if data:
            os.write(fd, data)
        else:
            keys_open = False
code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
sys.exit(code if code >= 0 else 128 - code)
`;

/** `rad …` running in a pseudo-terminal: its screen output so far, keys to type, and its exit. */
export interface PtyRun {
  /** Everything written to the terminal so far, escape sequences included. */
  output(): string;
  /** Waits until the output (from `from` on) matches; fails after `timeoutMs` with what was seen. */
  waitFor(pattern: RegExp, options?: { from?: number; timeoutMs?: number }): Promise<string>;
  /** Types keys. */
  type(keys: string): void;
  /** Resolves with the exit code once rad has exited. */
  exited: Promise<number>;
  /** Stops rad if it is still running (for cleanup after a failed test). */
  kill(): void;
}

/** Runs `rad …` in a `rows` × `columns` pseudo-terminal. */
export function radInPty(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; rows?: number; columns?: number }): PtyRun {
  const child = spawn('python3', ['-c', RELAY, String(options.rows ?? 60), String(options.columns ?? 100), process.execPath, BIN, ...args], {
    cwd: options.cwd,
    env: { ...baseEnv(), TERM: 'xterm-256color', ...options.env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let text = '';
  const listeners = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
    for (const listener of listeners) listener();
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
  return {
    output: () => text,
    waitFor(pattern, { from = 0, timeoutMs = 20_000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(text.slice(from))) return false;
          clearTimeout(timer);
          listeners.delete(onData);
          resolve(text.slice(from));
          return true;
        };
        const onData = () => void check();
        const timer = setTimeout(() => {
          listeners.delete(onData);
          reject(new Error(`No ${pattern} within ${timeoutMs} ms; the terminal showed:\n${JSON.stringify(text.slice(from))}`));
        }, timeoutMs);
        if (!check()) listeners.add(onData);
      });
    },
    type: (keys) => void child.stdin.write(keys),
    exited,
    kill: () => void child.kill('SIGKILL'),
  };
}
