// C0 and C1 controls, DEL, and the bidi overrides that can make text lie about its order.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Makes an untrusted string (model name, tool name, path) safe to print: controls become `\xNN` / `\u{NNNN}`. */
export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}
