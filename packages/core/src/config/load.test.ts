import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { countPlugin, tempDir, testHost } from '../testing/index.js';
import { loadConfig } from './load.js';

function configFile(content: unknown): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, '.radium'));
  const file = path.join(dir, '.radium', 'stats.config.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('config', () => {
  it('has defaults when there is no file', () => {
    expect(loadConfig(undefined, {})).toMatchObject({ collectors: {}, prices: { overrides: {} }, liveSessionMinutes: 30 });
  });

  it('switches a collector off from the workspace file: its section is gone, the others stay', async () => {
    const workspace = path.dirname(path.dirname(configFile({ collectors: { b: { enabled: false } } })));
    const host = await testHost([countPlugin('a'), countPlugin('b')], { workspace });
    const report = await (await host.recorders.start()).end();
    expect(report.plugins).toEqual(['a']);
    expect(Object.keys(report.sections)).toEqual(['a']);
  });

  it('switches collectors off from RADIUM_STATS_DISABLE and passes options from RADIUM_STATS_CONFIG', () => {
    const config = loadConfig(undefined, {
      RADIUM_STATS_DISABLE: 'git, cache',
      RADIUM_STATS_CONFIG: JSON.stringify({ collectors: { tokens: { options: { currency: 'USD' } } } }),
    });
    expect(config.collectors.git?.enabled).toBe(false);
    expect(config.collectors.cache?.enabled).toBe(false);
    expect(config.collectors.tokens).toEqual({ enabled: true, options: { currency: 'USD' } });
  });

  it('lets the environment override the file', () => {
    const file = configFile({ collectors: { git: { enabled: false } } });
    expect(loadConfig(file, { RADIUM_STATS_CONFIG: '{"collectors":{"git":{"enabled":true}}}' }).collectors.git?.enabled).toBe(true);
  });

  it('names the bad key', () => {
    const file = configFile({ collectors: { git: { enabled: 'no' } } });
    expect(() => loadConfig(file, {})).toThrow(ConfigError);
    expect(() => loadConfig(file, {})).toThrow(/`collectors.git.enabled`/);
    expect(() => loadConfig(configFile({ colectors: {} }), {})).toThrow(/colectors/);
  });

  it('names the file when it is not JSON', () => {
    const file = configFile('{ nope');
    expect(() => loadConfig(file, {})).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid JSON`));
  });

  it('warns about collector ids no plugin provides', async () => {
    const workspace = path.dirname(path.dirname(configFile({ collectors: { tokenz: { enabled: false } } })));
    const host = await testHost([countPlugin()], { workspace });
    expect(host.warnings.messages.join('\n')).toMatch(/"tokenz", which no installed plugin provides/);
  });
});
