import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { tempDir } from '@radium-stats/core/testing';
import { warehouseError, type WarehouseExecutor } from '../../src/warehouse/client.js';
import type { WarehouseTarget } from '../../src/warehouse/settings.js';

/** Where `.ci/run` installs chdb (`npm install --prefix`), outside the workspace's own install. */
export const CHDB_PATH = process.env['RADIUM_CHDB_PATH']?.trim() || undefined;
/** Set by CI: chdb that cannot be loaded fails the tests that need it instead of skipping them. */
export const CHDB_REQUIRED = process.env['RADIUM_REQUIRE_CHDB'] === '1';
/** The version `.ci/run` pins. */
export const CHDB_VERSION = '3.4.0';
/** How to get it, for skip and failure messages. */
export const CHDB_INSTALL = `install it with \`npm install --no-save --prefix .ci/chdb chdb@${CHDB_VERSION}\` and set RADIUM_CHDB_PATH=$PWD/.ci/chdb (about 550 MB)`;

/** The part of chdb's Session the executor uses. */
interface ChdbSession {
  queryAsync(query: string, opts?: { format?: string }): Promise<{ text(): string }>;
  close(): void;
}

/** chdb's module, loaded from RADIUM_CHDB_PATH; a readable error when it is not there. */
function loadChdb(): { Session: new (dir: string) => ChdbSession } {
  if (!CHDB_PATH) throw new Error(`RADIUM_REQUIRE_CHDB=1 but RADIUM_CHDB_PATH is not set: ${CHDB_INSTALL}.`);
  const from = path.resolve(CHDB_PATH);
  if (!existsSync(path.join(from, 'node_modules', 'chdb'))) throw new Error(`chdb is not installed under RADIUM_CHDB_PATH=${from}: ${CHDB_INSTALL}.`);
  return createRequire(path.join(from, 'package.json'))('chdb') as { Session: new (dir: string) => ChdbSession };
}

/**
 * The warehouse code's executor over an embedded current ClickHouse (chdb): the same statements and
 * JSONEachRow rows `Warehouse` sends over HTTP, its errors turned into the same one-line WarehouseError.
 */
export class ChdbWarehouse implements WarehouseExecutor {
  private constructor(
    private readonly session: ChdbSession,
    private readonly dir: string,
    readonly target: WarehouseTarget,
  ) {}

  /** A chdb session with its data in a temp folder; 64-bit integers read back as numbers, as `Warehouse` asks its server. */
  static async open(target: WarehouseTarget): Promise<ChdbWarehouse> {
    const { Session } = loadChdb();
    const dir = tempDir('rad-chdb-');
    const warehouse = new ChdbWarehouse(new Session(dir), dir, target);
    await warehouse.command('SET output_format_json_quote_64bit_integers = 0');
    return warehouse;
  }

  /** The ClickHouse version answering. */
  async version(): Promise<string> {
    return (await this.rows<{ v: string }>('SELECT version() AS v'))[0]!.v;
  }

  async command(query: string): Promise<void> {
    await this.run(query);
  }

  async rows<T>(query: string): Promise<T[]> {
    const text = await this.run(query, 'JSONEachRow');
    return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as T);
  }

  /** The rows as the official client sends them: one JSON object a line after `INSERT INTO … FORMAT JSONEachRow`. */
  async insert(table: string, values: readonly Record<string, unknown>[]): Promise<void> {
    if (values.length === 0) return;
    await this.run(`INSERT INTO ${table} FORMAT JSONEachRow\n${values.map((v) => JSON.stringify(v)).join('\n')}`);
  }

  async close(): Promise<void> {
    this.session.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async run(query: string, format?: string): Promise<string> {
    try {
      return (await this.session.queryAsync(query, format ? { format } : {})).text();
    } catch (error) {
      // chdb puts "Query failed: " before the server's own `Code: N. …` message.
      const message = (error instanceof Error ? error.message : String(error)).replace(/^Query failed:\s*/, '');
      throw warehouseError(this.target, new Error(message));
    }
  }
}
