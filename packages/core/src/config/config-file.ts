import { readFileSync, statSync } from 'node:fs';
import { ConfigError } from '../errors.js';

/** Largest config file read: a real one is a few hundred bytes. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** The config file's text, or undefined when there is none; anything but a readable regular file is a one-line ConfigError naming it. */
export function readConfigFile(file: string): string | undefined {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw new ConfigError(`${file} cannot be read (${errorCode(error)}): check the path and its permissions.`);
  }
  if (stat.isDirectory()) throw new ConfigError(`${file} is a directory, not a config file: remove it, or replace it with a JSON file.`);
  // Checked before opening: reading a FIFO or a device would block or never end.
  if (!stat.isFile()) throw new ConfigError(`${file} is not a regular file: replace it with a JSON file.`);
  if (stat.size > MAX_CONFIG_BYTES) {
    throw new ConfigError(`${file} is ${stat.size} bytes, more than a config file can be (${MAX_CONFIG_BYTES}): replace it with the JSON config.`);
  }
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file} cannot be read (${errorCode(error)}): check its permissions.`);
  }
}
