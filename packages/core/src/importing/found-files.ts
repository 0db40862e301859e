import { promises as fs, statSync, type Stats } from 'node:fs';
import type { AnyImporter, FoundFile, ProjectScope } from './contract.js';

/** True when `dir` is a folder (following links). */
export async function isDirectory(dir: string): Promise<boolean> {
  return (await fs.stat(dir).catch(() => undefined))?.isDirectory() ?? false;
}

/** Every file the importer finds under `source`, in its order (its discover may list, return or stream them). */
export async function collect(importer: AnyImporter, source: string, scope: ProjectScope): Promise<FoundFile[]> {
  const listed = importer.discover(source, scope);
  if (Symbol.asyncIterator in Object(listed)) {
    const out: FoundFile[] = [];
    for await (const f of listed as AsyncIterable<FoundFile>) out.push(f);
    return out;
  }
  return [...(await (listed as Promise<FoundFile[]> | FoundFile[]))];
}

/** A stat, or undefined on any error (the file is then unreadable to an import). */
export function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
