import { beforeAll, describe, expect, it } from 'vitest';
import { exampleWorkspace, freshCliHome, rad } from '../helpers/rad.js';
import { expectGolden } from '../helpers/golden.js';

const env = { ...freshCliHome(), TZ: 'UTC' };

describe('human views fit the terminal', () => {
  let workspace: string;
  beforeAll(() => {
    workspace = exampleWorkspace();
  });

  it.each([
    ['model', 80],
    ['model', 120],
    ['engine', 80],
    ['engine', 120],
    ['history', 80],
    ['history', 120],
    ['session', 80],
    ['session', 120],
    ['compare 3c6d a1b2', 80],
    ['compare 3c6d a1b2', 120],
  ])('%s at %i columns: no line wider, columns narrowed or left out as the footnote says (golden)', (view, columns) => {
    const result = rad(['stats', ...view.split(' ')], { cwd: workspace, env: { ...env, COLUMNS: String(columns) } });
    expect(result.status, result.stderr).toBe(0);
    for (const line of result.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(columns);
    expectGolden(`width-${view.split(' ')[0]}-${columns}`, result.stdout);
  });

  it('draws each view at its widest when stdout is not a terminal and COLUMNS is not set', () => {
    const wide = rad(['stats', 'model'], { cwd: workspace, env }).stdout;
    expect(wide).toContain('Avg Latency');
    expect(wide).toContain('31,056,954');
    const narrow = rad(['stats', 'model'], { cwd: workspace, env: { ...env, COLUMNS: '80' } }).stdout;
    expect(narrow).toContain('31.1M');
    expect(narrow).toContain('Left out to fit 80 columns: Avg Latency, Errors (--json has them).');
  });
});
