import type { FieldBlock, FieldRow, ViewBlock } from '@radium-stats/core';

/** Blocks and rows without an order go after those with one. */
const LAST = Number.MAX_SAFE_INTEGER;

const byOrder = <T extends { order?: number }>(a: T, b: T): number => (a.order ?? LAST) - (b.order ?? LAST);

/**
 * Merges field blocks that share a title (several plugins add rows to `Interaction Summary`), sorts
 * rows by order (ties keep plugin order, as Array#sort is stable) and blocks by order.
 */
export function arrangeBlocks(blocks: readonly ViewBlock[]): ViewBlock[] {
  const out: ViewBlock[] = [];
  const fields = new Map<string, FieldBlock & { rows: FieldRow[] }>();
  for (const block of blocks) {
    if (block.kind !== 'fields') {
      out.push(block);
      continue;
    }
    const seen = fields.get(block.title);
    if (seen) {
      seen.rows.push(...block.rows);
      if (seen.order === undefined && block.order !== undefined) seen.order = block.order;
      continue;
    }
    const copy = { ...block, rows: [...block.rows] };
    fields.set(block.title, copy);
    out.push(copy);
  }
  for (const block of fields.values()) block.rows.sort(byOrder);
  return out.sort(byOrder);
}
