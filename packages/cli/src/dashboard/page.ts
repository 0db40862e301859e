import { createHash } from 'node:crypto';
import { toSafeJson } from '@radium-stats/core';
import type { PageData } from './page-data.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';

/**
 * The page data as the text of a `<script type="application/json">` element: every `<` written as
 * `\u003c`, so no string in it (a tool named `</script><img …>`) can end the element or open a comment.
 */
export function embeddedJson(data: unknown): string {
  return toSafeJson(data).replace(/</g, '\\u003c');
}

/** The CSP source of an inline script: only these exact scripts may run, so markup that got into the page could run nothing. */
const scriptHash = (source: string) => `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;

/**
 * The whole dashboard: one HTML file with its style, data, chart library and script inlined. Its
 * Content-Security-Policy allows no request at all (no network, no other file), only its own two scripts.
 */
export function renderPage(data: PageData, chartLibrary: string): string {
  const csp = [
    "default-src 'none'",
    `script-src ${scriptHash(chartLibrary)} ${scriptHash(PAGE_SCRIPT)}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="rad stats dashboard">
<title>rad stats dashboard</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<h1 id="title">rad stats dashboard</h1>
<p id="scope" class="muted"></p>
<p id="generated" class="muted"></p>
<noscript><p>The charts are drawn by the page's own script: allow JavaScript for this file to see them.</p></noscript>
</header>
<main>
<section aria-labelledby="totals-title"><h2 id="totals-title" class="visually-hidden">Totals</h2><div id="kpis" class="kpis"></div></section>
<div id="charts" class="grid"></div>
<div id="wide"></div>
</main>
<dialog id="session-detail" aria-labelledby="detail-title">
<div class="dialog-head"><h2 id="detail-title"></h2><button type="button" id="detail-close" class="close" aria-label="Close">×</button></div>
<div id="detail-body" class="dialog-body"></div>
</dialog>
<script type="application/json" id="dashboard-data">${embeddedJson(data)}</script>
<script>${chartLibrary}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
