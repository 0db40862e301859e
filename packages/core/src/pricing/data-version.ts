import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ModelPrice } from '../config/schema.js';

const PACKAGE = '@pydantic/genai-prices';

/** Version of the installed price package, read from its package.json (its data carries no date of its own). */
export function tablePackageVersion(): string {
  try {
    const entry = createRequire(import.meta.url).resolve(PACKAGE);
    const manifest = JSON.parse(readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { name?: string; version?: string };
    return manifest.name === PACKAGE && manifest.version ? manifest.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Identifies the price data: the table's package version, plus a hash of the config overrides when there are any. */
export function priceDataVersion(overrides: Record<string, ModelPrice>): string {
  const base = `genai-prices@${tablePackageVersion()}`;
  const keys = Object.keys(overrides).sort();
  if (keys.length === 0) return base;
  const canonical = JSON.stringify(keys.map((key) => [key, overrides[key]]));
  return `${base}+overrides.${createHash('sha256').update(canonical).digest('hex').slice(0, 8)}`;
}
