/**
 * `text` broken at spaces into lines of at most `width` characters (a word longer than that keeps
 * a line of its own); the text as it is when there is no limit.
 */
export function wrapText(text: string, width: number | undefined): string[] {
  if (width === undefined || text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}

/**
 * A line of text kept within `width` columns: broken at spaces, its continuation lines indented by
 * `indent` spaces, a word too long for a line cut with `…`. The line as it is without a limit.
 */
export function fitLine(line: string, width: number | undefined, indent = 4): string[] {
  if (width === undefined || line.length <= width) return [line];
  const lead = /^ */.exec(line)![0];
  const pad = lead + ' '.repeat(Math.max(0, Math.min(indent - lead.length, width - lead.length - 10)));
  const cut = (text: string, room: number) => (text.length > room ? `${text.slice(0, Math.max(1, room - 1))}…` : text);
  const [first = '', ...rest] = wrapText(line.slice(lead.length), width - lead.length);
  return [lead + cut(first, width - lead.length), ...wrapText(rest.join(' '), width - pad.length).filter((l) => l !== '').map((l) => pad + cut(l, width - pad.length))];
}
