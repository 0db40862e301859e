import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** Gemini CLI's project hash: sha256 of the project root path. */
export function projectHash(root: string): string {
  return createHash('sha256').update(root).digest('hex');
}

const HASH = /^[0-9a-f]{64}$/;
/** Subfolders below the workspace tried against hashed project folders. */
const MAX_CANDIDATES = 2000;

/** Folders a Gemini session inside the workspace may have been started in: the root and its subfolders two levels down. */
export function candidateRoots(workspace: string): string[] {
  const out = new Set<string>([workspace]);
  try {
    out.add(realpathSync(workspace));
  } catch {
    // The given path is enough.
  }
  const walk = (dir: string, depth: number): void => {
    if (depth > 2 || out.size >= MAX_CANDIDATES) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const sub = path.join(dir, entry.name);
      out.add(sub);
      walk(sub, depth + 1);
    }
  };
  walk(workspace, 1);
  return [...out];
}

/** Resolves Gemini project folders (`tmp/<id>`) to the directory the sessions ran in. */
export class ProjectRoots {
  private registry: Map<string, string> | undefined;
  private hashes: Map<string, string> | undefined;

  constructor(
    /** The `.gemini` folder (holding `projects.json`), when known. */
    private readonly geminiDir: string | undefined,
    /** Workspace whose folders are tried against hashed project ids. */
    private readonly workspace: string,
  ) {}

  private fromRegistry(id: string): string | undefined {
    if (!this.registry) {
      this.registry = new Map();
      try {
        const data = JSON.parse(readFileSync(path.join(this.geminiDir ?? '', 'projects.json'), 'utf8')) as { projects?: Record<string, unknown> };
        for (const [root, slug] of Object.entries(data.projects ?? {})) if (typeof slug === 'string') this.registry.set(slug, root);
      } catch {
        // No registry (older Gemini CLI): hashed folders only.
      }
    }
    return this.registry.get(id);
  }

  private fromHash(id: string): string | undefined {
    if (!HASH.test(id)) return undefined;
    this.hashes ??= new Map(candidateRoots(this.workspace).map((dir) => [projectHash(dir), dir]));
    return this.hashes.get(id);
  }

  /** The project root of a project folder: its `.project_root` marker, the `projects.json` registry, or a workspace folder with that hash. */
  resolve(projectDir: string): string | undefined {
    let marker: string | undefined;
    try {
      marker = readFileSync(path.join(projectDir, '.project_root'), 'utf8');
    } catch {
      // No marker: the registry or a hash says where.
    }
    if (marker?.trim()) return marker.trim();
    const id = path.basename(projectDir);
    return this.fromRegistry(id) ?? this.fromHash(id);
  }
}
