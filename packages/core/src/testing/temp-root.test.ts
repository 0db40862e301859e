import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import setup from './temp-root.js';

describe('the test run temp root', () => {
  const outer = process.env['TMPDIR'];
  afterEach(() => {
    if (outer === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = outer;
  });

  it('sends every temp folder of the run into one root and removes it, contents and all', () => {
    const before = tmpdir();
    const teardown = setup();
    const root = tmpdir();
    expect(path.dirname(root)).toBe(before);
    const left = path.join(root, 'rad-left-behind', 'deep');
    mkdirSync(left, { recursive: true });
    writeFileSync(path.join(left, 'file.json'), '{}');
    teardown();
    expect(existsSync(root)).toBe(false);
    expect(tmpdir()).toBe(before);
  });
});
