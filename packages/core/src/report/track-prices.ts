import type { HostServices } from '../plugin/contract.js';
import type { PricedModel, PriceService } from '../pricing/types.js';
import type { ReportPricing } from './schema.js';

/** Host services for one fold, whose prices remember the models they priced, and what the report then records. */
export interface TrackedPrices {
  /** The services to hand to this fold's collectors. */
  services: HostServices;
  /** The price data that priced the session and its models; undefined when no collector asked for prices. */
  pricing(): Promise<ReportPricing | undefined>;
}

/**
 * Wraps the price service for one session: each model it prices is remembered, so that the report
 * can say which price data priced it and a later change of price data or overrides can tell
 * whether the session needs re-pricing without reading its journal (see SessionPriceData).
 */
export function trackPrices(services: HostServices): TrackedPrices {
  const models = new Map<string, PricedModel>();
  let tracked: Promise<PriceService> | undefined;
  const track = (base: PriceService): PriceService => ({
    get dataVersion() {
      return base.dataVersionFor(models.values());
    },
    dataVersionFor: (priced) => base.dataVersionFor(priced),
    quote(request) {
      const key = `${request.engine}\u0000${request.model}`;
      if (!models.has(key)) models.set(key, { engine: request.engine, model: request.model });
      return base.quote(request);
    },
  });
  return {
    services: { ...services, prices: () => (tracked ??= services.prices().then(track)) },
    async pricing() {
      if (!tracked) return undefined;
      const prices = await tracked;
      const sorted = [...models.values()].sort((a, b) => (a.engine < b.engine ? -1 : a.engine > b.engine ? 1 : a.model < b.model ? -1 : a.model > b.model ? 1 : 0));
      return { dataVersion: prices.dataVersion, models: sorted };
    },
  };
}
