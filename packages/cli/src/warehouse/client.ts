import type { ClickHouseClient } from '@clickhouse/client';
import { WarehouseError } from './errors.js';
import type { WarehouseExecutor } from './executor.js';
import type { WarehouseTarget } from './settings.js';

export type { WarehouseExecutor } from './executor.js';

/** How long one statement may take before the push gives up (a big batch insert included). */
const REQUEST_TIMEOUT_MS = 120_000;

/** ClickHouse error codes with a hint on what to do. */
const HINTS: Record<number, string> = {
  192: 'check the warehouse user',
  193: `check the password (RADIUM_WAREHOUSE_PASSWORD or the URL's)`,
  516: `check the user and password (RADIUM_WAREHOUSE_PASSWORD or the URL's)`,
  497: 'the warehouse user needs CREATE, INSERT, SELECT and ALTER DELETE on the database',
  164: 'the warehouse user is read-only: use one that may create tables and insert',
};

/** ClickHouse's error code from its message (`Code: 60, e.displayText() = …`), the one form every version sends. */
export function clickhouseCode(message: string): number | undefined {
  const match = /\bCode: (\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** The statements a push runs, each failure turned into a one-line WarehouseError without credentials. */
export class Warehouse implements WarehouseExecutor {
  private constructor(
    private readonly client: ClickHouseClient,
    readonly target: WarehouseTarget,
  ) {}

  /**
   * A client of the target: 64-bit integers read back as numbers, no compression (18.16 answers plain), no logging of its own.
   * The client library is loaded here, so that local views never load it.
   */
  static async connect(target: WarehouseTarget): Promise<Warehouse> {
    const { ClickHouseLogLevel, createClient } = await import('@clickhouse/client');
    const client = createClient({
      url: target.url,
      username: target.username,
      password: target.password,
      request_timeout: REQUEST_TIMEOUT_MS,
      compression: { request: false, response: false },
      log: { level: ClickHouseLogLevel.OFF },
      clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
    });
    return new Warehouse(client, target);
  }

  /** Runs a statement that returns nothing (DDL). */
  async command(query: string): Promise<void> {
    await this.guard(() => this.client.command({ query }));
  }

  /** Runs a query and returns its rows (JSONEachRow, the one format 18.16 and current servers share). */
  async rows<T>(query: string): Promise<T[]> {
    return this.guard(async () => (await this.client.query({ query, format: 'JSONEachRow' })).json<T>());
  }

  /** Inserts rows into `table` (already quoted) as JSONEachRow. */
  async insert(table: string, values: readonly Record<string, unknown>[]): Promise<void> {
    if (values.length === 0) return;
    await this.guard(() => this.client.insert({ table, values: values as Record<string, unknown>[], format: 'JSONEachRow' }));
  }

  /** Closes the connections. */
  async close(): Promise<void> {
    await this.client.close().catch(() => {});
  }

  private async guard<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw this.toError(error);
    }
  }

  private toError(error: unknown): WarehouseError {
    return warehouseError(this.target, error);
  }
}

/** A failure of a statement on `target` as one line naming the warehouse, what went wrong and what to do; credentials redacted. */
export function warehouseError(target: WarehouseTarget, error: unknown): WarehouseError {
  const raw = error instanceof Error ? error.message : String(error);
  const first = raw.split('\n').find((line) => line.trim() !== '') ?? raw;
  const code = clickhouseCode(raw);
  const errno = (error as { code?: unknown })?.code;
  let reason: string;
  let hint: string;
  if (code !== undefined) {
    reason = first.replace(/^Code: \d+[.,]\s*(e\.displayText\(\) = )?(DB::Exception: )?/, '').replace(/,?\s*e\.what\(\) = .*$/, '').replace(/\s*\(version [^)]*\)\s*$/, '');
    hint = HINTS[code] ?? 'see the ClickHouse server log';
  } else if (typeof errno === 'string' && /^(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENOTFOUND|ETIMEDOUT|EPIPE|EAI_AGAIN)$/.test(errno)) {
    reason = errno;
    hint = 'check that ClickHouse is running there and the URL is right, then push again (it resumes)';
  } else {
    reason = first;
    hint = 'check the warehouse and push again (it resumes)';
  }
  const line = `The warehouse ${target.display} failed${code !== undefined ? ` (ClickHouse code ${code})` : ''}: ${reason.trim()}: ${hint}.`;
  return new WarehouseError(target.redactor.redact(line.replace(/[\r\n\t]+/g, ' ')), code);
}
