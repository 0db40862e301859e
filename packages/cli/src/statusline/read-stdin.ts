/** Longest status line input read; Claude Code sends a few KB. */
const MAX_BYTES = 1024 * 1024;

/**
 * The text piped to stdin, or '' for a terminal (someone trying the command by hand). Gives up
 * after `timeoutMs` with what arrived, so a writer that never closes the pipe cannot hang the status bar.
 */
export function readStdin(stream: NodeJS.ReadStream = process.stdin, timeoutMs = 1000): Promise<string> {
  const handed = handedOver();
  if (handed !== undefined) return Promise.resolve(handed);
  if (stream.isTTY) return Promise.resolve('');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const finish = () => {
      clearTimeout(timer);
      stream.removeAllListeners('data');
      // Whatever is still unread would keep the process alive.
      stream.destroy();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const timer = setTimeout(finish, timeoutMs);
    stream.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      bytes += chunk.length;
      if (bytes >= MAX_BYTES) finish();
    });
    stream.once('end', finish);
    stream.once('error', finish);
  });
}

/**
 * Where the cached answer leaves the input it read when it cannot answer: stdin can be read once, and
 * the full command runs next in the same process. A global, not a module variable, so that it holds
 * however the bundler splits the two entries' modules.
 */
const HANDOVER = Symbol.for('radium-stats.statusline.stdin');

/** Leaves stdin's text for the `readStdin` of the full command that runs next in this process. */
export function handOverStdin(text: string): void {
  (globalThis as Record<symbol, unknown>)[HANDOVER] = text;
}

function handedOver(): string | undefined {
  const text = (globalThis as Record<symbol, unknown>)[HANDOVER];
  return typeof text === 'string' ? text : undefined;
}
