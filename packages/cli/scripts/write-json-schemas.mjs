// Publishes the JSON Schemas of every command's --json output, generated from the zod schemas in
// src/output/schemas.ts, so scripts in any language can validate what rad prints.
import { mkdirSync, writeFileSync } from 'node:fs';
import { toSafeJson } from '@radium-stats/core';
import { z } from 'zod';
import { publishedSchemas } from '../dist/output/schemas.js';

const out = new URL('../schema/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const [name, { schema, title }] of Object.entries(publishedSchemas)) {
  const json = { ...z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }), title };
  writeFileSync(new URL(name, out), `${toSafeJson(json, 2)}\n`);
}
