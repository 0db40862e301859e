// Controls (C0, DEL, C1), invisible format characters (bidi overrides, isolates and marks, zero-width
// characters, BOM, tag characters) and the line/paragraph separators: each can make text lie about
// its order or its content, move the cursor, or break a line where none is shown.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** Makes an untrusted string (model name, tool name, path) safe to print: such characters become `\xNN` / `\u{NNNN}`. */
export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}
