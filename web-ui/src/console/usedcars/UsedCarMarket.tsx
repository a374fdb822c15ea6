import { Button, Card, Checkbox, Col, Descriptions, Image, Input, InputNumber, Radio, Row, Segmented, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MarketListing, MarketPage, MarketSort } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import {
  chosenPriceBand,
  effectiveSort,
  facetLabel,
  facetValues,
  MARKET_MAX_WINDOW,
  MARKET_SCOPES,
  MARKET_YEAR_MAX,
  MARKET_YEAR_MIN,
  marketPath,
  marketQuery,
  offeredSorts,
  priceBand,
  priceBandLabel,
  useMarketSearch,
  type ListFilter,
  type MarketSearch,
  type RangeFilter,
} from '../../ui/market';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { carName, formatKm, formatYuan } from '../../ui/usedCar';
import { useConsoleStores } from '../useStores';
import { StatusTag } from './StatusTag';

/** Table columns that sort, and the market's sort each direction stands for. */
const COLUMN_SORTS: Record<string, { ascend?: MarketSort; descend?: MarketSort }> = {
  price: { ascend: 'PRICE_ASC', descend: 'PRICE_DESC' },
  mileage: { ascend: 'MILEAGE_ASC' },
  year: { descend: 'YEAR_DESC' },
  listedAt: { descend: 'NEWEST' },
};

function sortOrderOf(sort: MarketSort, column: string): 'ascend' | 'descend' | null {
  const sorts = COLUMN_SORTS[column] ?? {};
  if (sorts.ascend === sort) return 'ascend';
  if (sorts.descend === sort) return 'descend';
  return null;
}

const RANGES = [
  { name: 'price', min: 'priceMin', max: 'priceMax', label: 'market.priceRange' },
  { name: 'year', min: 'yearMin', max: 'yearMax', label: 'market.yearRange' },
  { name: 'mileage', min: 'mileageMin', max: 'mileageMax', label: 'market.mileageRange' },
] as const;

/** Price, year and mileage from–to, applied together. */
function RangeFilters({ search, onChange }: { search: MarketSearch; onChange: (search: MarketSearch) => void }) {
  const { t } = useTranslation();
  const pick = (s: MarketSearch) => Object.fromEntries(RANGES.flatMap((r) => [[r.min, s[r.min]], [r.max, s[r.max]]])) as Partial<Record<RangeFilter, number>>;
  const [draft, setDraft] = useState(() => pick(search));
  const key = JSON.stringify(pick(search));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setDraft(pick(search)), [key]);
  const invalid = RANGES.filter((r) => {
    const min = draft[r.min];
    const max = draft[r.max];
    return min != null && max != null && min > max;
  });
  return (
    <>
      {RANGES.map((r) => (
        <div key={r.name} style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t(r.label)}</Typography.Text>
          <Space.Compact block>
            {(['min', 'max'] as const).map((end) => (
              <InputNumber<number>
                key={end}
                min={r.name === 'year' ? MARKET_YEAR_MIN : 0}
                max={r.name === 'year' ? MARKET_YEAR_MAX : undefined}
                precision={0}
                placeholder={t(end === 'min' ? 'market.from' : 'market.to')}
                aria-label={`${t(r.label)} ${t(end === 'min' ? 'market.from' : 'market.to')}`}
                value={draft[r[end]] ?? null}
                onChange={(value) => setDraft((d) => ({ ...d, [r[end]]: value ?? undefined }))}
                status={invalid.includes(r) ? 'error' : undefined}
                style={{ width: '50%' }}
              />
            ))}
          </Space.Compact>
          {invalid.includes(r) && <Typography.Text type="danger">{t('market.minAboveMax')}</Typography.Text>}
        </div>
      ))}
      <Button block disabled={invalid.length > 0} onClick={() => onChange({ ...search, ...draft })}>
        {t('market.console.applyRange')}
      </Button>
    </>
  );
}

/** The facets of the result as checkbox filters with their counts; price bands as one choice. */
function Facets({ search, page, onChange }: { search: MarketSearch; page: MarketPage | undefined; onChange: (search: MarketSearch) => void }) {
  const { t, i18n } = useTranslation();
  const lists: ListFilter[] = ['make', 'city', 'gearbox', 'emissionStandard', ...(search.scope === 'GROUP' ? (['storeCode'] as const) : [])];
  const bands = page?.facets?.price ?? [];
  const band = chosenPriceBand(search, bands);
  return (
    <Card size="small" title={t('market.console.filtersTitle')} style={{ marginBottom: 16 }}>
      {lists.map((name) => {
        const values = facetValues(page, name, search[name]);
        if (values.length === 0) return null;
        return (
          <div key={name} style={{ marginBottom: 12 }} data-testid={`market-facet-${name}`}>
            <Typography.Text strong>{t(`market.facets.${name}`)}</Typography.Text>
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', marginTop: 4 }}
              value={search[name]}
              onChange={(values) => onChange({ ...search, [name]: values as string[] })}
              options={values.map((v) => ({
                value: v.value,
                label: (
                  <span>
                    {facetLabel(t, name, v.value, page?.stores)} <Typography.Text type="secondary">{v.count}</Typography.Text>
                  </span>
                ),
              }))}
            />
          </div>
        );
      })}
      {bands.length > 0 && (
        <div style={{ marginBottom: 12 }} data-testid="market-facet-price">
          <Typography.Text strong>{t('market.facets.price')}</Typography.Text>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', marginTop: 4 }}
            value={band ?? (search.priceMin === undefined && search.priceMax === undefined ? '' : undefined)}
            onChange={(e) => onChange({ ...search, priceMin: undefined, priceMax: undefined, ...priceBand(String(e.target.value)) })}
            options={[
              { value: '', label: t('market.console.anyPrice') },
              ...bands.map((b) => ({
                value: b.value,
                disabled: b.count === 0 && b.value !== band,
                label: (
                  <span>
                    {priceBandLabel(t, b.value, i18n.language)} <Typography.Text type="secondary">{b.count}</Typography.Text>
                  </span>
                ),
              })),
            ]}
          />
        </div>
      )}
      <RangeFilters search={search} onChange={onChange} />
    </Card>
  );
}

/** What the table row does not show: the condition report, colour and photos. */
function ListingDetails({ listing }: { listing: MarketListing }) {
  const { t } = useTranslation();
  return (
    // as wide as a reading column: the table is as wide as its widest content
    <Space direction="vertical" style={{ maxWidth: 640 }}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('usedCars.fields.colour')}>{listing.colour ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('usedCars.fields.conditionReport')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{listing.conditionReport ?? '—'}</Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
      {listing.photos.length === 0 ? (
        <Typography.Text type="secondary">{t('usedCars.noPhotos')}</Typography.Text>
      ) : (
        <Image.PreviewGroup>
          <Space wrap size={8}>
            {listing.photos.map((photo, index) => (
              <Image
                key={`${index}-${photo.ref}`}
                src={photo.thumbnailUrl}
                preview={{ src: photo.largeUrl }}
                alt={t('usedCars.photoAlt', { n: index + 1 })}
                width={120}
                height={90}
                styles={{ image: { objectFit: 'cover', borderRadius: 6 } }}
                referrerPolicy="no-referrer"
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </Space>
  );
}

/**
 * 二手车市场: staff search the cars for sale in their store or their whole dealer group, as buyers see them, with the
 * facets as checkbox filters with counts; search, filters, sort and page live in the address.
 */
export function UsedCarMarket() {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const stores = useConsoleStores();
  const { search, change, params, setParams } = useMarketSearch();
  const page = Math.max(0, (Number(params.get('page') ?? '1') || 1) - 1);
  const size = Math.min(100, Math.max(1, Number(params.get('size') ?? '20') || 20));
  const sort = effectiveSort(search);
  const query = marketQuery(search, page, size);

  const market = useLoad<MarketPage>((signal) => api.get<MarketPage>(marketPath(store), query, signal), [store, JSON.stringify(query)]);

  const names = new Map((stores.data ?? []).map((s) => [s.code, s.name]));
  // the market names every store it shows (other stores of the group too); the console's own list is the fallback
  const storeText = (code: string) => {
    const name = market.data?.stores?.[code]?.name ?? names.get(code);
    return name && name !== code ? `${name} (${code})` : code;
  };
  const language = i18n.language;

  const setPaging = (next: { page: number; size: number }, nextSort: MarketSort | undefined) => {
    setParams(
      (previous) => {
        const p = new URLSearchParams(previous);
        if (nextSort !== search.sort) {
          if (nextSort) p.set('sort', nextSort);
          else p.delete('sort');
        }
        if (next.page > 1 && nextSort === search.sort) p.set('page', String(next.page));
        else p.delete('page');
        if (next.size !== 20) p.set('size', String(next.size));
        else p.delete('size');
        return p;
      },
      { replace: true },
    );
  };

  const sortable = (key: string) => {
    const directions = COLUMN_SORTS[key]!;
    return {
      key,
      sorter: true,
      sortOrder: sortOrderOf(sort, key),
      sortDirections: (['ascend', 'descend'] as const).filter((d) => directions[d]),
    };
  };

  const columns: ColumnsType<MarketListing> = [
    {
      key: 'car',
      title: t('usedCars.car'),
      render: (_, car) => (
        <Space size={4} wrap>
          {/* staff open a car of a store they work in; other stores' cars show their details in the row */}
          {(stores.data ?? []).some((s) => s.code === car.store) ? (
            <Link to={`/console/${car.store}/used-cars/${car.id}`}>{carName(car)}</Link>
          ) : (
            <Typography.Text>{carName(car)}</Typography.Text>
          )}
          {car.status !== 'LISTED' && <StatusTag status={car.status} />}
        </Space>
      ),
    },
    {
      ...sortable('price'),
      dataIndex: 'askingPriceYuan',
      title: t('usedCars.fields.askingPriceYuan'),
      align: 'right',
      render: (yuan: number | null | undefined) => (yuan != null ? formatYuan(yuan, language, { wan: false }) : t('market.priceOnRequest')),
    },
    { ...sortable('year'), dataIndex: 'year', title: t('usedCars.fields.year') },
    {
      ...sortable('mileage'),
      dataIndex: 'mileageKm',
      title: t('usedCars.fields.mileageKm'),
      align: 'right',
      render: (km: number) => formatKm(t, km, language),
    },
    { key: 'city', dataIndex: 'city', title: t('usedCars.fields.city') },
    { key: 'store', dataIndex: 'store', title: t('market.console.store'), render: (code: string) => storeText(code) },
    { key: 'gearbox', dataIndex: 'gearbox', title: t('usedCars.fields.gearbox'), render: (g: MarketListing['gearbox']) => t(`usedCars.gearboxes.${g}`) },
    {
      key: 'emissionStandard',
      dataIndex: 'emissionStandard',
      title: t('usedCars.fields.emissionStandard'),
      render: (e: MarketListing['emissionStandard']) => t(`usedCars.emissionStandards.${e}`),
    },
    {
      ...sortable('listedAt'),
      dataIndex: 'listedAt',
      title: t('usedCars.fields.listedAt'),
      // cars of the group's other stores too read in the open store's zone: the reader is at this store
      render: (at: string | null | undefined) => formatTime(at, 'short'),
    },
  ];

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2}>{t('market.title')}</Typography.Title>
        <Segmented
          aria-label={t('market.scopeLabel')}
          value={search.scope}
          onChange={(scope) => change({ ...search, scope, storeCode: scope === 'STORE' ? [] : search.storeCode })}
          options={MARKET_SCOPES.map((scope) => ({ value: scope, label: t(`market.scopes.${scope}`) }))}
        />
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={search.q}
          allowClear
          defaultValue={search.q}
          maxLength={100}
          placeholder={t('market.console.searchPlaceholder')}
          aria-label={t('market.console.searchPlaceholder')}
          onSearch={(q) => change({ ...search, q: q.trim() })}
          style={{ width: 360 }}
        />
        <Select<MarketSort>
          value={sort}
          aria-label={t('market.sortLabel')}
          onChange={(value) => change({ ...search, sort: value })}
          options={offeredSorts(search).map((s) => ({ value: s, label: t(`market.sorts.${s}`) }))}
          style={{ minWidth: 180 }}
        />
      </Space>
      {search.scope === 'GROUP' && market.data?.scope === 'STORE' && <Typography.Paragraph type="secondary">{t('market.noGroup')}</Typography.Paragraph>}
      <ProblemAlert error={market.error} onRetry={market.reload} />
      <Row gutter={16}>
        <Col xs={24} lg={7} xl={6}>
          <Facets search={search} page={market.data} onChange={change} />
        </Col>
        <Col xs={24} lg={17} xl={18}>
          <Table<MarketListing>
            rowKey="id"
            loading={market.loading}
            dataSource={market.error ? [] : (market.data?.content ?? [])}
            columns={columns}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('market.empty') }}
            expandable={{ expandedRowRender: (listing) => <ListingDetails listing={listing} /> }}
            onChange={(pagination, _filters, sorter) => {
              const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<MarketListing> | undefined;
              const column = typeof single?.columnKey === 'string' ? single.columnKey : undefined;
              const nextSort = column && single?.order ? COLUMN_SORTS[column]?.[single.order] : undefined;
              setPaging({ page: pagination.current ?? 1, size: pagination.pageSize ?? size }, nextSort);
            }}
            pagination={{
              current: page + 1,
              pageSize: size,
              // Elasticsearch pages no deeper than 10,000 cars
              total: Math.min(market.data?.totalElements ?? 0, MARKET_MAX_WINDOW),
              showSizeChanger: true,
              showTotal: () => t('market.found', { count: market.data?.totalElements ?? 0 }),
            }}
          />
        </Col>
      </Row>
    </>
  );
}
