/** The key JSON.parse keeps as an own key but an assignment turns into a prototype change. */
export const PROTO = '__proto__';

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Dotted paths of the `__proto__` keys in parsed JSON. Zod drops them from records without a word,
 * so they are found here and reported like any other unknown key.
 */
export function protoPaths(value: unknown, at: string[] = [], out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item, i) => protoPaths(item, [...at, String(i)], out));
  if (!isObject(value)) return out;
  for (const key of Object.keys(value)) {
    if (key === PROTO) out.push([...at, key].join('.'));
    else protoPaths(value[key], [...at, key], out);
  }
  return out;
}

/** A copy of parsed JSON without its `__proto__` keys, so no later merge can change a prototype. */
export function withoutProto(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProto);
  if (!isObject(value)) return value;
  const out: Raw = {};
  for (const [key, v] of Object.entries(value)) if (key !== PROTO) out[key] = withoutProto(v);
  return out;
}
