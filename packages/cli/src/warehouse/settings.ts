import { hostname, homedir } from 'node:os';
import path from 'node:path';
import { loadConfig, type StatsConfig, type WarehouseSettings } from '@radium-stats/core';
import { WarehouseConfigError } from './errors.js';
import { Redactor, displayUrl } from './redact.js';

/** Overrides `warehouse.url` of the config files. */
export const WAREHOUSE_URL_ENV = 'RADIUM_WAREHOUSE_URL';
/** The warehouse password (else the URL's). */
export const WAREHOUSE_PASSWORD_ENV = 'RADIUM_WAREHOUSE_PASSWORD';

/** Everything a push needs to reach the warehouse and stamp its rows. */
export interface WarehouseTarget {
  /** Endpoint without credentials, query or fragment. */
  url: string;
  /** What may be shown of it, and what the local store records pushes under (with the database). */
  display: string;
  username: string;
  password: string;
  database: string;
  team: string;
  developer: string;
  machine: string;
  /** Takes this target's credentials out of any text. */
  redactor: Redactor;
}

/** The user-level config file, `~/.config/radium/stats.config.json` (or under XDG_CONFIG_HOME). */
export function userConfigFile(env: NodeJS.ProcessEnv): string {
  const base = env['XDG_CONFIG_HOME'] && path.isAbsolute(env['XDG_CONFIG_HOME']) ? env['XDG_CONFIG_HOME'] : path.join(homedir(), '.config');
  return path.join(base, 'radium', 'stats.config.json');
}

/** The `warehouse` settings: the workspace's, laid over the user-level file's. */
export function warehouseSettings(workspaceConfig: StatsConfig, env: NodeJS.ProcessEnv, warn: (message: string) => void): Partial<WarehouseSettings> {
  const user = loadConfig(userConfigFile(env), {}, warn).warehouse ?? {};
  return { ...user, ...workspaceConfig.warehouse };
}

/** git's `user.email` (the default developer), or undefined when git has none. */
export async function gitEmail(git: { raw(args: string[]): Promise<string> }): Promise<string | undefined> {
  try {
    const email = (await git.raw(['config', '--get', 'user.email'])).trim();
    return email === '' ? undefined : email;
  } catch {
    return undefined;
  }
}

/** Resolves the warehouse of this run from settings and environment; a missing or unusable URL is a one-line WarehouseConfigError. */
export async function resolveTarget(settings: Partial<WarehouseSettings>, env: NodeJS.ProcessEnv, developer: () => Promise<string | undefined>): Promise<WarehouseTarget> {
  const raw = env[WAREHOUSE_URL_ENV]?.trim() || settings.url;
  if (!raw) {
    throw new WarehouseConfigError(`No warehouse configured: set \`warehouse.url\` in .radium/stats.config.json or ~/.config/radium/stats.config.json, or ${WAREHOUSE_URL_ENV}.`);
  }
  const envPassword = env[WAREHOUSE_PASSWORD_ENV];
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // The text itself may hold a password: it is not repeated.
    throw new WarehouseConfigError(`The warehouse URL (${env[WAREHOUSE_URL_ENV]?.trim() ? WAREHOUSE_URL_ENV : 'warehouse.url'}) is not a valid URL: use http(s)://host:port.`);
  }
  const urlPassword = url.password ? decodeURIComponent(url.password) : undefined;
  const redactor = new Redactor([envPassword, urlPassword, url.password]);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WarehouseConfigError(`The warehouse URL ${redactor.redact(displayUrl(url))} is not http(s): use ClickHouse's HTTP interface, e.g. http://host:8123.`);
  }
  const username = settings.user ?? (url.username ? decodeURIComponent(url.username) : 'default');
  const password = envPassword ?? urlPassword ?? '';
  const database = settings.database ?? 'radium';
  const endpoint = new URL(displayUrl(url));
  return {
    url: endpoint.toString().replace(/\/$/, ''),
    display: `${displayUrl(url)} (database ${database})`,
    username,
    password,
    database,
    team: settings.team ?? '',
    developer: settings.developer ?? (await developer()) ?? (env['USER'] || 'unknown'),
    machine: settings.machine ?? hostname(),
    redactor,
  };
}
