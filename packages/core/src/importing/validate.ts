import { PluginError } from '../errors.js';
import type { PluginCandidate } from '../plugin/validate.js';
import { IMPORTER_API_VERSION, type AnyImporter } from './contract.js';

const ID = /^[a-z][a-z0-9-]{0,63}$/;

const fn = (v: unknown): boolean => typeof v === 'function';

/** Checks that a value satisfies the importer contract; throws PluginError naming what is missing. */
export function validateImporter(value: unknown, source: string): AnyImporter {
  if (typeof value !== 'object' || value === null) throw new PluginError(source, 'did not export an importer object');
  const p = value as Partial<AnyImporter>;
  const id = typeof p.id === 'string' ? p.id : source;
  if (typeof p.id !== 'string' || !ID.test(p.id)) throw new PluginError(source, `has an invalid importer id ${JSON.stringify(p.id)} (want ${ID.source})`);
  if (p.apiVersion !== IMPORTER_API_VERSION) {
    throw new PluginError(id, `was written for importer API ${String(p.apiVersion)}, this rad implements ${IMPORTER_API_VERSION}: install a matching version`);
  }
  if (typeof p.title !== 'string' || typeof p.description !== 'string') throw new PluginError(id, 'needs a title and a description');
  if (p.engine !== undefined && typeof p.engine !== 'string') throw new PluginError(id, '`engine` must be a string');
  if (p.options !== undefined && !fn((p.options as { safeParse?: unknown }).safeParse)) throw new PluginError(id, '`options` must be a schema with safeParse');
  for (const member of ['defaultSources', 'discover', 'parse'] as const) {
    if (!fn(p[member])) throw new PluginError(id, `needs a \`${member}\` function`);
  }
  for (const member of ['recordTime', 'wantsLine'] as const) {
    if (p[member] !== undefined && !fn(p[member])) throw new PluginError(id, `\`${member}\` must be a function`);
  }
  return p as AnyImporter;
}

/** Validates importer candidates, drops duplicates (first wins) and reports every problem through `warn`. */
export function resolveImporters(candidates: PluginCandidate[], warn: (message: string) => void): AnyImporter[] {
  const out: AnyImporter[] = [];
  const seen = new Map<string, string>();
  for (const { source, value } of candidates) {
    for (const item of Array.isArray(value) ? value : [value]) {
      try {
        const importer = validateImporter(item, source);
        const first = seen.get(importer.id);
        if (first) {
          warn(`Importer ${importer.id} from ${source} ignored: ${first} already provides that id.`);
          continue;
        }
        seen.set(importer.id, source);
        out.push(importer);
      } catch (error) {
        warn(error instanceof PluginError ? `${error.message}; it was skipped.` : `Importer from ${source} failed to load: ${(error as Error).message}`);
      }
    }
  }
  return out;
}
