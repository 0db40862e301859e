import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LIVE_SESSION_MINUTES, MAX_USD_PER_MILLION } from '../ceilings.js';
import { ConfigError } from '../errors.js';
import { countPlugin, tempDir, testHost } from '../testing/index.js';
import { MAX_CONFIG_BYTES } from './config-file.js';
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

  it('lets RADIUM_STATS_DISABLE win over `enabled: true` in the file and in RADIUM_STATS_CONFIG, as the layering says', () => {
    const file = configFile({ collectors: { git: { enabled: true, options: { keep: 1 } } } });
    const config = loadConfig(file, {
      RADIUM_STATS_CONFIG: JSON.stringify({ collectors: { cache: { enabled: true } } }),
      RADIUM_STATS_DISABLE: 'git,cache',
    });
    expect(config.collectors.git).toEqual({ enabled: false, options: { keep: 1 } });
    expect(config.collectors.cache?.enabled).toBe(false);
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

  it('lists the agents to import before each view under `import.auto`, none by default, and names a bad entry', () => {
    expect(loadConfig(undefined, {}).import.auto).toEqual([]);
    expect(loadConfig(configFile({ import: { auto: ['claude-code', 'codex'] } }), {}).import.auto).toEqual(['claude-code', 'codex']);
    expect(() => loadConfig(configFile({ import: { auto: 'claude-code' } }), {})).toThrow(/bad value at `import\.auto`/);
    expect(() => loadConfig(configFile({ import: { auto: [''] } }), {})).toThrow(/bad value at `import\.auto\.0`/);
  });

  it('warns about collector ids no plugin provides', async () => {
    const workspace = path.dirname(path.dirname(configFile({ collectors: { tokenz: { enabled: false } } })));
    const host = await testHost([countPlugin()], { workspace });
    expect(host.warnings.messages.join('\n')).toMatch(/"tokenz", which no installed plugin provides/);
  });
});

/** The message loadConfig throws, checked to be a one-line ConfigError. */
function configError(file: string | undefined, env: NodeJS.ProcessEnv = {}): string {
  try {
    loadConfig(file, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toMatch(/\n/);
    return message;
  }
  throw new Error('loadConfig accepted it');
}

describe('config numbers', () => {
  const price = (input: unknown) => ({ prices: { overrides: { m: { input, output: 1 } } } });

  it('takes a price up to 10,000 USD per million tokens and names the key of a larger, negative or infinite one', () => {
    expect(MAX_USD_PER_MILLION).toBe(10_000);
    expect(loadConfig(configFile(price(MAX_USD_PER_MILLION)), {}).prices.overrides.m?.input).toBe(MAX_USD_PER_MILLION);
    expect(configError(configFile(price(1e300)))).toMatch(/stats\.config\.json: bad value at `prices\.overrides\.m\.input` \(at most 10000 USD per million tokens\): fix or remove that key\.$/);
    expect(configError(configFile(price(-0.5)))).toMatch(/`prices\.overrides\.m\.input`/);
    // JSON.parse reads 1e999 as Infinity.
    expect(configError(configFile('{"prices":{"overrides":{"m":{"input":1,"output":1e999}}}}'))).toMatch(/`prices\.overrides\.m\.output`/);
    expect(configError(undefined, { RADIUM_STATS_CONFIG: JSON.stringify(price(1e7)) })).toMatch(/^RADIUM_STATS_CONFIG: bad value at `prices\.overrides\.m\.input`/);
  });

  it('takes liveSessionMinutes above 0 and up to a year', () => {
    expect(loadConfig(configFile({ liveSessionMinutes: MAX_LIVE_SESSION_MINUTES }), {}).liveSessionMinutes).toBe(525_600);
    expect(loadConfig(configFile({ liveSessionMinutes: 0.5 }), {}).liveSessionMinutes).toBe(0.5);
    for (const bad of [MAX_LIVE_SESSION_MINUTES + 1, 0, -1, '30']) {
      expect(configError(configFile({ liveSessionMinutes: bad }))).toMatch(/bad value at `liveSessionMinutes`/);
    }
    expect(configError(configFile('{"liveSessionMinutes":1e999}'))).toMatch(/`liveSessionMinutes`/);
  });
});

describe('config file', () => {
  it('names a directory where the file should be, in one line, instead of EISDIR', () => {
    const file = configFile('{}');
    const dir = path.join(path.dirname(file), 'dir.json');
    mkdirSync(dir);
    expect(configError(dir)).toBe(`${dir} is a directory, not a config file: remove it, or replace it with a JSON file.`);
  });

  it('refuses a FIFO without opening it (reading one would wait for a writer forever)', () => {
    const fifo = path.join(tempDir(), 'stats.config.json');
    execFileSync('mkfifo', [fifo]);
    expect(configError(fifo)).toBe(`${fifo} is not a regular file: replace it with a JSON file.`);
  });

  it('refuses a file too large to be a config file', () => {
    const file = configFile(`{"x": "${'y'.repeat(MAX_CONFIG_BYTES)}"}`);
    expect(configError(file)).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is \\d+ bytes, more than a config file can be`));
  });

  it('keeps a syntax error on one line though Node quotes the text with its line breaks', () => {
    const file = configFile('{\n  "collectors": nope\n}');
    expect(configError(file)).toMatch(/stats\.config\.json is not valid JSON \(.*\): fix the syntax\.$/);
  });

  it('treats a missing file as no config', () => {
    expect(loadConfig(path.join(tempDir(), 'absent.json'), {}).liveSessionMinutes).toBe(30);
  });
});

describe('config `__proto__` keys', () => {
  it('refuses one at the top level or in plugin settings, like any unknown key there', () => {
    expect(configError(configFile('{"__proto__": {"liveSessionMinutes": 1}}'))).toMatch(/bad value at `\(top level\)` \(Unrecognized key: "__proto__"\)/);
    expect(configError(configFile('{"collectors": {"git": {"__proto__": {}}}}'))).toMatch(/bad value at `collectors\.git`.*__proto__/);
  });

  it('warns about one among collector ids, prices and options, and ignores it', () => {
    const warnings: string[] = [];
    const file = configFile(
      '{"collectors": {"__proto__": {"enabled": false}, "git": {"options": {"__proto__": {"x": 1}}}}, "prices": {"overrides": {"__proto__": {"input": 1, "output": 1}}}}',
    );
    const config = loadConfig(file, {}, (m) => warnings.push(m));
    expect(warnings).toEqual([
      `${file}: \`collectors.__proto__\` is not a key rad knows; it is ignored: remove it.`,
      `${file}: \`collectors.git.options.__proto__\` is not a key rad knows; it is ignored: remove it.`,
      `${file}: \`prices.overrides.__proto__\` is not a key rad knows; it is ignored: remove it.`,
    ]);
    expect(Object.getPrototypeOf(config.collectors)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(config.prices.overrides)).toBe(Object.prototype);
    expect(config.prices.overrides).toEqual({});
  });

  it('warns about one in RADIUM_STATS_CONFIG and RADIUM_STATS_DISABLE too, and never lets it reach a prototype', () => {
    const warnings: string[] = [];
    const config = loadConfig(undefined, { RADIUM_STATS_CONFIG: '{"collectors": {"__proto__": {"enabled": false}}}', RADIUM_STATS_DISABLE: '__proto__,git' }, (m) =>
      warnings.push(m),
    );
    expect(warnings).toEqual([
      'RADIUM_STATS_CONFIG: `collectors.__proto__` is not a key rad knows; it is ignored: remove it.',
      'RADIUM_STATS_DISABLE: `__proto__` is not a plugin id; it is ignored: remove it.',
    ]);
    expect(Object.keys(config.collectors)).toEqual(['git']);
    expect(Object.getPrototypeOf(config.collectors)).toBe(Object.prototype);
  });

  it('reaches the host warnings', async () => {
    const workspace = path.dirname(path.dirname(configFile('{"collectors": {"__proto__": {"enabled": false}}}')));
    const host = await testHost([countPlugin()], { workspace });
    expect(host.warnings.messages.join('\n')).toMatch(/`collectors\.__proto__` is not a key rad knows/);
  });
});
