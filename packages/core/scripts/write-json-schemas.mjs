// Publishes JSON Schemas generated from the zod schemas, so scripts in any language can validate.
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import * as core from '../dist/index.js';

const out = new URL('../schema/', import.meta.url);
mkdirSync(out, { recursive: true });
const write = (name, schema, title) => {
  const json = { ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), title };
  writeFileSync(new URL(name, out), `${core.toSafeJson(json, 2)}\n`);
};
write('event.schema.json', z.union([core.knownEventSchema, core.customEventSchema]), 'rad stats session event (one journal line)');
write('session-report.schema.json', core.sessionReportSchema, 'rad stats session report');
write('config.schema.json', core.statsConfigSchema, 'rad stats workspace config (.radium/stats.config.json)');
