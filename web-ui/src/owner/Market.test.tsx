import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { fetchApi, json, listing, listings, marketPage, searchUnavailable } from '../testing/market';
import { claims, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { Market } from './Market';

const MARKET = '/api/stores/gz_tianhe/used-car-market';

function renderMarket(api: ReturnType<typeof fetchApi>['api'], path = '/app/market') {
  return renderWithAuth(<Market />, { auth: fakeAuth({ api, claims: claims(['owner']) }), path, route: '/app/market' });
}

const four = [
  listing({ id: 'car-1', make: '宝马', model: '325Li', askingPriceYuan: 128000 }),
  listing({ id: 'car-2', make: '宝马', model: 'X3', store: 'sz_futian', city: '深圳', photos: [], askingPriceYuan: null }),
  listing({ id: 'car-3', make: '宝马', model: '530Li', status: 'RESERVED' }),
  listing({ id: 'car-4', make: '奥迪', model: 'A4L', gearbox: 'MANUAL' }),
];

describe('owner: used-car market', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows the cars of the whole group with price, mileage, city, store and first photo', async () => {
    const { api, queries } = fetchApi(() => json(marketPage(four)));
    renderMarket(api);

    const cards = await screen.findAllByTestId('owner-market-car');
    expect(cards).toHaveLength(4);
    expect(screen.getByRole('status')).toHaveTextContent('找到 4 辆车');
    expect(within(cards[0]!).getByText('宝马 325Li')).toBeInTheDocument();
    expect(within(cards[0]!).getByText('2019 · 56,000 公里 · 广州')).toBeInTheDocument();
    expect(within(cards[0]!).getByText('¥128,000（12.8万）')).toBeInTheDocument();
    expect(within(cards[0]!).getByText('本店')).toBeInTheDocument();
    expect(cards[0]!.querySelector('img')).toHaveAttribute('src', 'https://img.example.com/a.jpg');
    expect(within(cards[0]!).getByText(/门店 广州宝悦天河宝马4S店/)).toBeInTheDocument();
    expect(within(cards[1]!).getByText('门店 深圳星辉福田奔驰4S店')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('价格面议')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('暂无照片')).toBeInTheDocument();
    expect(within(cards[1]!).queryByText('本店')).not.toBeInTheDocument();
    expect(within(cards[2]!).getByTestId('used-car-status')).toHaveTextContent('已预订');
    expect(queries(MARKET)).toEqual([[['scope', 'GROUP'], ['sort', 'NEWEST'], ['page', '0'], ['size', '20']]]);
  });

  it('says it is searching while the answer is on its way', async () => {
    const { api } = fetchApi(() => new Promise<Response>(() => undefined));
    renderMarket(api);
    expect(await screen.findByRole('status')).toHaveTextContent('正在搜索…');
    expect(screen.queryByTestId('owner-market-empty')).not.toBeInTheDocument();
  });

  it('shows the facet counts of the result in the filter sheet', async () => {
    const user = userEvent.setup({ delay: null });
    const { api } = fetchApi(() => json(marketPage(four)));
    renderMarket(api);
    await screen.findAllByTestId('owner-market-car');

    await user.click(screen.getByRole('button', { name: '筛选' }));
    const sheet = screen.getByRole('dialog', { name: '筛选条件' });
    expect(within(sheet).getByTestId('owner-facet-make')).toHaveTextContent('品牌宝马 3奥迪 1');
    expect(within(sheet).getByRole('button', { name: '自动 3' })).toHaveAttribute('aria-pressed', 'false');
    expect(within(sheet).getByRole('button', { name: '手动 1' })).toBeInTheDocument();
    expect(within(sheet).getByRole('button', { name: '国六 a 4' })).toBeInTheDocument();
    expect(within(sheet).getByRole('button', { name: '深圳星辉福田奔驰4S店 1' })).toBeInTheDocument();
    expect(within(sheet).getByRole('button', { name: '广州宝悦天河宝马4S店 3' })).toBeInTheDocument();
    // price bands without cars are left out
    expect(within(sheet).getByTestId('owner-facet-price')).toHaveTextContent('5万–10万 110万–15万 215万–20万 1');
  });

  it('sends the search text, the chosen filters, the sort and the scope', async () => {
    const user = userEvent.setup({ delay: null });
    const { api, queries } = fetchApi(() => json(marketPage(four)));
    renderMarket(api);
    await screen.findAllByTestId('owner-market-car');

    fireEvent.change(screen.getByRole('searchbox', { name: '搜索车辆' }), { target: { value: ' 宝马 3系 ' } });
    await user.click(screen.getByRole('button', { name: '搜索' }));
    await waitFor(() => expect(queries(MARKET)).toHaveLength(2));

    await user.click(screen.getByRole('button', { name: '筛选' }));
    const sheet = screen.getByRole('dialog', { name: '筛选条件' });
    await user.click(within(sheet).getByRole('button', { name: '宝马 3' }));
    await user.click(within(sheet).getByRole('button', { name: '奥迪 1' }));
    await user.click(within(sheet).getByRole('button', { name: '自动 3' }));
    await user.click(within(sheet).getByRole('button', { name: '10万–15万 2' }));
    expect(within(sheet).getByLabelText('最低', { selector: '#market-priceMin' })).toHaveValue('100000');
    fireEvent.change(within(sheet).getByLabelText('最低', { selector: '#market-yearMin' }), { target: { value: '2018' } });
    fireEvent.change(within(sheet).getByLabelText('最高', { selector: '#market-mileageMax' }), { target: { value: '80000' } });
    await user.click(within(sheet).getByRole('button', { name: '查看结果' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '筛选（6）' })).toBeInTheDocument();
    const active = within(screen.getByRole('list', { name: '当前筛选条件' }));
    expect(active.getAllByRole('button').map((chip) => chip.getAttribute('aria-label') ?? chip.textContent)).toEqual([
      '移除筛选：宝马',
      '移除筛选：奥迪',
      '移除筛选：自动',
      '移除筛选：价格 10万–15万',
      '移除筛选：年份 2018 起',
      '移除筛选：里程 至 80,000 公里',
      '清除筛选',
    ]);

    await user.selectOptions(screen.getByLabelText('排序'), '价格从低到高');
    await user.click(screen.getByRole('button', { name: '本店' }));

    await waitFor(() =>
      expect(queries(MARKET).at(-1)).toEqual([
        ['scope', 'STORE'],
        ['q', '宝马 3系'],
        ['make', '宝马'],
        ['make', '奥迪'],
        ['gearbox', 'AUTOMATIC'],
        ['priceMin', '100000'],
        ['priceMax', '149999'],
        ['yearMin', '2018'],
        ['mileageMax', '80000'],
        ['sort', 'PRICE_ASC'],
        ['page', '0'],
        ['size', '20'],
      ]),
    );
    // with search text, best match is the default order
    expect(queries(MARKET)[1]).toContainEqual(['sort', 'RELEVANCE']);
  });

  it('looks again when the owner searches for the same words', async () => {
    const user = userEvent.setup({ delay: null });
    let calls = 0;
    const { api } = fetchApi(() => json(++calls === 1 ? marketPage([], { facets: {} }) : marketPage([four[0]!])));
    renderMarket(api, '/app/market?q=325Li');
    await screen.findByTestId('owner-market-empty');

    await user.click(screen.getByRole('button', { name: '搜索' }));
    expect(await screen.findByTestId('owner-market-car')).toHaveTextContent('宝马 325Li');
    expect(calls).toBe(2);
  });

  it('keeps a range the server would refuse from being sent', async () => {
    const user = userEvent.setup({ delay: null });
    const { api, queries } = fetchApi(() => json(marketPage(four)));
    renderMarket(api);
    await screen.findAllByTestId('owner-market-car');

    await user.click(screen.getByRole('button', { name: '筛选' }));
    const sheet = screen.getByRole('dialog', { name: '筛选条件' });
    fireEvent.change(within(sheet).getByLabelText('最低', { selector: '#market-priceMin' }), { target: { value: '200000' } });
    fireEvent.change(within(sheet).getByLabelText('最高', { selector: '#market-priceMax' }), { target: { value: '100000' } });
    await user.click(within(sheet).getByRole('button', { name: '查看结果' }));

    expect(within(sheet).getByText('最低值不能高于最高值')).toBeInTheDocument();
    expect(within(sheet).getByLabelText('最低', { selector: '#market-priceMin' })).toHaveAttribute('aria-invalid', 'true');
    expect(queries(MARKET)).toHaveLength(1);
  });

  it('appends the next page when the owner asks for more', async () => {
    const user = userEvent.setup({ delay: null });
    const { api, queries } = fetchApi((_, query) =>
      query.get('page') === '1' ? json(marketPage(listings(5, 21), { total: 25, page: 1 })) : json(marketPage(listings(20), { total: 25 })),
    );
    renderMarket(api, '/app/market?q=宝马');

    expect(await screen.findAllByTestId('owner-market-car')).toHaveLength(20);
    expect(screen.getByText('已显示 20 / 25 辆')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '加载更多' }));

    await waitFor(() => expect(screen.getAllByTestId('owner-market-car')).toHaveLength(25));
    expect(screen.getAllByTestId('owner-market-car')[0]).toHaveTextContent('宝马 车型1');
    expect(screen.getAllByTestId('owner-market-car')[24]).toHaveTextContent('宝马 车型25');
    expect(screen.getByText('已显示全部 25 辆')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '加载更多' })).not.toBeInTheDocument();
    expect(queries(MARKET).map((q) => [q.find(([k]) => k === 'q')?.[1], q.find(([k]) => k === 'page')?.[1]])).toEqual([
      ['宝马', '0'],
      ['宝马', '1'],
    ]);
  });

  it('says search is unavailable (503) and searches again on retry', async () => {
    const user = userEvent.setup({ delay: null });
    let calls = 0;
    const { api } = fetchApi(() => (++calls === 1 ? searchUnavailable() : json(marketPage(four))));
    renderMarket(api);

    const alert = await screen.findByTestId('owner-market-error');
    expect(alert).toHaveTextContent('车辆搜索暂时不可用，请稍后重试。');
    expect(screen.queryByTestId('owner-market-car')).not.toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: '重试' }));

    expect(await screen.findAllByTestId('owner-market-car')).toHaveLength(4);
    expect(screen.queryByTestId('owner-market-error')).not.toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it('says when nothing matches and clears the search on request', async () => {
    const user = userEvent.setup({ delay: null });
    const { api, queries } = fetchApi((_, query) => (query.has('q') ? json(marketPage([], { facets: {} })) : json(marketPage(four))));
    renderMarket(api, '/app/market?q=法拉利&make=法拉利');

    const empty = await screen.findByTestId('owner-market-empty');
    expect(empty).toHaveTextContent('没有找到符合条件的车辆。');
    expect(screen.getByRole('status')).toHaveTextContent('找到 0 辆车');
    // a chosen make the result no longer counts can still be taken back
    expect(screen.getByRole('button', { name: '移除筛选：法拉利' })).toBeInTheDocument();
    await user.click(within(empty).getByRole('button', { name: '清除搜索和筛选' }));

    expect(await screen.findAllByTestId('owner-market-car')).toHaveLength(4);
    expect(queries(MARKET).at(-1)).toEqual([['scope', 'GROUP'], ['sort', 'NEWEST'], ['page', '0'], ['size', '20']]);
  });

  it('invites to visit a store that has no phone, by its name', async () => {
    const user = userEvent.setup({ delay: null });
    const { api } = fetchApi(() => json(marketPage(four)));
    renderMarket(api);

    await user.click((await screen.findAllByTestId('owner-market-car'))[1]!);
    const contact = screen.getByTestId('owner-market-contact');

    expect(contact).toHaveTextContent('有意购买？欢迎到深圳星辉福田奔驰4S店看车。');
    expect(within(contact).queryByRole('link')).not.toBeInTheDocument();
  });

  it('opens a car of the result and goes back to the same list without searching again', async () => {
    const user = userEvent.setup({ delay: null });
    const { api, fetchImpl } = fetchApi(() => json(marketPage(four)));
    renderMarket(api);

    await user.click((await screen.findAllByTestId('owner-market-car'))[0]!);
    const detail = screen.getByTestId('owner-market-detail');
    expect(within(detail).getByRole('heading', { name: '宝马 325Li' })).toBeInTheDocument();
    expect(within(detail).getByText('外观良好，无事故无泡水。')).toBeInTheDocument();
    expect(within(detail).getByText('自动')).toBeInTheDocument();
    expect(within(detail).getAllByRole('img')).toHaveLength(2);
    const contact = within(detail).getByTestId('owner-market-contact');
    expect(contact).toHaveTextContent('有意购买？请致电广州宝悦天河宝马4S店预约看车。');
    expect(contact).toHaveTextContent('地址：广州市天河区黄埔大道西 638 号');
    expect(within(contact).getByText('拨打 020-38823888')).toHaveAttribute('href', 'tel:02038823888');
    expect(detail).not.toHaveTextContent('gz_tianhe');

    await user.click(screen.getByRole('button', { name: '返回市场' }));
    expect(await screen.findAllByTestId('owner-market-car')).toHaveLength(4);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });
});
