import type { ViewBlock } from '@radium-stats/core';

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringRow = (v: unknown): boolean => Array.isArray(v) && v.every(isString);
const isOrder = (v: unknown): boolean => v === undefined || (typeof v === 'number' && Number.isFinite(v));

function isField(row: unknown): boolean {
  const r = row as { label?: unknown; value?: unknown; indent?: unknown; order?: unknown };
  return typeof row === 'object' && row !== null && isString(r.label) && isString(r.value) && isOrder(r.indent) && isOrder(r.order);
}

/** True when a value a plugin returned is a block the renderer can draw. */
export function isViewBlock(value: unknown): value is ViewBlock {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as Record<string, unknown>;
  if (!isOrder(b.order) || (b.title !== undefined && !isString(b.title))) return false;
  switch (b.kind) {
    case 'fields':
      return isString(b.title) && Array.isArray(b.rows) && b.rows.every(isField);
    case 'table':
      return (
        Array.isArray(b.columns) &&
        b.columns.every((c) => typeof c === 'object' && c !== null && isString((c as { header?: unknown }).header)) &&
        Array.isArray(b.rows) &&
        b.rows.every(isStringRow) &&
        (b.footer === undefined || (Array.isArray(b.footer) && b.footer.every(isStringRow)))
      );
    case 'note':
      return isString(b.text);
    default:
      return false;
  }
}

/** Keeps the well-formed blocks a plugin returned; anything else is one warning naming the plugin. */
export function checkBlocks(pluginId: string, what: string, value: unknown, warn: (message: string) => void): ViewBlock[] {
  if (!Array.isArray(value)) {
    warn(`Plugin ${pluginId} returned no list of blocks from ${what}; its output is left out.`);
    return [];
  }
  const good = value.filter(isViewBlock);
  if (good.length < value.length) warn(`Plugin ${pluginId} returned a malformed block from ${what}; it was left out.`);
  return good;
}
