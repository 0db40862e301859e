import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelPrice } from '../config/schema.js';
import { findOverride } from './overrides.js';
import { nodeCrypto } from '../node-crypto.js';

const PACKAGE = '@pydantic/genai-prices';

/** A model as a request named it, with its engine: what decides which override prices it. */
export interface PricedModel {
  engine: string;
  model: string;
}

let tableVersion: string | undefined;

/**
 * Path of the price package's package.json as Node would find it from here: in the nearest
 * `node_modules` that has it (a module resolution costs milliseconds, and every command that reads
 * a report asks), else where the resolver finds it; undefined when neither does. Its change (an
 * update of the price data) changes what sessions cost: caches of figures (`rad statusline`'s) watch it.
 */
export function priceTableManifestFile(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(dir, 'node_modules', ...PACKAGE.split('/'), 'package.json');
    if (existsSync(file)) return file;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  try {
    return path.join(path.dirname(createRequire(import.meta.url).resolve(PACKAGE)), '..', 'package.json');
  } catch {
    return undefined;
  }
}

/** Version of the installed price package, read once from its package.json (its data carries no date of its own). */
export function tablePackageVersion(): string {
  if (tableVersion !== undefined) return tableVersion;
  try {
    const file = priceTableManifestFile();
    const manifest = (file === undefined ? {} : JSON.parse(readFileSync(file, 'utf8'))) as { name?: string; version?: string };
    tableVersion = manifest.name === PACKAGE && manifest.version ? manifest.version : 'unknown';
  } catch {
    tableVersion = 'unknown';
  }
  return tableVersion;
}

/** Identifies the price data: the table's package version, plus a hash of the config overrides when there are any. */
export function priceDataVersion(overrides: Record<string, ModelPrice>): string {
  const base = `genai-prices@${tablePackageVersion()}`;
  const keys = Object.keys(overrides).sort();
  if (keys.length === 0) return base;
  const canonical = JSON.stringify(keys.map((key) => [key, overrides[key]]));
  return `${base}+overrides.${nodeCrypto().createHash('sha256').update(canonical).digest('hex').slice(0, 8)}`;
}

/**
 * The price data of one session: the table's version plus a hash of only the overrides that price
 * its models, so that changing an override marks only the sessions that used that model as priced
 * with other data. Remembers what it worked out, since every report read asks.
 */
export class SessionPriceData {
  private readonly keyOf = new Map<string, string | undefined>();
  private readonly versionOf = new Map<string, string>();
  private readonly none: boolean;
  private whole: string | undefined;

  constructor(private readonly overrides: Record<string, ModelPrice>) {
    this.none = Object.keys(overrides).length === 0;
  }

  /** The workspace's price data as a whole (every override): when it changes, sessions may need re-pricing. */
  get workspaceVersion(): string {
    return (this.whole ??= priceDataVersion(this.overrides));
  }

  /** The price data that prices these models now. */
  versionFor(models: Iterable<PricedModel>): string {
    if (this.none) return this.workspaceVersion;
    const keys = new Set<string>();
    for (const { engine, model } of models) {
      const pair = `${engine}\u0000${model}`;
      if (!this.keyOf.has(pair)) this.keyOf.set(pair, findOverride(this.overrides, engine, model)?.key);
      const key = this.keyOf.get(pair);
      if (key !== undefined) keys.add(key);
    }
    const sorted = [...keys].sort();
    const id = JSON.stringify(sorted);
    let version = this.versionOf.get(id);
    if (version === undefined) this.versionOf.set(id, (version = priceDataVersion(Object.fromEntries(sorted.map((key) => [key, this.overrides[key]!])))));
    return version;
  }
}
