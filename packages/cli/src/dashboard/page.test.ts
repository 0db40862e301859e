import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { embeddedJson, renderPage } from './page.js';
import type { PageData } from './page-data.js';

const hostile = '</script><script>alert(1)</script><!-- \u2028';

describe('the dashboard page', () => {
  it('embeds data with no `<` at all (so no </script> or <!-- in a name can end the element), parsing back to the same value', () => {
    const data = { name: hostile, list: ['<img src=x onerror=alert(1)>'] };
    const text = embeddedJson(data);
    expect(text).not.toMatch(/[<\u2028]/);
    expect(JSON.parse(text)).toEqual(data);
  });

  it('lets only its two scripts run: the policy holds their hashes and allows no request', () => {
    const library = 'window.Chart = function () {};';
    const html = renderPage({ title: hostile } as unknown as PageData, library);
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    const scripts = [...html.matchAll(/<script>([^]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts[0]).toBe(library);
    for (const source of scripts) expect(policy).toContain(`'sha256-${createHash('sha256').update(source).digest('base64')}'`);
    expect(policy).toMatch(/^default-src 'none'; /);
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:/);
    expect(html.split('</script>')).toHaveLength(4);
  });
});
