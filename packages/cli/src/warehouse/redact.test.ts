import { describe, expect, it } from 'vitest';
import { Redactor, displayUrl } from './redact.js';

describe('Redactor', () => {
  const secret = 'pw-Zq7#x!k@9%';
  const redactor = new Redactor([secret, undefined, '']);

  it('removes a secret as given and as a URL encodes it', () => {
    expect(redactor.redact(`Wrong password ${secret} for user`)).toBe('Wrong password *** for user');
    expect(redactor.redact(`at http://u:${encodeURIComponent(secret)}@host:8123/`)).not.toContain(encodeURIComponent(secret));
    expect(redactor.redact(`at http://u:${encodeURIComponent(secret)}@host:8123/`)).toBe('at http://u:***@host:8123/');
  });

  it('cuts the password of any URL, even one it was not told', () => {
    expect(new Redactor([]).redact('connect to https://admin:hunter2@db.example.com:8443/x failed')).toBe('connect to https://admin:***@db.example.com:8443/x failed');
  });

  it('leaves text without secrets alone', () => {
    expect(redactor.redact('ECONNREFUSED 127.0.0.1:8123')).toBe('ECONNREFUSED 127.0.0.1:8123');
  });
});

describe('displayUrl', () => {
  it('shows scheme, host, port and path, never user, password, query or fragment', () => {
    expect(displayUrl(new URL('https://u:p@host:8443/base?password=x#y'))).toBe('https://host:8443/base');
    expect(displayUrl(new URL('http://host:8123/'))).toBe('http://host:8123');
  });
});
