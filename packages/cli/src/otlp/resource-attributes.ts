import os from 'node:os';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import type { Git, WarehouseSettings } from '@radium-stats/core';
import { gitEmail } from '../warehouse/settings.js';

/** The identity settings (`warehouse.team`, `.developer`, `.machine`), shared with `rad stats push`. */
export type Identity = Pick<Partial<WarehouseSettings>, 'team' | 'developer' | 'machine'>;

/**
 * The resource attributes of an export: `service.name=rad`, rad's version, and who sent the spans
 * as `rad stats push` stamps its rows: `team` (when set), `developer` (default git's `user.email`),
 * `machine` (default the host name).
 */
export async function resourceAttributes(options: { version: string; git: () => Git; identity: Identity }): Promise<Record<string, string>> {
  const { identity } = options;
  const attributes: Record<string, string> = { [ATTR_SERVICE_NAME]: 'rad', [ATTR_SERVICE_VERSION]: options.version };
  if (identity.team) attributes['team'] = identity.team;
  const developer = identity.developer ?? (await gitEmail(options.git()));
  if (developer) attributes['developer'] = developer;
  attributes['machine'] = identity.machine ?? os.hostname();
  return attributes;
}
