import './zod-setup.js';

/**
 * The zod members the other first-party packages use, from the zod instance core's schemas are built
 * with. Their bundles import zod from here (scripts/bundle-dist.mjs routes them here and fails a build
 * that uses a member missing from this list), so one run shares one zod, and zod's unused parts
 * (translations, JSON Schema import, code generation) are never loaded.
 */
export {
  ZodError,
  ZodType,
  array,
  boolean,
  discriminatedUnion,
  enum,
  iso,
  literal,
  looseObject,
  number,
  object,
  record,
  string,
  union,
  unknown,
} from 'zod';
