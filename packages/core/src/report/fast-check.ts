import { createRequire } from 'node:module';
import { z } from 'zod';
import type { SchemaLike } from '../plugin/contract.js';

/** True when a value passes the schema; a compiled stand-in for `schema.safeParse(v).success`. */
export type FastCheck = (value: unknown) => boolean;

// Zod node types whose output equals their (JSON) input when they accept it: nothing is
// transformed, defaulted or coerced, so a value the compiled check accepts can be used as is.
const PLAIN_TYPES = new Set(['object', 'string', 'number', 'boolean', 'null', 'literal', 'enum', 'array', 'record', 'union', 'optional', 'nullable', 'unknown', 'any']);
// Checks that JSON Schema states exactly; `custom` (refine) and `overwrite` (trim, toLowerCase) are not among them.
const PLAIN_CHECKS = new Set(['less_than', 'greater_than', 'multiple_of', 'number_format', 'min_length', 'max_length', 'length_equals', 'string_format']);

interface ZodNode {
  _zod: { def: { type?: string; check?: string; pattern?: unknown; checks?: ZodNode[]; shape?: Record<string, ZodNode>; catchall?: ZodNode; element?: ZodNode; keyType?: ZodNode; valueType?: ZodNode; options?: ZodNode[]; innerType?: ZodNode } };
}

function isZodNode(value: unknown): value is ZodNode {
  return typeof value === 'object' && value !== null && '_zod' in value && typeof (value as ZodNode)._zod?.def?.type === 'string';
}

/** A check JSON Schema can say: string formats only with the pattern zod itself tests. */
function plainCheck(node: ZodNode): boolean {
  const def = node._zod.def;
  if (def.check === undefined) return true;
  return PLAIN_CHECKS.has(def.check) && (def.check !== 'string_format' || def.pattern instanceof RegExp);
}

/** True when every node of the schema is plain: its JSON Schema accepts exactly what zod accepts, and zod returns the input. */
function isPlain(node: ZodNode, ancestors = new Set<ZodNode>()): boolean {
  // A node inside itself (z.lazy) is never plain; one reused in several places is fine.
  if (ancestors.has(node)) return false;
  const def = node._zod.def;
  if (!PLAIN_TYPES.has(def.type ?? '') || !plainCheck(node)) return false;
  if (!(def.checks ?? []).every((check) => typeof check?._zod?.def === 'object' && plainCheck(check))) return false;
  if (def.type === 'record' && (def.keyType?._zod.def.type !== 'string' || (def.keyType._zod.def.checks ?? []).length > 0)) return false;
  const children = [...Object.values(def.shape ?? {}), def.catchall, def.element, def.valueType, def.innerType, ...(def.options ?? [])];
  ancestors.add(node);
  const plain = children.every((child) => child === undefined || (isZodNode(child) && isPlain(child, ancestors)));
  ancestors.delete(node);
  return plain;
}

/** Whether a JSON Schema names a format anywhere without the pattern that would test it (formats are not checked). */
function hasUntestedFormat(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.some(hasUntestedFormat);
  if (typeof schema !== 'object' || schema === null) return false;
  const node = schema as Record<string, unknown>;
  if (typeof node.format === 'string' && typeof node.pattern !== 'string') return true;
  return Object.values(node).some(hasUntestedFormat);
}

type Validate = (value: unknown) => boolean;
type AjvLike = { compile(schema: unknown): Validate };
let ajv: AjvLike | undefined;

function compiler(): AjvLike {
  // Loaded on first use: only bulk reads (a full index build) compile checks, and start-up stays lean.
  if (!ajv) {
    const Ajv2020 = (createRequire(import.meta.url)('ajv/dist/2020.js') as { default: new (options: object) => AjvLike }).default;
    ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
  }
  return ajv;
}

const compiled = new WeakMap<object, FastCheck | null>();

/**
 * A compiled check that accepts exactly what `schema` accepts, for schemas where one can be made
 * (zod schemas built only from plain types and checks); undefined otherwise. A value it accepts
 * is what zod would return, so callers keep the value and skip zod's parse-and-copy; a value it
 * rejects must still go through zod, which words the error (and strips keys it does not know).
 */
export function fastCheck(schema: SchemaLike<unknown>): FastCheck | undefined {
  const cached = compiled.get(schema);
  if (cached !== undefined) return cached ?? undefined;
  let check: FastCheck | null = null;
  if (isZodNode(schema) && isPlain(schema)) {
    try {
      const json = z.toJSONSchema(schema as unknown as z.ZodType, { io: 'output', unrepresentable: 'throw', cycles: 'throw' });
      if (!hasUntestedFormat(json)) check = compiler().compile(json);
    } catch {
      // Not expressible in JSON Schema (or a pattern JSON Schema reads differently): zod alone checks it.
      check = null;
    }
  }
  compiled.set(schema, check);
  return check ?? undefined;
}
