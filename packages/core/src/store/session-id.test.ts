import { describe, expect, it } from 'vitest';
import { InvalidSessionIdError } from '../errors.js';
import { WorkspacePaths } from './paths.js';
import { assertSessionId, newSessionId } from './session-id.js';

describe('session ids', () => {
  it('accepts UUIDs and importer ids', () => {
    expect(assertSessionId(newSessionId())).toMatch(/^[0-9a-f-]{36}$/);
    expect(assertSessionId('claude-code-6170607e-1a2b')).toBe('claude-code-6170607e-1a2b');
  });

  it.each(['../etc/passwd', 'a/b', 'a\\b', '..', '.hidden', '', 'x'.repeat(129), 'id\u0000', 'a..b', 'x.json'])(
    'rejects %j before it reaches a path',
    (id) => {
      expect(() => new WorkspacePaths('/w').reportFile(id)).toThrow(InvalidSessionIdError);
      expect(() => new WorkspacePaths('/w').journalFile(id)).toThrow(InvalidSessionIdError);
    },
  );
});
