import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../store/atomic-write.js';

/** Version of the index's file layout; an index of another version is rebuilt. */
export const INDEX_FORMAT = 3;
/** File name of the manifest inside the index folder. */
export const MANIFEST = 'manifest.json';

const key = z.tuple([z.number(), z.string()]);

/** One segment: a run of consecutive sessions in history order, stored in three immutable files. */
export const segmentMetaSchema = z.object({
  /** Base name of the segment's files (`<name>.keys.json`, `<name>.rows.jsonl`, `<name>.merged.json`). */
  name: z.string().regex(/^seg-[a-z0-9-]+$/),
  /** Sessions in the segment. */
  count: z.number().int().positive(),
  /** Key of the newest and of the oldest session in it. */
  newest: key,
  oldest: key,
  /** Plugin id to the fingerprint its sections in this segment were summarized with. */
  plugins: z.record(z.string(), z.string()),
  /** Byte sizes of the segment's files, so a truncated file is noticed before it is trusted. */
  bytes: z.object({ keys: z.number().int().nonnegative(), rows: z.number().int().nonnegative(), merged: z.number().int().nonnegative() }),
  /** True when no rows file was written (older segments of a full build): rows are read from the reports when needed. */
  noRows: z.literal(true).optional(),
});

const dirStampSchema = z.object({ mtimeMs: z.number(), ino: z.number(), racy: z.boolean() });
const logStampSchema = z.object({ size: z.number().int().nonnegative(), ino: z.number() });

/** A report that could not be read, remembered so it is not re-read (and is warned about) until it changes. */
export const brokenEntrySchema = z.object({ id: z.string(), size: z.number(), mtimeMs: z.number(), message: z.string() });

/** The index's root file: what the sessions folder looked like and which segments describe it. */
export const manifestSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  /** Stamp of the sessions folder when it was last listed, null when it did not exist. */
  sessions: dirStampSchema.nullable(),
  /** How much of the change log has been taken into account. */
  log: logStampSchema.nullable(),
  /** Segments, newest sessions first. */
  segments: z.array(segmentMetaSchema),
  /** Sessions with a journal and no report (live or abandoned); folded on demand. */
  journals: z.array(z.string()),
  /** Report files that could not be read. */
  broken: z.array(brokenEntrySchema),
  /** Segment files no longer referenced, with when they were dropped; deleted after a grace period. */
  retired: z.array(z.object({ name: z.string(), at: z.number() })),
});

export type SegmentMeta = z.infer<typeof segmentMetaSchema>;
export type BrokenEntry = z.infer<typeof brokenEntrySchema>;
export type Manifest = z.infer<typeof manifestSchema>;

/** Reads the manifest; undefined when it is missing, unreadable or of another format (the index is a cache, so it is simply rebuilt). */
export function readManifest(indexDir: string): Manifest | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(indexDir, MANIFEST), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces the manifest atomically: readers see the old index or the new one, never a mix. */
export async function writeManifest(indexDir: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(path.join(indexDir, MANIFEST), JSON.stringify(manifest));
}
