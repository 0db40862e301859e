import { z } from 'zod';
import { MAX_LIVE_SESSION_MINUTES, MAX_USD_PER_MILLION } from '../ceilings.js';

/** Settings of one collector (metric plugin) or importer. */
export const pluginSettingsSchema = z
  .object({
    enabled: z.boolean().default(true).describe('false switches the plugin off: no section, no rows'),
    options: z.record(z.string(), z.unknown()).default({}).describe("Passed to the plugin, checked by the plugin's own schema"),
  })
  .strict();

const perMillion = z.number().nonnegative().max(MAX_USD_PER_MILLION, `at most ${MAX_USD_PER_MILLION} USD per million tokens`);

/** A price set by config, in USD per million tokens; absent cache prices fall back to the input price. */
export const modelPriceSchema = z
  .object({
    input: perMillion,
    output: perMillion,
    cacheRead: perMillion.optional(),
    cacheWrite: perMillion.optional(),
    cacheWrite1h: perMillion.optional(),
  })
  .strict();

/**
 * Where `rad stats push` sends sessions, and who they are from. No password here: it comes from
 * `RADIUM_WAREHOUSE_PASSWORD` or the URL, so a committed config file holds none.
 */
export const warehouseSchema = z
  .object({
    url: z.string().min(1).optional().describe('ClickHouse HTTP(S) endpoint, e.g. https://clickhouse.example.com:8443 (RADIUM_WAREHOUSE_URL overrides it)'),
    database: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'letters, digits and _, not starting with a digit')
      .optional()
      .describe('Database the tables are made in (default: radium)'),
    user: z.string().min(1).optional().describe('ClickHouse user (default: the URL\'s, else `default`)'),
    team: z.string().optional().describe('Team name stamped on every row pushed (default: empty)'),
    developer: z.string().min(1).optional().describe("Who the sessions are from, stamped on every row (default: git's user.email)"),
    machine: z.string().min(1).optional().describe('Machine stamped on every row (default: the hostname)'),
  })
  .strict();

/** The workspace config file `.radium/stats.config.json`, and the `RADIUM_STATS_CONFIG` override. */
export const statsConfigSchema = z
  .object({
    $schema: z.string().optional(),
    collectors: z.record(z.string(), pluginSettingsSchema).default({}).describe('Settings per metric plugin id'),
    importers: z.record(z.string(), pluginSettingsSchema).default({}).describe('Settings per importer id'),
    prices: z
      .object({
        overrides: z
          .record(z.string(), modelPriceSchema)
          .default({})
          .describe('Prices per model name (or `engine/model`), for private models or negotiated rates'),
      })
      .strict()
      .default({ overrides: {} }),
    import: z
      .object({
        auto: z
          .array(z.string().min(1))
          .default([])
          .describe('Importer ids (claude-code, codex, gemini, amp, opencode, ...) whose new and grown logs every `rad stats` view imports before it answers'),
      })
      .strict()
      .default({ auto: [] }),
    liveSessionMinutes: z
      .number()
      .positive()
      .max(MAX_LIVE_SESSION_MINUTES, `at most ${MAX_LIVE_SESSION_MINUTES} (a year)`)
      .default(30)
      .describe('A journal without an end, idle for longer than this, is shown as abandoned rather than live'),
    warehouse: warehouseSchema.optional().describe('The team warehouse `rad stats push` sends sessions to (ClickHouse)'),
  })
  .strict();

/** Validated config. */
export type StatsConfig = z.infer<typeof statsConfigSchema>;
/** Settings of one plugin. */
export type PluginSettings = z.infer<typeof pluginSettingsSchema>;
/** The `warehouse` settings. */
export type WarehouseSettings = z.infer<typeof warehouseSchema>;
/** A configured model price, USD per million tokens. */
export type ModelPrice = z.infer<typeof modelPriceSchema>;
