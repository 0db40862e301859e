import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import { CLI_ROOT } from './rad.js';

// The published files are what script authors use, so outputs are checked against them (not the zod
// source they were generated from): a schema that drifted from the real output fails here.
const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });

/** Asserts that a command's JSON output validates against its published schema in schema/. */
export function expectSchema(file: string, value: unknown): void {
  const schema = JSON.parse(readFileSync(path.join(CLI_ROOT, 'schema', file), 'utf8')) as object;
  const validate = ajv.compile(schema);
  const ok = validate(value);
  expect(ok, `${file}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

/** Parses stdout as JSON and checks it against a published schema. */
export function jsonOutput<T = Record<string, unknown>>(stdout: string, file: string): T {
  const value = JSON.parse(stdout) as T;
  expectSchema(file, value);
  return value;
}
