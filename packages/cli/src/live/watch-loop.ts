/** The terminal a watch draws on: a TTY for keys in, a TTY for frames out. */
export interface WatchTerminal {
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
}

/** One drawing of the watched thing, and whether there is nothing more to watch. */
export interface Frame {
  text: string;
  done: boolean;
}

/** How a watch stopped, and the last frame it drew. */
export interface WatchEnd {
  /** `quit`: the user pressed q or Ctrl-C (or the process was told to stop); `done`: the last frame said so. */
  reason: 'quit' | 'done';
  last: Frame;
}

// The alternate screen keeps the user's scrollback as it was; the cursor is hidden while frames redraw.
const ENTER = '\u001b[?1049h\u001b[?25l';
const LEAVE = '\u001b[?25h\u001b[?1049l';
const HOME = '\u001b[H';
const CLEAR_LINE_END = '\u001b[K';
const CLEAR_BELOW = '\u001b[J';
/** Keys that quit: q, Q and Ctrl-C (raw mode delivers it as a byte, not as SIGINT). */
const QUIT_KEYS = /[qQ\u0003]/;

/** A frame cut to the window's height: past the bottom a terminal scrolls, and the next frame would not draw in place. */
function fitHeight(text: string, rows: number | undefined): string[] {
  const lines = text.split('\n');
  if (!rows || lines.length <= rows) return lines;
  const kept = Math.max(0, rows - 1);
  return [...lines.slice(0, kept), `… ${lines.length - kept} more lines: make the window taller to see them.`];
}

/**
 * Redraws `draw`'s frames in place on the alternate screen every `intervalMs` (and at once when the
 * window is resized) until a frame is done or the user quits, then restores the terminal: main
 * screen, cursor, cooked keyboard. Resolves with the last frame; an error from `draw` restores the
 * terminal too and is passed on.
 */
export async function watch(terminal: WatchTerminal, intervalMs: number, draw: (columns: number | undefined) => Promise<Frame>): Promise<WatchEnd> {
  const { input, output } = terminal;
  let quit!: () => void;
  const quitting = new Promise<'quit'>((resolve) => (quit = () => resolve('quit')));
  let wake = () => {};
  const onKey = (data: Buffer | string) => {
    if (QUIT_KEYS.test(String(data))) quit();
  };
  const onResize = () => wake();
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  input.setRawMode(true);
  input.on('data', onKey);
  input.resume();
  output.on('resize', onResize);
  for (const signal of signals) process.on(signal, quit);
  output.write(ENTER);
  let stopped = false;
  void quitting.then(() => (stopped = true));
  try {
    for (;;) {
      const frame = await draw(output.columns);
      output.write(`${HOME}${fitHeight(frame.text, output.rows).map((line) => line + CLEAR_LINE_END).join('\n')}${CLEAR_BELOW}`);
      if (frame.done) return { reason: 'done', last: frame };
      let timer: NodeJS.Timeout | undefined;
      const tick = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, intervalMs);
        wake = resolve;
      });
      await Promise.race([tick, quitting]);
      clearTimeout(timer);
      if (stopped) return { reason: 'quit', last: frame };
    }
  } finally {
    for (const signal of signals) process.off(signal, quit);
    output.off('resize', onResize);
    input.off('data', onKey);
    input.setRawMode(false);
    input.pause();
    output.write(LEAVE);
  }
}
