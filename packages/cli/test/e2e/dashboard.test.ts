import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir, tempWorkspace } from '@radium-stats/core/testing';
import { openerFor } from '../../src/dashboard/open-file.js';
import { freshCliHome, rad, radOk } from '../helpers/rad.js';
import { jsonOutput } from '../helpers/schemas.js';
import { HOSTILE_PROJECT_PART, HOSTILE_TOOL, dashboardWorkspace, embeddedData } from '../helpers/dashboard-workspace.js';

const env = { ...freshCliHome(), TZ: 'UTC' };

interface Usage {
  requests: number;
  pricedCostUsd: number;
}
interface ModelJson {
  scope: { sessions: number };
  total: Usage;
}
interface PageJson {
  kpis: { id: string; value: number | null; text: string }[];
  charts: { id: string; labels: string[]; series: { name: string; values: (number | null)[] }[]; table: { rows: string[][] } }[];
  sessions: { details: { sessionId: string; report: unknown }[] };
}

describe('rad stats dashboard', () => {
  let cwd: string;
  let out: string;
  const run = (...args: string[]) => rad(['stats', ...args], { cwd, env });
  const json = <T>(...args: string[]) => JSON.parse(radOk(['stats', ...args, '--json'], { cwd, env }).stdout) as T;
  const kpi = (page: PageJson, id: string) => page.kpis.find((k) => k.id === id)!.value;
  const chart = (page: PageJson, id: string) => page.charts.find((c) => c.id === id)!;
  let n = 0;
  /** Writes a dashboard to a new file and returns its page data. */
  const dashboard = (...args: string[]): PageJson => {
    const file = path.join(out, `d${(n += 1)}.html`);
    radOk(['stats', 'dashboard', '--output', file, '--timezone', 'UTC', ...args], { cwd, env });
    return embeddedData<PageJson>(file);
  };

  beforeAll(async () => {
    cwd = await dashboardWorkspace();
    out = tempDir('rad-dashboard-out-');
  });

  it('writes one self-contained file: its style, data, chart library and script inline, a policy that allows no request', () => {
    const file = path.join(out, 'self-contained.html');
    const result = radOk(['stats', 'dashboard', '--output', file], { cwd, env });
    expect(result.stdout).toBe(`Wrote a dashboard of 5 sessions to ${file}\n`);
    const html = readFileSync(file, 'utf8');
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="application/json" id="dashboard-data">', '<script>', '<script>']);
    // The markup around the three scripts loads nothing either.
    const markup = html.replace(/(<script\b[^>]*>)[^]*?<\/script>/g, '$1</script>');
    expect(markup).not.toMatch(/<(link|img|iframe|object|embed)\b|\b(src|href)=|@import|url\(/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('Chart.js v4.5.1');
    expect(html).not.toContain('sourceMappingURL');
  });

  it('never puts a name from the logs into the markup: markup in a tool or project name stays inside the escaped JSON', () => {
    const file = path.join(out, 'hostile.html');
    radOk(['stats', 'dashboard', '--output', file], { cwd, env });
    const html = readFileSync(file, 'utf8');
    expect(html).not.toContain(HOSTILE_TOOL);
    expect(html).not.toContain('<b id="escaped">');
    const data = embeddedData<PageJson>(file);
    expect(chart(data, 'tool-calls').labels).toContain(HOSTILE_TOOL);
    expect(chart(data, 'cost-by-project').labels).toContain(path.join(cwd, HOSTILE_PROJECT_PART));
  });

  it('refuses to overwrite an existing file without --force: one-line error, non-zero exit, file untouched', () => {
    const file = path.join(out, 'existing.html');
    writeFileSync(file, 'keep me');
    const refused = run('dashboard', '--output', file);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toBe(`Error: ${file} already exists: pass --force to overwrite it, or choose another --output file.\n`);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    const forced = run('dashboard', '--output', file, '--force', '--json');
    expect(forced.status, forced.stderr).toBe(0);
    expect(jsonOutput(forced.stdout, 'dashboard-result.schema.json')).toEqual({ output: file, sessions: 5, bytes: readFileSync(file).length });
    expect(readFileSync(file, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('takes the aggregate views’ filters: the totals follow them', () => {
    const all = dashboard();
    expect(kpi(all, 'cost')).toBe(json<ModelJson>('model').total.pricedCostUsd);
    expect(kpi(all, 'sessions')).toBe(5);
    const codex = dashboard('--agent', 'codex');
    const codexModel = json<ModelJson>('model', '--agent', 'codex');
    expect(kpi(codex, 'cost')).toBe(codexModel.total.pricedCostUsd);
    expect(kpi(codex, 'sessions')).toBe(1);
    expect(kpi(codex, 'cost')).toBeLessThan(kpi(all, 'cost')!);
    const since = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    const recent = dashboard('--since', since);
    expect(kpi(recent, 'sessions')).toBe(json<ModelJson>('model', '--since', since, '--timezone', 'UTC').scope.sessions);
    expect(kpi(recent, 'sessions')).toBe(4);
    const haiku = dashboard('--model', 'claude-haiku-4-5', '--project', path.join(cwd, 'app'));
    expect(kpi(haiku, 'cost')).toBe(json<ModelJson>('model', '--model', 'claude-haiku-4-5', '--project', path.join(cwd, 'app')).total.pricedCostUsd);
    expect(chart(haiku, 'cost-per-day').series.map((s) => s.name)).toEqual(['claude-haiku-4-5']);
  });

  it('draws each day of rad stats daily --json, and each agent and project as rad stats model --agent|--project --json counts it', () => {
    const page = dashboard();
    const daily = json<{ periods: { period: string; pricedCostUsd: number }[] }>('daily', '--timezone', 'UTC');
    const cost = chart(page, 'cost-per-day');
    expect(cost.labels).toEqual(daily.periods.map((p) => p.period));
    cost.labels.forEach((_day, i) => expect(cost.series.reduce<number>((s, x) => s + (x.values[i] ?? 0), 0)).toBeCloseTo(daily.periods[i]!.pricedCostUsd, 9));
    const agents = chart(page, 'cost-by-agent');
    expect(agents.labels).toEqual(['claude', '(no agent)', 'codex']);
    expect(agents.series[0]!.values[0]).toBe(json<ModelJson>('model', '--agent', 'claude').total.pricedCostUsd);
    // A project's row leaves out the projects inside its folder: the rows add up to the total.
    const projects = chart(page, 'cost-by-project');
    const total = json<ModelJson>('model').total.pricedCostUsd;
    expect(projects.series[0]!.values.reduce<number>((s, v) => s + (v ?? 0), 0)).toBeCloseTo(total, 9);
    const app = projects.labels.indexOf(path.join(cwd, 'app'));
    expect(projects.series[0]!.values[app]).toBe(json<ModelJson>('model', '--project', path.join(cwd, 'app')).total.pricedCostUsd);
  });

  it('lists the most expensive sessions, highest first, each with its rad stats session --json report', () => {
    const page = dashboard();
    const costs = page.sessions.details.map((d) => {
      const report = json<{ sections: { tokens: { total: { costUsd: number } } } }>('session', '--session-id', d.sessionId);
      expect(d.report).toEqual(report);
      return report.sections.tokens.total.costUsd;
    });
    expect(page.sessions.details).toHaveLength(5);
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
    expect(dashboard('--agent', 'codex').sessions.details.map((d) => d.sessionId)).toEqual(['dash-s2']);
  });

  it('writes nothing when the filters match no session (exit 0), and refuses a bad filter with a one-line error', () => {
    const file = path.join(out, 'none.html');
    const none = run('dashboard', '--output', file, '--agent', 'nobody');
    expect(none.status).toBe(0);
    expect(none.stdout).toBe('No sessions match these filters: agent "nobody". No dashboard was written.\n');
    expect(existsSync(file)).toBe(false);
    const bad = run('dashboard', '--output', file, '--since', 'yesterday');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^Error: --since: "yesterday" is not a date/);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses an empty workspace like the views do, writing nothing', async () => {
    const empty = await tempWorkspace();
    const file = path.join(out, 'empty.html');
    const result = rad(['stats', 'dashboard', '--output', file], { cwd: empty, env });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/^Error: No sessions found in .*\n$/);
    expect(existsSync(file)).toBe(false);
  });

  it('--open hands the written file to the platform opener (xdg-open on Linux)', async () => {
    const bin = tempDir('rad-fake-opener-');
    const seen = path.join(bin, 'opened.txt');
    const opener = openerFor(process.platform, 'x').command;
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, opener), `#!/bin/sh\nprintf '%s' "$1" > '${seen}'\n`);
    chmodSync(path.join(bin, opener), 0o755);
    const file = path.join(out, 'opened.html');
    radOk(['stats', 'dashboard', '--output', file, '--open'], { cwd, env: { ...env, PATH: `${bin}${path.delimiter}${process.env['PATH']}` } });
    // The opener runs detached: wait for it.
    for (let i = 0; i < 100 && !existsSync(seen); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readFileSync(seen, 'utf8')).toBe(file);
  });

  it('--open without an opener still writes the file, with a warning saying to open it by hand', () => {
    const file = path.join(out, 'no-opener.html');
    const empty = tempDir('rad-no-opener-');
    const result = rad(['stats', 'dashboard', '--output', file, '--open'], { cwd, env: { ...env, PATH: empty } });
    expect(result.status).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(result.stderr).toMatch(new RegExp(`^Warning: ${openerFor(process.platform, file).command} could not start .*: open ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} in a browser yourself\\.$`, 'm'));
  });
});
