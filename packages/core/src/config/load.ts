import { existsSync, readFileSync } from 'node:fs';
import { ConfigError } from '../errors.js';
import { statsConfigSchema, type StatsConfig } from './schema.js';

/** Environment variable with config JSON laid over the workspace file. */
export const CONFIG_ENV = 'RADIUM_STATS_CONFIG';
/** Environment variable with a comma-separated list of plugin ids to switch off. */
export const DISABLE_ENV = 'RADIUM_STATS_DISABLE';

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${where} is not valid JSON (${(error as Error).message}): fix the syntax.`);
  }
}

function validate(value: unknown, where: string): StatsConfig {
  const result = statsConfigSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  throw new ConfigError(`${where}: bad value at \`${key}\` (${issue.message}): fix or remove that key.`);
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep-merges plain objects; arrays and scalars of `over` replace those of `base`. */
function deepMerge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over;
  const out: Raw = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? deepMerge(out[k], v) : v;
  return out;
}

/** Loads and validates config: the workspace file, then `RADIUM_STATS_CONFIG`, then `RADIUM_STATS_DISABLE`. */
export function loadConfig(configFile: string | undefined, env: NodeJS.ProcessEnv = process.env): StatsConfig {
  let raw: unknown = {};
  if (configFile && existsSync(configFile)) {
    raw = parseJson(readFileSync(configFile, 'utf8'), configFile);
    validate(raw, configFile);
  }
  const fromEnv = env[CONFIG_ENV];
  if (fromEnv && fromEnv.trim() !== '') {
    const over = parseJson(fromEnv, CONFIG_ENV);
    validate(over, CONFIG_ENV);
    raw = deepMerge(raw, over);
  }
  const disabled = (env[DISABLE_ENV] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (disabled.length > 0) {
    const collectors = isObject((raw as Raw).collectors) ? { ...((raw as Raw).collectors as Raw) } : {};
    for (const id of disabled) collectors[id] = deepMerge(collectors[id] ?? {}, { enabled: false });
    raw = { ...(raw as Raw), collectors };
  }
  return validate(raw, configFile ?? CONFIG_ENV);
}

/** True unless config switches the plugin off. */
export function isPluginEnabled(config: StatsConfig, id: string, kind: 'collectors' | 'importers' = 'collectors'): boolean {
  return config[kind][id]?.enabled ?? true;
}

/** Options config passes to a plugin (empty when none). */
export function pluginOptions(config: StatsConfig, id: string, kind: 'collectors' | 'importers' = 'collectors'): Record<string, unknown> {
  return config[kind][id]?.options ?? {};
}
