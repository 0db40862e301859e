// `rad stats import claude-code` on one very large transcript, for its peak memory: the importer
// must stream a session it cannot hold (target: under 300 MB for 1 GB).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { discardScratch, freshScratch } from './scratch.mjs';
import { BIG_TRANSCRIPT_VERSION, ensureBigTranscript } from './big-transcript.mjs';
import { runNode } from './measure.mjs';

/**
 * Imports a generated transcript of `bytes` bytes (cached under `workDir`) once into an empty
 * workspace; returns its wall ms, peak RSS in MB and size, or why it was skipped.
 */
export function measureBigImport({ workDir, rad, bytes }) {
  const root = path.join(workDir, `claude-big-${bytes}-v${BIG_TRANSCRIPT_VERSION}`);
  const workspace = path.join(workDir, 'big-import-ws');
  try {
    const size = ensureBigTranscript(root, bytes);
    freshScratch(workspace);
    mkdirSync(path.join(workspace, '.radium/_internals/sessions'), { recursive: true });
    const run = runNode(rad('stats', 'import', 'claude-code', '--all-projects', '--json', '--workspace', workspace), { env: { CLAUDE_CONFIG_DIR: root }, capture: true });
    // A figure for an import that skipped the file (too long a line, a parse failure) would say nothing.
    const summary = JSON.parse(run.stdout);
    if (summary.sessions.imported.length !== 1 || summary.bytesRead !== size) {
      throw new Error(`expected 1 session from ${size} bytes, got ${summary.sessions.imported.length} from ${summary.bytesRead}`);
    }
    return { ms: run.ms, rssMb: run.rssMb, bytes: size };
  } catch (error) {
    return { skipped: error.message };
  } finally {
    // Its journal and report are tens of MB; the transcript stays cached.
    discardScratch(workspace);
  }
}
