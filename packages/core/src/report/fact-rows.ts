import { FACT_BUCKET_MS, type FactRows, type FactTable } from '../plugin/facts.js';

/**
 * Why a plugin's fact rows cannot be stored, or undefined when they can: every row names a
 * declared table, has a whole bucket and a value of the declared type for every column (dimensions
 * may be null; integer measures are safe integers, real ones finite).
 */
export function factRowsProblem(tables: readonly FactTable[], rows: unknown): string | undefined {
  if (typeof rows !== 'object' || rows === null || Array.isArray(rows)) return 'facts must be an object of rows by table name';
  const declared = new Map(tables.map((t) => [t.name, t]));
  for (const [name, list] of Object.entries(rows as Record<string, unknown>)) {
    const table = declared.get(name);
    if (!table) return `rows for undeclared fact table ${name}`;
    if (!Array.isArray(list)) return `rows of ${name} must be an array`;
    for (const row of list as Record<string, unknown>[]) {
      if (typeof row !== 'object' || row === null) return `a row of ${name} is not an object`;
      const bucket = row['bucket'];
      if (typeof bucket !== 'number' || !Number.isSafeInteger(bucket) || bucket % FACT_BUCKET_MS !== 0) return `a row of ${name} has bucket ${String(bucket)}, not the start of a 15-minute bucket in epoch ms`;
      for (const column of table.dimensions) {
        const value = row[column.name];
        if (value === null || value === undefined) continue;
        if (column.type === 'text' ? typeof value !== 'string' : !Number.isSafeInteger(value)) return `${name}.${column.name} must be ${column.type}, got ${JSON.stringify(value)}`;
      }
      for (const column of table.measures) {
        const value = row[column.name];
        const ok = column.type === 'integer' ? Number.isSafeInteger(value) : typeof value === 'number' && Number.isFinite(value);
        if (!ok) return `${name}.${column.name} must be a finite ${column.type === 'integer' ? 'safe integer' : 'number'}, got ${JSON.stringify(value)}`;
      }
    }
  }
  return undefined;
}

/** Only the declared columns of each row, so a report stores nothing a store would not read. */
export function pickFactColumns(tables: readonly FactTable[], rows: FactRows): FactRows {
  const out: FactRows = {};
  for (const table of tables) {
    const list = rows[table.name];
    if (!list || list.length === 0) continue;
    out[table.name] = list.map((row) => {
      const picked: FactRows[string][number] = { bucket: row.bucket };
      for (const column of [...table.dimensions, ...table.measures]) picked[column.name] = row[column.name] ?? null;
      return picked;
    });
  }
  return out;
}
