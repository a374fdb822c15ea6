import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { MallCard, MallHome } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { categoryPaths, categoryTree, chosenBand, mallBandLabel } from '../ui/mall';
import { useLoad } from '../ui/useLoad';
import { MallCartLink } from './MallCart';
import { MallCardItem } from './MallCard';
import { MallFilters } from './MallFilters';
import { MALL_SORTS, mallFilterCount, mallSearchParams, NO_SEARCH, readMallSearch, searched, useMallResults, type MallSearch } from './mallSearch';
import { problemText } from './problemText';
import { ActiveChips, SearchBox, SortSelect, type FilterChip } from './SearchParts';
import './mall.css';

const PAGE_SIZE = 20;

function Cards({ cards, label }: { cards: MallCard[]; label: string }) {
  return (
    <ul className="owner-mall-grid" aria-label={label}>
      {cards.map((card) => (
        <li key={card.id}>
          <MallCardItem card={card} />
        </li>
      ))}
    </ul>
  );
}

/** The filters in force as chips. */
function mallChips(t: TFunction, language: string, search: MallSearch, names: Map<string, string>, bands: { value: string }[]): FilterChip<MallSearch>[] {
  const chips: FilterChip<MallSearch>[] = [];
  if (search.category) chips.push({ key: 'category', text: names.get(search.category) ?? t('owner.mall.otherCategory'), without: { ...search, category: undefined } });
  if (search.priceMin !== undefined || search.priceMax !== undefined) {
    const band = chosenBand(search, bands);
    chips.push({ key: 'price', text: band ? mallBandLabel(t, band, language) : t('owner.mall.price'), without: { ...search, priceMin: undefined, priceMax: undefined } });
  }
  if (search.inStock) chips.push({ key: 'inStock', text: t('owner.mall.inStockOnly'), without: { ...search, inStock: false } });
  if (search.fitsMyCar) chips.push({ key: 'fitsMyCar', text: t('owner.mall.fitsMyCar'), without: { ...search, fitsMyCar: false } });
  return chips;
}

/**
 * 商城 (MALL-3): the store's mall in the owner app. Its home shows a search box, the categories, 适合我的车 with the
 * owner's models, and the 爆款 and 推荐 products; a search (text, a category, filters, sort) shows its results on the
 * same page, 20 at a time with 加载更多. The search lives in the address, so back returns to it. 购物车 (with its count)
 * and 我的订单 are at the top.
 */
export function Mall() {
  const { t, i18n } = useTranslation();
  const { api, claims } = useAuth();
  const store = claims?.stores[0];
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => readMallSearch(params), [params]);
  const inResults = searched(search);
  const home = useLoad<MallHome | undefined>((signal) => (store ? api.get<MallHome>(`/api/stores/${store}/me/mall`, undefined, signal) : Promise.resolve(undefined)), [store]);
  const results = useMallResults(store, search, PAGE_SIZE, inResults);
  const [filtersOpen, setFiltersOpen] = useState(false);

  const categories = home.data?.categories ?? [];
  const names = useMemo(() => categoryPaths(categories), [categories]);
  const tops = useMemo(() => categoryTree(categories), [categories]);
  const models = home.data?.myModels ?? [];

  if (!store) return <p role="alert">{t('owner.noStore')}</p>;

  const change = (next: MallSearch) => setParams(mallSearchParams(next));
  const filters = mallFilterCount(search);

  const searchBox = <SearchBox q={search.q} label={t('owner.mall.searchLabel')} placeholder={t('owner.mall.searchPlaceholder')} onSearch={(q) => change({ ...search, q })} />;

  const fitsToggle = (
    <div className="owner-mall-fits-toggle">
      <button
        type="button"
        className="owner-facet"
        aria-pressed={search.fitsMyCar}
        disabled={models.length === 0 && !search.fitsMyCar}
        onClick={() => change({ ...search, fitsMyCar: !search.fitsMyCar })}
      >
        {t('owner.mall.fitsMyCar')}
      </button>
      {home.data && (
        <span className="owner-muted owner-small" data-testid="owner-mall-models">
          {models.length > 0 ? t('owner.mall.myModels', { models: models.join('、') }) : t('owner.mall.noModels')}
        </span>
      )}
    </div>
  );

  const homeError = home.error !== undefined && (
    <section className="owner-card" role="alert">
      <p>{problemText(t, home.error)}</p>
      <button type="button" className="owner-button owner-button--secondary" onClick={home.reload}>
        {t('common.retry')}
      </button>
    </section>
  );

  if (!inResults) {
    const h = home.data;
    return (
      <>
        <div className="owner-title-row">
          <h1 className="owner-page-title">{t('owner.mall.title')}</h1>
          <span className="owner-mall-links">
            <Link to="/app/mall/orders" className="owner-link">
              {t('owner.mall.orders.nav')}
            </Link>{' '}
            <MallCartLink />
          </span>
        </div>
        {searchBox}
        {homeError}
        {tops.length > 0 && (
          <nav className="owner-mall-categories" aria-label={t('owner.mall.categories')}>
            {tops.map((node) => (
              <button key={node.category.id} type="button" className="owner-facet" onClick={() => change({ ...NO_SEARCH, category: node.category.id })}>
                {node.category.name}
              </button>
            ))}
          </nav>
        )}
        {fitsToggle}
        {home.loading && !h && <p className="owner-muted">{t('common.loading')}</p>}
        {h && h.hot.length === 0 && h.recommended.length === 0 && (
          <section className="owner-card">
            <p className="owner-muted">{t('owner.mall.emptyHome')}</p>
          </section>
        )}
        {h && h.hot.length > 0 && (
          <section>
            <h2 className="owner-section-title">{t('owner.mall.hot')}</h2>
            <Cards cards={h.hot} label={t('owner.mall.hot')} />
          </section>
        )}
        {h && h.recommended.length > 0 && (
          <section>
            <h2 className="owner-section-title">{t('owner.mall.recommended')}</h2>
            <Cards cards={h.recommended} label={t('owner.mall.recommended')} />
          </section>
        )}
      </>
    );
  }

  return (
    <>
      <div className="owner-title-row">
        <h1 className="owner-page-title">{t('owner.mall.title')}</h1>
        <span className="owner-mall-links">
          <Link to="/app/mall" className="owner-link">
            {t('owner.mall.home')}
          </Link>{' '}
          <MallCartLink />
        </span>
      </div>
      {searchBox}
      {homeError}
      <div className="owner-market-toolbar">
        <button type="button" className="owner-chip owner-chip--secondary" aria-haspopup="dialog" onClick={() => setFiltersOpen(true)}>
          {filters > 0 ? t('owner.mall.filtersCount', { count: filters }) : t('owner.mall.filters')}
        </button>
        <SortSelect sorts={MALL_SORTS} value={search.sort} label={t('owner.mall.sortLabel')} text={(sort) => t(`owner.mall.sorts.${sort}`)} onChange={(sort) => change({ ...search, sort })} />
      </div>
      {fitsToggle}
      <ActiveChips chips={mallChips(t, i18n.language, search, names, results.facets.price ?? [])} onChange={change} />
      <p className="owner-muted owner-market-count" role="status">
        {results.loading ? t('owner.mall.searching') : results.error === undefined ? t('owner.mall.found', { count: results.total }) : ''}
      </p>
      {results.error !== undefined && (
        <section className="owner-card" role="alert">
          <p>{problemText(t, results.error)}</p>
          <button type="button" className="owner-button owner-button--secondary" onClick={results.retry}>
            {t('common.retry')}
          </button>
        </section>
      )}
      {!results.loading && results.error === undefined && results.items.length === 0 && (
        <section className="owner-card owner-market-empty" data-testid="owner-mall-empty">
          <p>{t('owner.mall.noResults')}</p>
          <button type="button" className="owner-button owner-button--secondary" onClick={() => change(NO_SEARCH)}>
            {t('owner.mall.clearSearch')}
          </button>
        </section>
      )}
      <Cards cards={results.items} label={t('owner.mall.results')} />
      {results.moreError !== undefined && (
        <section className="owner-card" role="alert">
          <p>{problemText(t, results.moreError)}</p>
          <button type="button" className="owner-button owner-button--secondary" onClick={results.retry}>
            {t('common.retry')}
          </button>
        </section>
      )}
      {results.hasMore && results.moreError === undefined && (
        <button type="button" className="owner-button owner-button--secondary" disabled={results.loadingMore} onClick={results.loadMore}>
          {results.loadingMore ? t('common.loading') : t('owner.mall.loadMore')}
        </button>
      )}
      {results.items.length > 0 && !results.hasMore && <p className="owner-muted owner-small owner-market-shown">{t('owner.mall.allShown', { count: results.items.length })}</p>}
      {filtersOpen && (
        <MallFilters
          search={search}
          facets={results.facets}
          categoryNames={names}
          hasModels={models.length > 0}
          onApply={(next) => {
            setFiltersOpen(false);
            change(next);
          }}
          onClose={() => setFiltersOpen(false)}
        />
      )}
    </>
  );
}
