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
  })
  .strict();

/** Validated config. */
export type StatsConfig = z.infer<typeof statsConfigSchema>;
/** Settings of one plugin. */
export type PluginSettings = z.infer<typeof pluginSettingsSchema>;
/** A configured model price, USD per million tokens. */
export type ModelPrice = z.infer<typeof modelPriceSchema>;
