/** Variables whose values are headers sent to the receiver (`k=v,k2=v2`, URL-encoded): tokens, as a rule. */
const HEADER_VARIABLES = ['OTEL_EXPORTER_OTLP_HEADERS', 'OTEL_EXPORTER_OTLP_TRACES_HEADERS'];

/** Shortest value worth hiding: a one- or two-character value would blank out unrelated text. */
const MIN_SECRET = 3;

/** Decodes a URL-encoded value, or keeps it as written when it is not valid encoding. */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Every credential this export could carry: header values from the environment (as written and
 * decoded) and the user, password and query values of the endpoint URL.
 */
export function secretsOf(env: NodeJS.ProcessEnv, url: string): string[] {
  const found = new Set<string>();
  for (const name of HEADER_VARIABLES) {
    for (const pair of (env[name] ?? '').split(',')) {
      const equals = pair.indexOf('=');
      if (equals <= 0) continue;
      const value = pair.slice(equals + 1).trim();
      found.add(value).add(decoded(value));
    }
  }
  try {
    const parsed = new URL(url);
    found.add(decoded(parsed.username)).add(decoded(parsed.password));
    for (const value of parsed.searchParams.values()) found.add(value);
  } catch {
    // Not a URL: nothing in it to hide, and it was refused before anything was sent.
  }
  return [...found].filter((value) => value.length >= MIN_SECRET).sort((a, b) => b.length - a.length);
}

/** `text` with every secret replaced by `***`: a last guard, so no message or error prints a credential. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('***');
  return out;
}
