import type { StatsConfig } from '../config/schema.js';
import type { HostServices } from '../plugin/contract.js';
import type { PriceService } from '../pricing/types.js';
import { createGit, type Git } from './git.js';
import type { Warnings } from './warnings.js';

/** Builds the services handed to plugins; the price table and git are created on first use only. */
export function createHostServices(workspace: string, config: StatsConfig, warnings: Warnings): HostServices {
  let prices: Promise<PriceService> | undefined;
  let git: Git | undefined;
  return {
    prices: () => {
      prices ??= import('../pricing/service.js').then((m) => m.createPriceService(config.prices.overrides, warnings.warn));
      return prices;
    },
    git: () => (git ??= createGit(workspace)),
    warn: warnings.warn,
  };
}
