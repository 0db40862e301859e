import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statsConfigSchema } from '@radium-stats/core';
import { tempDir } from '@radium-stats/core/testing';
import { clickhouseCode } from './client.js';
import { resolveTarget, warehouseSettings } from './settings.js';

const noGit = async () => undefined;

describe('resolveTarget', () => {
  it('takes the password from RADIUM_WAREHOUSE_PASSWORD over the URL, and keeps it out of the URL it shows', async () => {
    const target = await resolveTarget({ url: 'https://bob:url%40pw@ch.example.com:8443/' }, { RADIUM_WAREHOUSE_PASSWORD: 'env-pw' }, noGit);
    expect(target).toMatchObject({ url: 'https://ch.example.com:8443', username: 'bob', password: 'env-pw', database: 'radium', team: '' });
    expect(target.display).toBe('https://ch.example.com:8443 (database radium)');
    expect(target.redactor.redact('x env-pw url@pw url%40pw')).toBe('x *** *** ***');
  });

  it('lets RADIUM_WAREHOUSE_URL override the config, with the URL password and the default user', async () => {
    const target = await resolveTarget({ url: 'http://config:8123', database: 'team_db' }, { RADIUM_WAREHOUSE_URL: 'http://:secret@env-host:8123' }, noGit);
    expect(target).toMatchObject({ url: 'http://env-host:8123', username: 'default', password: 'secret', database: 'team_db' });
  });

  it("stamps git's user.email and the hostname unless config names the developer and machine", async () => {
    const byGit = await resolveTarget({ url: 'http://h:8123' }, {}, async () => 'dev@example.com');
    expect(byGit.developer).toBe('dev@example.com');
    expect(byGit.machine.length).toBeGreaterThan(0);
    expect(await resolveTarget({ url: 'http://h:8123', developer: 'me', machine: 'box' }, {}, async () => 'dev@example.com')).toMatchObject({ developer: 'me', machine: 'box' });
  });

  it('refuses a URL it cannot use without repeating it', async () => {
    await expect(resolveTarget({ url: 'not a url:pw' }, {}, noGit)).rejects.toThrow(/^The warehouse URL \(warehouse\.url\) is not a valid URL: use http\(s\):\/\/host:port\.$/);
    await expect(resolveTarget({ url: 'ftp://u:pw9@h' }, {}, noGit)).rejects.toThrow(/^The warehouse URL ftp:\/\/h is not http\(s\)/);
    await expect(resolveTarget({}, {}, noGit)).rejects.toThrow(/No warehouse configured/);
  });
});

describe('warehouseSettings', () => {
  it("lays the workspace's warehouse over the user-level file's", () => {
    const home = tempDir('rad-wh-config-');
    mkdirSync(path.join(home, 'radium'));
    writeFileSync(path.join(home, 'radium', 'stats.config.json'), JSON.stringify({ warehouse: { url: 'http://user-level:8123', team: 'core', machine: 'laptop' } }));
    const workspace = statsConfigSchema.parse({ warehouse: { machine: 'desk' } });
    expect(warehouseSettings(workspace, { XDG_CONFIG_HOME: home }, () => {})).toEqual({ url: 'http://user-level:8123', team: 'core', machine: 'desk' });
    expect(warehouseSettings(statsConfigSchema.parse({}), { XDG_CONFIG_HOME: home }, () => {})).toMatchObject({ url: 'http://user-level:8123' });
  });

  it('refuses a password key in the config file', () => {
    expect(statsConfigSchema.safeParse({ warehouse: { url: 'http://h', password: 'x' } }).success).toBe(false);
  });
});

describe('clickhouseCode', () => {
  it("reads the code from 18.16's and current servers' messages", () => {
    expect(clickhouseCode('Code: 193, e.displayText() = DB::Exception: Wrong password for user rad, e.what() = DB::Exception')).toBe(193);
    expect(clickhouseCode('Code: 516. DB::Exception: bob: Authentication failed. (AUTHENTICATION_FAILED) (version 24.8.1.1)')).toBe(516);
    expect(clickhouseCode('connect ECONNREFUSED 127.0.0.1:1')).toBeUndefined();
  });
});
