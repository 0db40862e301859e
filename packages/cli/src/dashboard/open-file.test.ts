import { describe, expect, it } from 'vitest';
import { openerFor } from './open-file.js';

describe('openerFor', () => {
  it('uses xdg-open on Linux and other Unix systems, open on macOS, start through cmd on Windows', () => {
    expect(openerFor('linux', '/tmp/a b.html')).toEqual({ command: 'xdg-open', args: ['/tmp/a b.html'], verbatim: false });
    expect(openerFor('freebsd', '/tmp/a.html').command).toBe('xdg-open');
    expect(openerFor('darwin', '/tmp/a b.html')).toEqual({ command: 'open', args: ['/tmp/a b.html'], verbatim: false });
    expect(openerFor('win32', 'C:\\r\\a b.html')).toEqual({ command: 'cmd', args: ['/c', 'start', '""', '"C:\\r\\a b.html"'], verbatim: true });
  });
});
