// What JSON.stringify leaves raw that a terminal or viewer may act on: DEL, C1 controls, invisible
// format characters (bidi overrides/isolates/marks, zero-width characters, BOM) and U+2028/U+2029.
// C0 controls are left out on purpose: JSON.stringify escapes them inside strings, so any left in its
// output are the layout's own newlines.
const UNSAFE_IN_JSON = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/gu;

const unitEscape = (unit: number): string => `\\u${unit.toString(16).padStart(4, '0')}`;

/**
 * JSON.stringify, with every character it leaves raw but a terminal may act on written as a `\uXXXX`
 * escape (a pair of them above U+FFFF). Such characters only occur inside strings, so the text still
 * parses to the same value. Every JSON that rad prints or writes for users goes through here.
 */
export function toSafeJson(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent);
  return json.replace(UNSAFE_IN_JSON, (ch) => (ch.length === 1 ? unitEscape(ch.charCodeAt(0)) : unitEscape(ch.charCodeAt(0)) + unitEscape(ch.charCodeAt(1))));
}
