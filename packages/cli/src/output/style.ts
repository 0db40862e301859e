import { styleText } from 'node:util';

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
 * forces styling on for pipes. Decided here because node:util's styleText does not check on Node 20.
 */
export function outputStyle(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): OutputStyle {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const force = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const color = !noColor && (force || stream.isTTY === true);
  return color ? { color, heading: (text) => styleText('bold', text) } : plainStyle;
}
