import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '@radium-stats/core/testing';
import { exampleWorkspace, freshCliHome, rad } from '../helpers/rad.js';
import { expectGolden } from '../helpers/golden.js';
import { radInPty } from '../helpers/pty.js';
import { jsonOutput } from '../helpers/schemas.js';

const env = { ...freshCliHome(), TZ: 'UTC' };

interface Day {
  date: string;
  value: number;
  level: number;
  sessions: number;
  tokens: number;
  pricedCostUsd: number;
}
interface CalendarJson {
  timezone: string;
  weekStart: string;
  metric: string;
  from: string;
  to: string;
  levels: (number | null)[];
  days: Day[];
  total: (Omit<Day, 'date' | 'level'> & { activeDays: number }) | null;
}
interface DailyJson {
  periods: { period: string; sessions: number; inputTokens: number; outputTokens: number; pricedCostUsd: number }[];
  total: { sessions: number; pricedCostUsd: number } | null;
}

/** An ended session with one response per entry, each of `input` tokens (cost grows with them). */
function session(root: string, id: string, responses: [at: string, input: number][], agent = 'claude'): void {
  const lines: object[] = [{ type: 'session.start', ts: responses[0]![0], sessionId: id, workspace: root, agent }];
  for (const [ts, input] of responses) lines.push({ type: 'api.response', ts, model: 'claude-haiku-4-5', engine: 'anthropic', durationMs: 100, tokens: { input, output: 100 } });
  lines.push({ type: 'session.end', ts: responses.at(-1)![0] });
  writeFileSync(path.join(root, '.radium/_internals/sessions', `${id}.events.jsonl`), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('rad stats calendar', () => {
  let cwd: string;
  /** The agent of each session started in the window. */
  const started: string[] = [];
  const view = (args: string[], extra: NodeJS.ProcessEnv = {}) => rad(['stats', 'calendar', ...args], { cwd, env: { ...env, ...extra } });
  const json = (...args: string[]) => {
    const result = view([...args, '--json']);
    expect(result.status, result.stderr).toBe(0);
    return jsonOutput<CalendarJson>(result.stdout, 'calendar.schema.json');
  };

  beforeAll(async () => {
    cwd = await tempWorkspace();
    // A year of uneven days (a fixed pseudo-random draw): weekdays busier than weekends, one or two
    // sessions a day, a few costly days among many cheap ones; one session before the window.
    let seed = 15;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let day = 0; day < 360; day++) {
      if (random() > (day % 7 < 5 ? 0.75 : 0.3)) continue;
      const date = addDays('2025-01-06', day);
      for (let n = 0; n < 1 + Math.floor(random() * 2); n++) {
        const agent = random() < 0.2 ? 'codex' : 'claude';
        session(cwd, `s${day}-${n}`, [[`${date}T1${n}:00:00Z`, 1000 * (1 + Math.floor(random() ** 3 * 400))]], agent);
        started.push(agent);
      }
    }
    session(cwd, 'late', [['2025-06-10T23:30:00Z', 50_000]]);
    started.push('claude');
    session(cwd, 'old', [['2024-06-01T10:00:00Z', 5000]]);
  });

  it.each([80, 120])('draws 52 weeks of daily cost within %i columns, in block shades without a terminal (golden)', (columns) => {
    const result = view(['--until', '2025-12-31', '--timezone', 'UTC'], { COLUMNS: String(columns) });
    expect(result.status, result.stderr).toBe(0);
    for (const line of result.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(columns);
    expect(result.stdout).not.toContain('\u001b');
    expectGolden(`calendar-${columns}`, result.stdout);
  });

  it('shades tokens or sessions with weeks from Sunday, in the time zone (golden)', () => {
    const result = view(['--until', '2025-12-31', '--timezone', 'UTC', '--metric', 'sessions', '--start-of-week', 'sunday'], { COLUMNS: '80' });
    expect(result.status, result.stderr).toBe(0);
    expectGolden('calendar-sessions-sunday-80', result.stdout);
    const tokens = json('--until', '2025-12-31', '--metric', 'tokens');
    expect(tokens.days.find((d) => d.value > 0)!.value).toBe(tokens.days.find((d) => d.value > 0)!.tokens);
    // 23:30 UTC on June 10 is June 11 in Tokyo; the other sessions start at 10:00 or 11:00 UTC, the same day there.
    const on = (out: CalendarJson, date: string) => out.days.find((d) => d.date === date)!.sessions;
    const tokyo = json('--until', '2025-12-31', '--timezone', 'Asia/Tokyo');
    const utc = json('--until', '2025-12-31', '--timezone', 'UTC');
    expect([on(tokyo, '2025-06-10'), on(tokyo, '2025-06-11')]).toEqual([on(utc, '2025-06-10') - 1, on(utc, '2025-06-11') + 1]);
  });

  it('gives every day of the 52 weeks with the numbers of `rad stats daily --json`, ending with the week of --until', () => {
    const calendar = json('--until', '2025-12-31', '--timezone', 'UTC');
    expect(calendar).toMatchObject({ timezone: 'UTC', weekStart: 'monday', metric: 'cost', from: '2025-01-06', to: '2025-12-31' });
    expect(calendar.days).toHaveLength(51 * 7 + 3);
    expect(calendar.days.map((d) => d.date)).toEqual(calendar.days.map((_, i) => addDays('2025-01-06', i)));
    const daily = JSON.parse(rad(['stats', 'daily', '--json', '--since', '2025-01-06', '--until', '2025-12-31', '--timezone', 'UTC'], { cwd, env }).stdout) as DailyJson;
    const active = calendar.days.filter((d) => d.sessions > 0 || d.tokens > 0);
    expect(active.map((d) => [d.date, d.sessions, d.pricedCostUsd])).toEqual(daily.periods.map((p) => [p.period, p.sessions, p.pricedCostUsd]));
    expect(active.map((d) => d.tokens)).toEqual(daily.periods.map((p) => p.inputTokens + p.outputTokens));
    expect(calendar.total).toMatchObject({ sessions: daily.total!.sessions, pricedCostUsd: daily.total!.pricedCostUsd, value: daily.total!.pricedCostUsd, activeDays: active.length });
    // The session of 2024 is before the window.
    expect(calendar.total!.sessions).toBe(started.length);
    // Quarters by rank: the busiest day is darkest and each shade's highest value is in order.
    const busiest = calendar.days.reduce((a, b) => (b.value > a.value ? b : a));
    expect(busiest.level).toBe(4);
    expect(calendar.levels.filter((l) => l !== null)).toEqual([...calendar.levels.filter((l) => l !== null)].sort((a, b) => a! - b!));
    const sunday = json('--until', '2025-12-31', '--start-of-week', 'sunday');
    expect(sunday).toMatchObject({ weekStart: 'sunday', from: '2025-01-05' });
  });

  it('takes the filters of the aggregate views, and says when nothing matched', () => {
    const codex = json('--until', '2025-12-31', '--agent', 'codex');
    expect(codex.total!.sessions).toBe(started.filter((a) => a === 'codex').length);
    const since = json('--until', '2025-12-31', '--since', '2025-07-01');
    expect(since.days[0]!.date).toBe('2025-01-06');
    expect(since.days.filter((d) => d.date < '2025-07-01').every((d) => d.value === 0)).toBe(true);
    const none = view(['--agent', 'nobody']);
    expect(none.status).toBe(0);
    expect(none.stdout.trim()).toBe('No sessions match these filters: agent "nobody".');
    expect(json('--agent', 'nobody')).toMatchObject({ days: [], total: null });
  });

  it.each([
    [['--metric', 'money'], /^Error: .*--metric/],
    [['--start-of-week', 'friday'], /^Error: .*--start-of-week/],
    [['--timezone', 'Mars/Olympus'], /^Error: --timezone: "Mars\/Olympus" is not an IANA time zone/],
  ])('refuses %j with one line naming the flag', (args, message) => {
    const result = view(args as string[]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('is green on a terminal, and block shades on a terminal with NO_COLOR', async () => {
    const tty = radInPty(['stats', 'calendar', '--until', '2025-12-31'], { cwd, env, columns: 80 });
    expect(await tty.exited).toBe(0);
    expect(tty.output()).toMatch(/\u001b\[38;5;40m■/);
    expect(tty.output()).not.toMatch(/[░▒▓█]/);
    const plain = radInPty(['stats', 'calendar', '--until', '2025-12-31'], { cwd, env: { ...env, NO_COLOR: '1' }, columns: 80 });
    expect(await plain.exited).toBe(0);
    expect(plain.output()).not.toContain('\u001b');
    expect(plain.output()).toContain('Less  ░▒▓█ More');
  });
});

describe('rad stats calendar of the example workspace', () => {
  it('shows its two days at 80 columns (golden)', () => {
    const cwd = exampleWorkspace();
    const result = rad(['stats', 'calendar', '--until', '2025-12-31', '--timezone', 'UTC'], { cwd, env: { ...env, COLUMNS: '80' } });
    expect(result.status, result.stderr).toBe(0);
    expectGolden('example-calendar-80', result.stdout);
  });
});
