/**
 * How many columns human output may use: the terminal's width on a TTY, else `COLUMNS` when set
 * (so scripts and tests can ask for a width), else undefined: no limit, each view at its widest.
 */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv): number | undefined {
  if (stream.isTTY && stream.columns) return stream.columns;
  const columns = Number(env['COLUMNS']);
  return Number.isInteger(columns) && columns > 0 ? columns : undefined;
}
