import { promises as fs } from 'node:fs';
import type { FoundFile, RecordParser } from './contract.js';
import { readLines } from './line-reader.js';

/** Line counts of one or more passes. */
export interface LineCounts {
  /** Lines that were not valid JSON. */
  invalid: number;
  /** Lines over the length limit. */
  overlong: number;
  /** Unfinished last lines left for a later run. */
  torn: number;
}

/** How one pass reads. */
export interface PassOptions {
  /** Offset to start at. */
  start: number;
  /** Offset to stop at (the size the run saw). */
  end: number;
  /** Longest line read, in bytes. */
  maxLineBytes: number;
  /** The importer's line pre-check. */
  wantsLine?: (head: string) => boolean;
  /** Progress, in bytes. */
  onBytes?: (bytes: number) => void;
  /** True once the sink has stopped the session (out of scope, a duplicate, a restart): the read ends there. */
  stopped?: () => boolean;
}

/** A document file larger than this is skipped: it would have to be held whole. */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

/** Why a file cannot be read as one document, or undefined when it can. */
export function documentTooLarge(file: FoundFile, size: number): string | undefined {
  return file.format === 'json' && size > MAX_DOCUMENT_BYTES ? `larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB` : undefined;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * Feeds a file's records to a parser, from `start` to `end` (the caller checks `documentTooLarge`
 * first), and returns the offset consumed:
 * just past the last complete line. Bad lines are counted and skipped; an unfinished last line is
 * left unconsumed (counted as torn) unless it is already complete JSON.
 */
export async function readPass(file: FoundFile, parser: RecordParser<unknown>, options: PassOptions, counts: LineCounts): Promise<number> {
  if (file.format === 'json') {
    const text = (await fs.readFile(file.path)).subarray(0, options.end).toString('utf8');
    options.onBytes?.(options.end);
    const parsed = parseJson(text);
    if (parsed.ok) parser.record(parsed.value);
    else counts.invalid += 1;
    return options.end;
  }
  const result = await readLines(
    file.path,
    { start: options.start, end: options.end, maxLineBytes: options.maxLineBytes, wantsLine: options.wantsLine, onBytes: options.onBytes },
    (text) => {
      if (text.trim() === '') return;
      const parsed = parseJson(text);
      if (parsed.ok) parser.record(parsed.value);
      else counts.invalid += 1;
      return options.stopped?.() ? 'stop' : undefined;
    },
  );
  counts.overlong += result.overlong;
  if (options.stopped?.()) return result.consumed;
  if (result.tail?.kind === 'text') {
    const parsed = result.tail.text.trim() === '' ? { ok: false as const } : parseJson(result.tail.text);
    if (parsed.ok) {
      parser.record(parsed.value);
      return result.tail.end;
    }
  }
  if (result.tail && !(result.tail.kind === 'text' && result.tail.text.trim() === '')) counts.torn += 1;
  return result.consumed;
}
