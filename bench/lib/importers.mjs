// The Claude Code importer against ccusage, both reading the same generated transcripts.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeClaudeLogs } from './claude-logs.mjs';
import { runNode } from './measure.mjs';
import { freshScratch } from './scratch.mjs';

/** ccusage version pinned in bench/package.json: the native release (its launcher runs @ccusage/ccusage-linux-x64). */
export const CCUSAGE = 'ccusage 20.0.24';

/**
 * Runs `ccusage session` and `rad stats import claude-code` twice each on `sessions` generated
 * sessions (cached under `workDir`). A tool that cannot run is reported as skipped, with why.
 */
export function measureImporters({ repoRoot, workDir, rad, sessions, key }) {
  const root = path.join(workDir, `claude-${sessions}-${key}`);
  if (!existsSync(path.join(root, 'projects'))) {
    rmSync(root, { recursive: true, force: true });
    writeClaudeLogs(root, sessions);
  }
  const env = { CLAUDE_CONFIG_DIR: root };
  const out = {};
  try {
    const manifest = createRequire(path.join(repoRoot, 'bench/package.json')).resolve('ccusage/package.json');
    // The launcher users run (`npx ccusage`), which starts the native binary for this platform.
    const bin = path.join(path.dirname(manifest), JSON.parse(readFileSync(manifest, 'utf8')).bin.ccusage);
    out.ccusage = { first: runNode([bin, 'session', '--json', '--offline'], { env }), repeat: runNode([bin, 'session', '--json', '--offline'], { env }) };
  } catch (error) {
    out.ccusage = { skipped: error.message };
  }
  try {
    const workspace = path.join(workDir, 'import-ws');
    freshScratch(workspace);
    mkdirSync(path.join(workspace, '.radium/_internals/sessions'), { recursive: true });
    const args = rad('stats', 'import', 'claude-code', '--all-projects', '--workspace', workspace);
    out.rad = { first: runNode(args, { env }), repeat: runNode(args, { env }) };
  } catch (error) {
    out.rad = { skipped: error.message };
  }
  return out;
}
