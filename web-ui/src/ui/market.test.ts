import { beforeEach, describe, expect, it } from 'vitest';
import { withQuery } from '../api/client';
import i18n from '../i18n';
import { activeFilterCount, effectiveSort, facetValues, marketQuery, priceBand, priceBandLabel, readMarketSearch, writeMarketSearch } from './market';

describe('market search in the address', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('reads the search from the address, dropping what the API would refuse', () => {
    const search = readMarketSearch(
      new URLSearchParams('scope=STORE&q=+宝马+3系+&make=宝马&make=宝马&make=奥迪&gearbox=AUTOMATIC&gearbox=ROCKET&priceMin=100000&yearMax=abc&sort=UP&car=x'),
    );
    expect(search).toMatchObject({ scope: 'STORE', q: '宝马 3系', make: ['宝马', '奥迪'], gearbox: ['AUTOMATIC'], priceMin: 100000, yearMax: undefined, sort: undefined });
    expect(readMarketSearch(new URLSearchParams('scope=ALL')).scope).toBe('GROUP');
  });

  it('writes the search back, keeping the other parameters and starting again on page 1', () => {
    const search = readMarketSearch(new URLSearchParams('q=宝马&city=广州&city=深圳&mileageMax=80000&sort=PRICE_DESC'));
    const written = writeMarketSearch({ ...search, scope: 'GROUP' }, new URLSearchParams('page=3&size=50&car=c1'));
    expect([...written.entries()]).toEqual([
      ['size', '50'],
      ['car', 'c1'],
      ['q', '宝马'],
      ['sort', 'PRICE_DESC'],
      ['city', '广州'],
      ['city', '深圳'],
      ['mileageMax', '80000'],
    ]);
  });

  it('asks for best match only with search text, and sends a list as a repeated parameter', () => {
    const search = readMarketSearch(new URLSearchParams('make=宝马&make=奥迪&sort=RELEVANCE'));
    expect(effectiveSort(search)).toBe('NEWEST');
    expect(effectiveSort({ ...search, q: '3系', sort: undefined })).toBe('RELEVANCE');
    expect(withQuery('/m', marketQuery(search, 2, 20))).toBe(`/m?scope=GROUP&make=${encodeURIComponent('宝马')}&make=${encodeURIComponent('奥迪')}&sort=NEWEST&page=2&size=20`);
    expect(activeFilterCount({ ...search, priceMin: 1, priceMax: 2, yearMin: 2018 })).toBe(4);
  });

  it('turns a price band (upper end exclusive) into a whole-yuan range, and names it', async () => {
    expect(priceBand('100000-150000')).toEqual({ priceMin: 100000, priceMax: 149999 });
    expect(priceBand('0-50000')).toEqual({ priceMin: undefined, priceMax: 49999 });
    expect(priceBand('500000-')).toEqual({ priceMin: 500000, priceMax: undefined });
    expect(priceBandLabel(i18n.t, '0-50000', 'zh-CN')).toBe('5万以下');
    expect(priceBandLabel(i18n.t, '100000-150000', 'zh-CN')).toBe('10万–15万');
    await i18n.changeLanguage('en');
    expect(priceBandLabel(i18n.t, '500000-', 'en')).toBe('¥500K and up');
  });

  it('keeps a chosen facet value the result no longer counts', () => {
    const page = { facets: { make: [{ value: '宝马', count: 3 }] } };
    expect(facetValues(page, 'make', ['奥迪'])).toEqual([
      { value: '宝马', count: 3 },
      { value: '奥迪', count: 0 },
    ]);
    expect(facetValues(page, 'storeCode', [])).toEqual([]);
  });
});
