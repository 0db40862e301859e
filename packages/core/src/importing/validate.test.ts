import { describe, expect, it } from 'vitest';
import { resolveImporters, validateImporter } from './validate.js';

const good = {
  id: 'acme',
  apiVersion: 1,
  title: 'Acme',
  description: 'Acme logs',
  defaultSources: () => [],
  discover: () => [],
  parse: () => ({ record: () => {}, end: () => undefined }),
};

describe('importer validation', () => {
  it('accepts a plain object that satisfies the contract', () => {
    expect(validateImporter(good, 'pkg').id).toBe('acme');
  });

  it('names what is missing or wrong', () => {
    expect(() => validateImporter({ ...good, parse: undefined }, 'pkg')).toThrow('Plugin acme: needs a `parse` function');
    expect(() => validateImporter({ ...good, apiVersion: 2 }, 'pkg')).toThrow(/importer API 2/);
    expect(() => validateImporter({ ...good, id: 'Bad Id' }, 'pkg')).toThrow(/invalid importer id/);
  });

  it('keeps the first of two importers with one id and warns about the rest', () => {
    const warnings: string[] = [];
    const out = resolveImporters([{ source: 'a', value: good }, { source: 'b', value: [good, { nope: true }] }], (m) => warnings.push(m));
    expect(out).toHaveLength(1);
    expect(warnings).toEqual(['Importer acme from b ignored: a already provides that id.', 'Plugin b: has an invalid importer id undefined (want ^[a-z][a-z0-9-]{0,63}$); it was skipped.']);
  });
});
