import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { fetchApi, json, listing, marketPage, searchUnavailable } from '../../testing/market';
import { claims, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { UsedCarMarket } from './UsedCarMarket';

const MARKET = '/api/stores/gz_tianhe/used-car-market';

const cars = [
  listing({ id: 'car-1', make: '宝马', model: '325Li', askingPriceYuan: 235000 }),
  listing({ id: 'car-2', make: '宝马', model: 'X3', store: 'sz_futian', status: 'RESERVED', conditionReport: '左后门有钣金修复' }),
];

/** The market answers `market`; tenant-admin names the manager's store. */
function api(market: (query: URLSearchParams) => Response = () => json(marketPage(cars))) {
  return fetchApi((path, query) => (path === '/api/admin/stores/gz_tianhe' ? json({ code: 'gz_tianhe', name: '天河店' }) : market(query)));
}

/** The checkboxes (or radios) of one facet. */
function facet(name: string) {
  return within(screen.getByTestId(`market-facet-${name}`));
}

function renderMarket(client: ReturnType<typeof api>, path = '/console/gz_tianhe/used-car-market') {
  return renderWithAuth(<UsedCarMarket />, { auth: fakeAuth({ api: client.api, claims: claims(['store-manager']) }), path, route: '/console/:store/*' });
}

describe('UsedCarMarket', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('asks for the search, filters, sort and page of the address and shows the facets with their counts', async () => {
    const client = api();
    renderMarket(client, '/console/gz_tianhe/used-car-market?q=宝马&make=宝马&gearbox=AUTOMATIC&sort=PRICE_DESC&page=2');

    const own = (await screen.findByText('宝马 325Li')).closest('a');
    expect(own).toHaveAttribute('href', '/console/gz_tianhe/used-cars/car-1');
    const row = own!.closest('tr')!;
    expect(within(row).getByText('¥235,000')).toBeInTheDocument();
    expect(within(row).getByText('56,000 公里')).toBeInTheDocument();
    await waitFor(() => expect(within(row).getByText('广州宝悦天河宝马4S店 (gz_tianhe)')).toBeInTheDocument());
    // another store's car: no link into a console the manager may not open, its status shown
    const other = screen.getByText('宝马 X3').closest('tr')!;
    expect(within(other).queryByRole('link')).not.toBeInTheDocument();
    expect(within(other).getByTestId('used-car-status')).toHaveTextContent('已预订');

    expect(client.queries(MARKET)).toEqual([
      [['scope', 'GROUP'], ['q', '宝马'], ['make', '宝马'], ['gearbox', 'AUTOMATIC'], ['sort', 'PRICE_DESC'], ['page', '1'], ['size', '20']],
    ]);
    expect(facet('make').getByLabelText('宝马 3')).toBeChecked();
    expect(facet('make').getByLabelText('奥迪 1')).not.toBeChecked();
    expect(facet('gearbox').getByLabelText('自动 3')).toBeChecked();
    expect(facet('gearbox').getByLabelText('手动 1')).not.toBeChecked();
    expect(facet('storeCode').getByLabelText('深圳星辉福田奔驰4S店 1')).toBeInTheDocument();
    expect(facet('price').getByLabelText('10万–15万 2')).not.toBeChecked();
    expect(facet('price').getByLabelText('20万–30万 0')).toBeDisabled();
    expect(screen.getByText('找到 2 辆车')).toBeInTheDocument();
  });

  it('searches again from the first page when a filter, the sort or the scope changes', async () => {
    // the check of pointer-events reads the computed style of every ancestor: slow in jsdom with Ant Design's styles
    const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
    const client = api();
    renderMarket(client, '/console/gz_tianhe/used-car-market?make=宝马&page=3');
    await screen.findByText('宝马 325Li');

    await user.click(facet('make').getByLabelText('奥迪 1'));
    await waitFor(() =>
      expect(client.queries(MARKET).at(-1)).toEqual([['scope', 'GROUP'], ['make', '宝马'], ['make', '奥迪'], ['sort', 'NEWEST'], ['page', '0'], ['size', '20']]),
    );
    await user.click(facet('price').getByLabelText('10万–15万 2'));
    await waitFor(() => expect(client.queries(MARKET).at(-1)).toContainEqual(['priceMax', '149999']));
    // the table takes clicks again once the new page is in
    await waitFor(() => expect(document.querySelector('.ant-spin-blur')).toBeNull());
    await user.click(screen.getAllByText('挂牌价（元）')[0]!);
    await waitFor(() => expect(client.queries(MARKET).at(-1)).toContainEqual(['sort', 'PRICE_ASC']));
    await user.click(screen.getByTitle('本店'));

    await waitFor(() =>
      expect(client.queries(MARKET).at(-1)).toEqual([
        ['scope', 'STORE'],
        ['make', '宝马'],
        ['make', '奥迪'],
        ['priceMin', '100000'],
        ['priceMax', '149999'],
        ['sort', 'PRICE_ASC'],
        ['page', '0'],
        ['size', '20'],
      ]),
    );
  });

  it('says search is unavailable (503) and searches again on retry; an empty result says so', async () => {
    const user = userEvent.setup({ delay: null });
    let calls = 0;
    const client = api(() => (++calls === 1 ? searchUnavailable() : json(marketPage([], { facets: {} }))));
    renderMarket(client);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveClass('ant-alert');
    expect(alert).toHaveTextContent('车辆搜索暂时不可用，请稍后重试。');
    await user.click(within(alert).getByRole('button', { name: '重试' }));

    expect(await screen.findByText('没有找到符合条件的车辆。')).toBeInTheDocument();
    expect(document.querySelector('.ant-alert')).toBeNull();
    expect(calls).toBe(2);
  });
});
