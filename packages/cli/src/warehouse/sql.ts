/**
 * The one place SQL literals and identifiers are built for ClickHouse. ClickHouse 18.16 has no query
 * parameters over HTTP, so every value a statement names (a database, a table, a filter value) goes
 * through here; row data never does (it travels as JSONEachRow).
 */

/** Control characters ClickHouse reads back from a named escape; the others are written as `\xNN`. */
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '\\0', '\b': '\\b', '\f': '\\f' };

/** `text` escaped for the inside of `quote`s: that quote and backslash get a backslash, control characters an escape. */
function escape(text: string, quote: "'" | '`'): string {
  return text.replace(/[\\'`\u0000-\u001f\u007f]/g, (c) => {
    if (c === "'" || c === '`') return c === quote ? `\\${c}` : c;
    if (c === '\\') return '\\\\';
    return NAMED[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/** A ClickHouse string literal holding `value` exactly: `'...'` with backslash escapes. */
export function sqlString(value: string): string {
  return `'${escape(value, "'")}'`;
}

/** A ClickHouse identifier (database, table or column) holding `name` exactly: `` `...` `` with backslash escapes. */
export function sqlIdentifier(name: string): string {
  return `\`${escape(name, '`')}\``;
}

/** `database`.`table`. */
export function sqlTable(database: string, table: string): string {
  return `${sqlIdentifier(database)}.${sqlIdentifier(table)}`;
}
