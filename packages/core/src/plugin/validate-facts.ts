import { PluginError } from '../errors.js';
import type { FactColumn, FactTable } from './facts.js';

const NAME = /^[a-z][a-z0-9_]{0,62}$/;
const RESERVED = new Set(['bucket', 'session_id', 'session_key']);

function checkColumns(pluginId: string, table: string, kind: 'dimension' | 'measure', columns: unknown, seen: Set<string>): void {
  if (!Array.isArray(columns)) throw new PluginError(pluginId, `fact table ${table} needs a \`${kind}s\` array`);
  const allowed = kind === 'dimension' ? ['text', 'integer'] : ['integer', 'real'];
  for (const column of columns as Partial<FactColumn>[]) {
    const name = column?.name;
    if (typeof name !== 'string' || !NAME.test(name) || RESERVED.has(name)) {
      throw new PluginError(pluginId, `fact table ${table} has an invalid ${kind} name ${JSON.stringify(name)} (want ${NAME.source}, not bucket, session_id or session_key)`);
    }
    if (seen.has(name)) throw new PluginError(pluginId, `fact table ${table} names column ${name} twice`);
    seen.add(name);
    if (!allowed.includes(column.type as string)) throw new PluginError(pluginId, `fact column ${table}.${name} has type ${JSON.stringify(column.type)}; a ${kind} is ${allowed.join(' or ')}`);
  }
}

/** Checks a plugin's fact declaration (names, types, no duplicates); throws PluginError naming what is wrong. */
export function validateFactTables(pluginId: string, tables: unknown): void {
  if (!Array.isArray(tables) || tables.length === 0) throw new PluginError(pluginId, '`facts.tables` must be a non-empty array');
  const names = new Set<string>();
  for (const table of tables as Partial<FactTable>[]) {
    const name = table?.name;
    if (typeof name !== 'string' || !NAME.test(name)) throw new PluginError(pluginId, `has an invalid fact table name ${JSON.stringify(name)} (want ${NAME.source})`);
    if (names.has(name)) throw new PluginError(pluginId, `declares fact table ${name} twice`);
    names.add(name);
    const columns = new Set<string>();
    checkColumns(pluginId, name, 'dimension', table.dimensions, columns);
    checkColumns(pluginId, name, 'measure', table.measures, columns);
    if ((table.measures as unknown[]).length === 0) throw new PluginError(pluginId, `fact table ${name} needs at least one measure`);
  }
}
