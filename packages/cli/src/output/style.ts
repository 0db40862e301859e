/** How human output may be styled. */
export interface OutputStyle {
  /** Whether ANSI styling is allowed. */
  color: boolean;
  /** A heading: bold when color is allowed. */
  heading(text: string): string;
}

/** Plain output, for files, pipes and tests. */
export const plainStyle: OutputStyle = { color: false, heading: (text) => text };

/**
 * Bold headings only on a TTY, never with NO_COLOR set (https://no-color.org); FORCE_COLOR (not `0`)
 * forces styling on for pipes. Decided here for the stream we actually write to, then plain SGR
 * codes are used (node:util styleText would check process.stdout instead).
 */
export function outputStyle(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): OutputStyle {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const force = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const color = !noColor && (force || stream.isTTY === true);
  return color ? { color, heading: (text) => `\u001b[1m${text}\u001b[22m` } : plainStyle;
}
