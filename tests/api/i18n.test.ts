import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (name: string) => JSON.parse(readFileSync(`widget/i18n/${name}.json`, 'utf8')) as Record<string, string | Record<string, string>>;
const english = { ...read('en'), ...read('en-form') };
const placeholders = (v: string | Record<string, string>) => [...new Set(JSON.stringify(v).match(/\{\w+\}/g) ?? [])].sort();

describe('the widget languages', () => {
  for (const lang of ['de', 'fr', 'es', 'ja']) {
    it(`${lang} has every English message, with the same placeholders and an "other" plural form`, () => {
      const words = read(lang);
      expect(Object.keys(words).sort()).toEqual(Object.keys(english).sort());
      for (const [key, value] of Object.entries(english)) {
        expect(placeholders(words[key]!), `${lang}.${key}`).toEqual(placeholders(value));
        if (typeof value === 'object') expect(words[key], `${lang}.${key}`).toHaveProperty('other');
      }
    });
  }
});

describe('the widget numbers', () => {
  it('are written as Intl writes them, in every language the widget speaks, without Intl.NumberFormat', async () => {
    const { Translator, languages } = await import('../../widget/i18n/translator.ts');
    for (const lang of languages) {
      const tr = new Translator(lang, {});
      for (const n of [0, 7, 42, 999, 1000, 1234, 12_345, 123_456, 1_234_567, -4, -1500, -12_345]) {
        expect(tr.number(n), `${lang} ${n}`).toBe(new Intl.NumberFormat(lang).format(n));
      }
    }
  });
});
