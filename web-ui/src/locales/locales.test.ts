import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Flattens a nested locale object into "a.b.c" → leaf value. */
function flatten(node: Json, prefix = '', out = new Map<string, Json>()): Map<string, Json> {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) {
      flatten(value, prefix ? `${prefix}.${key}` : key, out);
    }
  } else {
    out.set(prefix, node);
  }
  return out;
}

function placeholders(value: string): string[] {
  return [...value.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

const locales: Record<string, Map<string, Json>> = {
  'zh-CN': flatten(zhCN),
  en: flatten(en),
};
const reference = locales['zh-CN']!;

describe('locale files', () => {
  it('zh-CN.json and en.json have exactly the same (deep) key set', () => {
    const refKeys = [...reference.keys()].sort();
    const enKeys = [...locales.en!.keys()].sort();
    const missingInEn = refKeys.filter((k) => !locales.en!.has(k));
    const missingInZh = enKeys.filter((k) => !reference.has(k));

    expect({ missingInEn, missingInZh }).toEqual({ missingInEn: [], missingInZh: [] });
    expect(refKeys.length).toBeGreaterThan(0);
  });

  it.each(Object.keys(locales))('%s has a non-empty string for every key', (language) => {
    const bad = [...locales[language]!.entries()]
      .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
      .map(([key]) => key);

    expect(bad).toEqual([]);
  });

  it('uses the same {{placeholders}} in every language', () => {
    const mismatched = [...reference.entries()]
      .filter(([key, value]) => {
        const other = locales.en!.get(key);
        return typeof value === 'string' && typeof other === 'string' &&
          placeholders(value).join() !== placeholders(other).join();
      })
      .map(([key]) => key);

    expect(mismatched).toEqual([]);
  });
});
