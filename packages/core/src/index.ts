// tsyringe needs the Reflect metadata API before any decorated class loads.
import 'reflect-metadata';
// Before any schema is built (see zod-setup.ts).
import './zod-setup.js';

// The public contract: what plugins, importers, the CLI and runtimes use. Internals of the store,
// the journal and report parsing stay inside this package.
export * from './errors.js';
export * from './events/schema.js';
export * from './events/parse.js';
export * from './plugin/contract.js';
export * from './plugin/facts.js';
export * from './plugin/sum-facts.js';
export * from './plugin/fact-sums.js';
export * from './plugin/validate.js';
export * from './pricing/types.js';
export * from './pricing/nano-usd.js';
export { priceTableManifestFile } from './pricing/data-version.js';
export * from './ceilings.js';
export * from './report/schema.js';
export * from './report/legacy-schema.js';
export * from './report/fold.js';
export * from './store/paths.js';
export * from './store/temp-files.js';
export * from './store/report-store.js';
export * from './store/catalog.js';
export * from './database/stats-store.js';
export type { PushSession, PushedSession } from './database/warehouse-pushed.js';
export type { StoredFactTable } from './database/fact-tables.js';
export type { StoreFilter, TimeRange } from './database/queries.js';
export type { SessionColumn, SessionColumnValue } from './database/session-groups.js';
export { reportSourceOf, sourceOf } from './database/session-row.js';
export { reportFacts } from './database/session-row.js';
export * from './workspace/find.js';
export * from './workspace/init.js';
export * from './config/schema.js';
export * from './config/load.js';
export * from './recorder/recorder.js';
export * from './host/tokens.js';
export * from './host/warnings.js';
export * from './host/git.js';
export * from './host/services.js';
export * from './host/create-host.js';
export * from './format/escape.js';
export * from './format/safe-json.js';
export * from './format/truncate.js';
export * from './format/numbers.js';
export { formatDecimal } from './format/decimal.js';
export * from './format/compare-code-points.js';
export * from './importing/index.js';
