import { describe, expect, it } from 'vitest';
import { outputStyle } from './style.js';

describe('outputStyle', () => {
  it('styles only a TTY, never with NO_COLOR, and a pipe only with FORCE_COLOR', () => {
    expect(outputStyle({ isTTY: true }, {}).color).toBe(true);
    expect(outputStyle({ isTTY: true }, { NO_COLOR: '1' }).color).toBe(false);
    expect(outputStyle({ isTTY: true }, { NO_COLOR: '' }).color).toBe(true);
    expect(outputStyle({ isTTY: false }, {}).color).toBe(false);
    expect(outputStyle({ isTTY: false }, { FORCE_COLOR: '1' }).color).toBe(true);
    expect(outputStyle({ isTTY: false }, { FORCE_COLOR: '0' }).color).toBe(false);
    expect(outputStyle({ isTTY: false }, { FORCE_COLOR: '1', NO_COLOR: '1' }).color).toBe(false);
  });
});
