/** Where the sections start in a report written with two-space indentation, and the line that ends them. */
const SECTIONS_START = '\n  "sections": {';
const SECTIONS_END = '\n  }';
/** A report's text with the value of its sections replaced by `{}`, and a test of whether a section was taken out. */
export interface ReportWithoutSections {
  text: string;
  had: (plugin: string) => boolean;
}

/**
 * Cuts the sections out of a report's text before it is parsed, for readers that need only the
 * envelope and the facts (the store, rebuilding from every report): the sections are about half of
 * a report, and parsing them is most of what reading it costs. Only text laid out as this tool writes
 * reports (JSON.stringify with two-space indentation) is cut; in that layout a raw newline never
 * occurs inside a string, a line indented by two spaces holds a top-level key or closes a top-level
 * value, and one indented by four spaces starts a key of a top-level object. Undefined for any other
 * layout (a compact report, or one edited into another shape), which is then parsed whole.
 */
export function withoutSections(text: string): ReportWithoutSections | undefined {
  if (!text.startsWith('{\n  "')) return undefined;
  const start = text.indexOf(SECTIONS_START);
  if (start < 0) return undefined;
  const open = start + SECTIONS_START.length;
  // `{}` (no sections): nothing to cut.
  if (text.charCodeAt(open) !== 10) return undefined;
  const close = text.indexOf(SECTIONS_END, open);
  if (close < 0) return undefined;
  const after = text.charCodeAt(close + SECTIONS_END.length);
  // `}` then `,` (more keys) or a newline (the last key): anything else is not this layout.
  if (after !== 44 && after !== 10) return undefined;
  // A key directly inside the sections is indented by four spaces (plugin ids need no escaping).
  const had = (plugin: string) => {
    const at = text.indexOf(`\n    ${JSON.stringify(plugin)}: `, open);
    return at >= 0 && at < close;
  };
  return { text: `${text.slice(0, open)}}${text.slice(close + SECTIONS_END.length)}`, had };
}
