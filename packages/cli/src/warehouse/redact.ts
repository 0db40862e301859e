/**
 * The one place credentials are taken out of text rad may print (errors, warnings, JSON). Every
 * message about the warehouse passes through a Redactor built from the secrets of that run.
 */
export class Redactor {
  private readonly secrets: string[];

  constructor(secrets: readonly (string | undefined)[]) {
    // Each secret as given and as URLs encode it; longest first, so a secret inside another goes with it.
    const forms = secrets.flatMap((s) => (s ? [s, encodeURIComponent(s), encodeURI(s)] : []));
    this.secrets = [...new Set(forms)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  }

  /** `text` with every secret replaced by `***`, and any `user:password@` of a URL cut to `user:***@`. */
  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('***');
    return out.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)[^\s/@]*@/gi, '$1***@');
  }
}

/** A URL as it may be shown: scheme, host, port and path, never its user, password, query or fragment. */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}
