import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '@radium-stats/core/testing';
import { freshCliHome, radOk } from '../helpers/rad.js';

const env = freshCliHome();
const LABELS = ['Hit Rate:', 'Cache Read:', 'Cache Write (5m / 1h):', 'Savings:'];

/** The lines of the Cache block of `rad stats session`, title excluded. */
function cacheBlock(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf('Cache') + 1;
  const end = lines.indexOf('', start);
  return lines.slice(start, end === -1 ? undefined : end);
}

/** Where each value starts: after its label, or, on a line of its own under a long label, after the indent. */
function valueColumns(lines: string[], models: string[]): number[] {
  const labels = [...LABELS, ...models.map((m) => `  » ${m}:`)];
  return lines.flatMap((line) => {
    const label = labels.find((l) => line.startsWith(l));
    if (label === undefined) return [line.search(/\S/)];
    return line === label ? [] : [label.length + line.slice(label.length).search(/\S/)];
  });
}

describe('the Cache block of a session with several models', () => {
  it.each([
    ['a priced model with a long name', 'claude-sonnet-4-5-20250929', 'claude'],
    ['an unpriced model whose name is long enough to crowd the Savings line', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude'],
  ])('keeps the per-model hit rates in the column of the other values: %s', async (_case, model, engine) => {
    const cwd = await tempWorkspace();
    radOk(['session', 'start', '--agent', 'shell-test', '--session-id', 'cache-labels'], { cwd, env });
    const events = [
      { type: 'api.response', model, engine, tokens: { input: 500, output: 10, cacheRead: 500 } },
      { type: 'api.response', model: 'gpt-5', engine: 'openai', tokens: { input: 100, output: 10, cacheRead: 300 } },
    ];
    radOk(['session', 'record', '--session-id', 'cache-labels'], { cwd, env, input: events.map((e) => JSON.stringify(e)).join('\n') });
    radOk(['session', 'end', '--session-id', 'cache-labels'], { cwd, env });

    const lines = cacheBlock(radOk(['stats', 'session', '--session-id', 'cache-labels'], { cwd, env }).stdout);
    expect(lines.join('\n')).toContain('50.0%');
    const columns = valueColumns(lines, [model, 'gpt-5']);
    expect(columns, lines.join('\n')).toHaveLength(6);
    expect(new Set(columns).size, lines.join('\n')).toBe(1);
    for (const line of lines.filter((l) => !l.startsWith('Savings:'))) expect(line.length).toBeLessThanOrEqual(80);
  });
});
