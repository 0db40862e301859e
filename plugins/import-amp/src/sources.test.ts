import { describe, expect, it } from 'vitest';
import { ampSources } from './sources.js';

describe('ampSources', () => {
  it('looks in $XDG_DATA_HOME/amp when it is set outside Windows, else in ~/.local/share/amp', () => {
    expect(ampSources({ env: {}, home: '/home/u' }, 'linux')).toEqual(['/home/u/.local/share/amp']);
    expect(ampSources({ env: { XDG_DATA_HOME: '/data' }, home: '/home/u' }, 'linux')).toEqual(['/data/amp']);
    expect(ampSources({ env: { XDG_DATA_HOME: '/data' }, home: '/home/u' }, 'darwin')).toEqual(['/data/amp']);
    expect(ampSources({ env: { XDG_DATA_HOME: 'relative' }, home: '/home/u' }, 'linux')).toEqual(['/home/u/.local/share/amp']);
    expect(ampSources({ env: { XDG_DATA_HOME: '/data' }, home: '/home/u' }, 'win32')).toEqual(['/home/u/.local/share/amp']);
  });
});
