// Scratch folders the bench fills for one measurement. They are never deleted before or between
// measurements, only moved aside, and the pile is removed after the last measurement: on ext4
// without a journal (these machines), creating a file in the minutes after many deletions in the
// same block group makes the kernel skip every recently deleted inode first (`recently_deleted()`),
// and a create measured here went from ~0.06 ms to ~0.7 ms. Deleting a 20,000-file folder right
// before timing an import would put that cost on the tool measured.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const PILE = '.removed';

/** Moves `dir` into the pile beside it (a rename: no inode is freed), for removal once the bench has measured everything. */
export function discardScratch(dir) {
  if (!existsSync(dir)) return;
  const pile = path.join(path.dirname(dir), PILE);
  mkdirSync(pile, { recursive: true });
  renameSync(dir, path.join(pile, `${path.basename(dir)}-${process.pid}-${Date.now()}`));
}

/** Makes `dir` an empty folder, moving whatever was there into the pile. */
export function freshScratch(dir) {
  discardScratch(dir);
  mkdirSync(dir, { recursive: true });
}

/** Removes the pile under `workDir`: call after the last measurement. */
export function removeDiscarded(workDir) {
  rmSync(path.join(workDir, PILE), { recursive: true, force: true });
}
