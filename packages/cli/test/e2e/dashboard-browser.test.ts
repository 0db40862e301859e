import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { formatInteger, formatUsd } from '@radium-stats/core';
import { CLI_ROOT, freshCliHome, radOk } from '../helpers/rad.js';
import { HOSTILE_TOOL, dashboardWorkspace } from '../helpers/dashboard-workspace.js';

/** Debian's Chromium, the browser CI installs (`.ci/run`). */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
/** Set by CI: a missing browser fails the test instead of skipping it. */
const REQUIRED = process.env['RADIUM_REQUIRE_BROWSER'] === '1';
const MISSING = !existsSync(CHROMIUM);
const INSTALL = 'install Chromium (Debian/Ubuntu: `sudo apt-get install -y chromium`) to run it';
/** Where the screenshot is kept for people to look at (gitignored). */
const ARTIFACTS = path.join(CLI_ROOT, 'test-artifacts');

const env = { ...freshCliHome(), TZ: 'UTC' };

interface Usage {
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  cacheWrite1hTokens: number;
  pricedCostUsd: number;
}
interface ModelJson {
  scope: { sessions: number };
  total: Usage;
}
interface DailyJson {
  periods: (Usage & { period: string; sessions: number })[];
  total: Usage & { sessions: number };
}

if (MISSING && !REQUIRED) console.warn(`The dashboard browser test is skipped: ${CHROMIUM} is missing; ${INSTALL}.`);

describe.skipIf(MISSING && !REQUIRED)(`rad stats dashboard in Chromium${MISSING ? ` (skipped: ${INSTALL})` : ''}`, () => {
  let cwd: string;
  let file: string;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  const json = <T>(...args: string[]) => JSON.parse(radOk(['stats', ...args, '--json'], { cwd, env }).stdout) as T;

  beforeAll(async () => {
    if (MISSING) throw new Error(`RADIUM_REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: ${INSTALL}.`);
    cwd = await dashboardWorkspace();
    file = path.join(cwd, 'report.html');
    radOk(['stats', 'dashboard', '--output', file, '--timezone', 'UTC'], { cwd, env });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // Anything but the file itself is recorded and refused, so a request cannot even be attempted unseen.
    const url = pathToFileURL(file).href;
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url);
    await page.waitForSelector('html[data-ready="true"]');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads without a console error and without any request but the file itself', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
  });

  it('draws every chart: canvas pixels, and the calendar as SVG squares', async () => {
    const drawn = await page.$$eval('[data-chart]', (cards) =>
      cards.map((card) => {
        const canvas = card.querySelector('canvas');
        if (canvas) {
          const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          let painted = 0;
          for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted += 1;
          return [card.id, painted > 100];
        }
        const squares = card.querySelectorAll('svg rect').length;
        const shaded = card.querySelectorAll('svg rect:not(.heat0)').length;
        return [card.id, squares >= 365 && shaded > 0];
      }),
    );
    expect(drawn).toEqual(
      ['cost-per-day', 'tokens-per-day', 'cache-hit-rate', 'tool-calls', 'time-split', 'code-changes-per-day', 'cost-by-agent', 'cost-by-project', 'cost-calendar'].map((id) => [id, true]),
    );
  });

  it('shows the totals of rad stats model --json and rad stats daily --json', async () => {
    const model = json<ModelJson>('model');
    const daily = json<DailyJson>('daily', '--timezone', 'UTC');
    const kpi = async (id: string) => ({
      value: await page.getAttribute(`[data-kpi="${id}"]`, 'data-value'),
      text: await page.textContent(`[data-kpi="${id}"] .kpi-value`),
    });
    const tokens = (u: Usage) => u.inputTokens + u.outputTokens + u.cacheReadTokens + u.cacheWriteTokens + u.cacheWrite1hTokens;
    expect(await kpi('cost')).toEqual({ value: String(model.total.pricedCostUsd), text: formatUsd(model.total.pricedCostUsd) });
    expect(model.total.pricedCostUsd).toBeCloseTo(daily.total.pricedCostUsd, 9);
    expect(await kpi('sessions')).toEqual({ value: String(model.scope.sessions), text: String(daily.total.sessions) });
    expect(await kpi('tokens')).toEqual({ value: String(tokens(model.total)), text: formatInteger(tokens(daily.total)) });
    // The table behind the cost chart: one row per day of the daily view, its total column equal to the day's cost.
    const rows = await page.$$eval('#cost-per-day tbody tr', (trs) => trs.map((tr) => [tr.firstElementChild!.textContent, tr.lastElementChild!.textContent]));
    expect(rows).toEqual(daily.periods.map((p) => [p.period, formatUsd(p.pricedCostUsd)]));
    const tokenRows = await page.$$eval('#tokens-per-day tbody tr', (trs) => trs.map((tr) => tr.lastElementChild!.textContent));
    expect(tokenRows).toEqual(daily.periods.map((p) => formatInteger(tokens(p))));
  });

  it('opens a session in the page with what rad stats session shows, its JSON equal to --json', async () => {
    await page.click('button.session-link[data-session="0"]');
    await page.waitForSelector('dialog#session-detail[open]');
    const title = (await page.textContent('#detail-title'))!;
    const sessionId = title.replace(/^Session /, '');
    // The most expensive session of the range comes first.
    expect(sessionId).toBe('dash-s5');
    const report = json<unknown>('session', '--session-id', sessionId);
    expect(JSON.parse((await page.textContent('#detail-body pre.report-json'))!)).toEqual(report);
    const text = radOk(['stats', 'session', '--session-id', sessionId], { cwd, env }).stdout;
    const fields = await page.$$eval('#detail-body dl.fields', (lists) =>
      lists.flatMap((list) => [...list.querySelectorAll('dt')].map((dt) => [dt.textContent!, dt.nextElementSibling!.textContent!])),
    );
    expect(fields.length).toBeGreaterThan(8);
    for (const [label, value] of fields) expect(text, `${label}: ${value}`).toMatch(new RegExp(`${escapeRegExp(label)}:\\s+${escapeRegExp(value)}`));
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-session.png') });
    await page.click('#detail-close');
    expect(await page.$('dialog#session-detail[open]')).toBeNull();
  });

  it('shows a tool named with markup as text: no img element, no alert', async () => {
    await page.click(`button.session-link[data-session="1"]`);
    await page.waitForSelector('dialog#session-detail[open]');
    expect(await page.textContent('#detail-title')).toBe('Session dash-s1');
    const cells = await page.$$eval('td, th', (all) => all.map((c) => c.textContent));
    expect(cells).toContain(HOSTILE_TOOL);
    await page.click('#detail-close');
    const toolCells = await page.$$eval('#tool-calls tbody th', (all) => all.map((c) => c.textContent));
    expect(toolCells).toContain(HOSTILE_TOOL);
    expect(await page.$$('img')).toHaveLength(0);
    expect(await page.$('#escaped')).toBeNull();
    expect(dialogs).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('keeps a full-page screenshot as a test artefact, light and dark', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    const background = await page.$eval('body', (body) => body.ownerDocument.defaultView.getComputedStyle(body).backgroundColor);
    expect(background).toBe('rgb(18, 21, 27)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-dark.png'), fullPage: true });
    // On a phone, nothing but the tables and the calendar (which scroll in their boxes) may be wider than the screen.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    phone.on('pageerror', (error) => consoleErrors.push(error.message));
    await phone.goto(pathToFileURL(file).href);
    await phone.waitForSelector('html[data-ready="true"]');
    expect(await phone.$eval('html', (html) => html.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: path.join(ARTIFACTS, 'dashboard-phone.png'), fullPage: true });
    expect(existsSync(path.join(ARTIFACTS, 'dashboard.png'))).toBe(true);
    expect(consoleErrors).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
