import { describe, expect, it } from 'vitest';
import { claudeSources } from './sources.js';

describe('claudeSources', () => {
  it('searches ~/.config/claude and ~/.claude by default', () => {
    expect(claudeSources({ env: {}, home: '/home/me' })).toEqual(['/home/me/.config/claude/projects', '/home/me/.claude/projects']);
  });

  it('honours XDG_CONFIG_HOME and the CLAUDE_CONFIG_DIR comma list', () => {
    expect(claudeSources({ env: { XDG_CONFIG_HOME: '/xdg' }, home: '/home/me' })[0]).toBe('/xdg/claude/projects');
    expect(claudeSources({ env: { CLAUDE_CONFIG_DIR: '/a, /b/c ,' }, home: '/home/me' })).toEqual(['/a/projects', '/b/c/projects']);
  });
});
