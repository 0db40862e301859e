import { ConfigError } from '../errors.js';
import { readConfigFile } from './config-file.js';
import { PROTO, protoPaths, withoutProto } from './proto-keys.js';
import { statsConfigSchema, type StatsConfig } from './schema.js';

/** Environment variable with config JSON laid over the workspace file. */
export const CONFIG_ENV = 'RADIUM_STATS_CONFIG';
/** Environment variable with a comma-separated list of plugin ids to switch off. */
export const DISABLE_ENV = 'RADIUM_STATS_DISABLE';

/** Error text on one line: Node quotes bad JSON with its line breaks, and keys may hold any character. */
const oneLine = (text: string): string => text.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ');

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(oneLine(`${where} is not valid JSON (${(error as Error).message}): fix the syntax.`));
  }
}

/** Parses and validates one config source; `__proto__` keys zod would pass over are warned about and left out. */
function readSource(text: string, where: string, warn: (message: string) => void): unknown {
  const raw = parseJson(text, where);
  validate(raw, where);
  for (const key of protoPaths(raw)) warn(`${where}: \`${key}\` is not a key rad knows; it is ignored: remove it.`);
  return withoutProto(raw);
}

function validate(value: unknown, where: string): StatsConfig {
  const result = statsConfigSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  throw new ConfigError(oneLine(`${where}: bad value at \`${key}\` (${issue.message}): fix or remove that key.`));
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep-merges plain objects; arrays and scalars of `over` replace those of `base`. */
function deepMerge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over;
  const out: Raw = { ...base };
  for (const [k, v] of Object.entries(over)) if (k !== PROTO) out[k] = Object.hasOwn(out, k) ? deepMerge(out[k], v) : v;
  return out;
}

/**
 * Loads and validates config: the workspace file, then `RADIUM_STATS_CONFIG`, then `RADIUM_STATS_DISABLE`.
 * `warn` hears of keys that are ignored; anything invalid throws a one-line ConfigError naming the file and key.
 */
export function loadConfig(configFile: string | undefined, env: NodeJS.ProcessEnv = process.env, warn: (message: string) => void = () => {}): StatsConfig {
  let raw: unknown = {};
  const text = configFile ? readConfigFile(configFile) : undefined;
  if (configFile && text !== undefined) raw = readSource(text, configFile, warn);
  const fromEnv = env[CONFIG_ENV];
  if (fromEnv && fromEnv.trim() !== '') raw = deepMerge(raw, readSource(fromEnv, CONFIG_ENV, warn));
  const disabled = (env[DISABLE_ENV] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (disabled.length > 0) {
    const collectors = isObject((raw as Raw).collectors) ? { ...((raw as Raw).collectors as Raw) } : {};
    for (const id of disabled) {
      if (id === PROTO) warn(`${DISABLE_ENV}: \`${PROTO}\` is not a plugin id; it is ignored: remove it.`);
      else collectors[id] = deepMerge(collectors[id] ?? {}, { enabled: false });
    }
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
