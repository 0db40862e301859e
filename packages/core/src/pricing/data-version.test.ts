import { describe, expect, it } from 'vitest';
import { priceDataVersion, SessionPriceData } from './data-version.js';

const a = { engine: 'acme', model: 'acme-a' };
const b = { engine: 'acme', model: 'acme-b' };

describe("a session's price data", () => {
  it('names only the overrides that price its models, so changing another one leaves it as it was', () => {
    const base = priceDataVersion({});
    const before = new SessionPriceData({ 'acme-a': { input: 1, output: 1 }, 'acme-b': { input: 2, output: 2 } });
    const after = new SessionPriceData({ 'acme-a': { input: 1, output: 1 }, 'acme-b': { input: 3, output: 3 } });
    expect(before.versionFor([])).toBe(base);
    expect(before.versionFor([{ engine: 'openai', model: 'gpt-4o' }])).toBe(base);
    expect(before.versionFor([a])).toBe(after.versionFor([a]));
    expect(before.versionFor([a])).toMatch(/\+overrides\.[0-9a-f]{8}$/);
    expect(before.versionFor([b])).not.toBe(after.versionFor([b]));
    expect(before.versionFor([a, b])).not.toBe(after.versionFor([b, a]));
    expect(after.versionFor([a, b])).toBe(after.versionFor([b, a]));
    expect(before.workspaceVersion).not.toBe(after.workspaceVersion);
  });

  it('matches models as the price service does: `engine/model` first, then the name in any case', () => {
    const prices = new SessionPriceData({ 'Acme-A': { input: 1, output: 1 }, 'other/acme-b': { input: 2, output: 2 } });
    expect(prices.versionFor([a])).toBe(priceDataVersion({ 'Acme-A': { input: 1, output: 1 } }));
    expect(prices.versionFor([b])).toBe(priceDataVersion({}));
    expect(prices.versionFor([{ engine: 'other', model: 'acme-b' }])).toBe(priceDataVersion({ 'other/acme-b': { input: 2, output: 2 } }));
  });
});
