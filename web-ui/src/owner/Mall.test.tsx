import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MallCard, MallHome, MallPage, MallProduct as Product } from '../api/types';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { mallBand } from '../ui/mall';
import { Mall } from './Mall';
import { MallProduct, paragraphs } from './MallProduct';

const MALL = '/api/stores/gz_tianhe/me/mall';
const CARE = 'c0000000-0000-4000-8000-000000000001';
const OIL = 'c0000000-0000-4000-8000-000000000002';
const photo = { ref: 'r1', thumbnailUrl: 'https://img.example.com/t1.jpg', url: 'https://img.example.com/m1.jpg', largeUrl: 'https://img.example.com/l1.jpg' };

function card(overrides: Partial<MallCard> = {}): MallCard {
  return { id: 'p-1', name: '嘉实多极护机油', subtitle: '全合成 5W-30', priceFen: 39900, originalPriceFen: 45900, inStock: true, hot: true, recommended: false, fitsMyCar: true, photo, ...overrides };
}

const home: MallHome = {
  hot: [card(), card({ id: 'p-2', name: '米其林雨刮片', subtitle: null, priceFen: 8800, originalPriceFen: null, inStock: false, fitsMyCar: null, photo: null })],
  recommended: [card({ id: 'p-3', name: '车载香薰', hot: false, recommended: true, priceFen: 5900, originalPriceFen: null, fitsMyCar: false })],
  categories: [
    { id: CARE, parentId: null, name: '保养用品', sortOrder: 0, productCount: 0, version: 1 },
    { id: OIL, parentId: CARE, name: '机油', sortOrder: 0, productCount: 2, version: 1 },
  ],
  myModels: ['宝马 325Li'],
};

function owner(get: ReturnType<typeof vi.fn>) {
  return fakeAuth({ api: fakeApi({ get }), claims: claims(['owner']) });
}

describe('owner: the store’s mall', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows 爆款 and 推荐 with prices (the original struck through), stock and the fits-my-car badge only where it fits', async () => {
    const get = vi.fn().mockResolvedValue(home);
    renderWithAuth(<Mall />, { auth: owner(get), path: '/app/mall', route: '/app/mall' });

    const hot = within(await screen.findByLabelText('爆款', { selector: 'ul' }));
    const [oil, wiper] = hot.getAllByTestId('owner-mall-card');
    expect(within(oil!).getByTestId('owner-mall-price').textContent).toBe('¥399.00¥459.00');
    expect(oil!.querySelector('s')).toHaveTextContent('¥459.00');
    expect(within(oil!).getByText('有货')).toBeInTheDocument();
    expect(within(oil!).getByText('适合您的爱车')).toBeInTheDocument();
    expect(oil).toHaveAttribute('href', '/app/mall/products/p-1');
    expect(within(wiper!).getByText('缺货')).toBeInTheDocument();
    expect(within(wiper!).getByText('暂无图片')).toBeInTheDocument();
    // null: fits every car, no badge
    expect(within(wiper!).queryByText('适合您的爱车')).toBeNull();
    const recommended = within(screen.getByLabelText('推荐', { selector: 'ul' }));
    expect(recommended.getByText('车载香薰')).toBeInTheDocument();
    expect(recommended.queryByText('适合您的爱车')).toBeNull();
    expect(screen.getByTestId('owner-mall-models')).toHaveTextContent('您的车型：宝马 325Li');
    // the top-level categories as chips
    expect(screen.getByText('保养用品')).toBeInTheDocument();
    expect(screen.queryByText('机油')).toBeNull();
    expect(get).toHaveBeenCalledWith(MALL, undefined, expect.anything());
  });

  it('searches with 适合我的车 and a price band from the facets, and loads more', async () => {
    const result: MallPage = {
      content: [card()], totalElements: 2, page: 0, size: 20, totalPages: 2,
      facets: { category: [{ value: OIL, count: 2 }], price: [{ value: '0-10000', count: 0 }, { value: '10000-50000', count: 2 }, { value: '300000-', count: 0 }] },
    };
    const get = vi.fn((path: string, query?: Record<string, unknown>) =>
      Promise.resolve((path === MALL ? home : query?.page === 1 ? { ...result, page: 1, content: [card({ id: 'p-4', name: '机油滤芯' })] } : result) as never),
    );
    renderWithAuth(<Mall />, { auth: owner(get), path: '/app/mall?q=机油&fitsMyCar=true', route: '/app/mall' });

    expect(await screen.findByText('找到 2 件商品')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith(`${MALL}/products`, { q: '机油', category: undefined, priceMin: undefined, priceMax: undefined, inStock: undefined, fitsMyCar: true, sort: 'RELEVANCE', page: 0, size: 20 }, expect.anything());

    fireEvent.click(screen.getByText('筛选（1）'));
    const sheet = screen.getByRole('dialog');
    expect(within(sheet).getByTestId('owner-mall-facet-price')).toHaveTextContent('价格¥100–¥500 2');
    expect(within(sheet).getByTestId('owner-mall-facet-category')).toHaveTextContent('分类保养用品 / 机油 2');
    fireEvent.click(within(sheet).getByText('¥100–¥500'));
    fireEvent.click(within(sheet).getByText('确定'));
    await waitFor(() =>
      expect(get).toHaveBeenLastCalledWith(`${MALL}/products`, expect.objectContaining({ q: '机油', priceMin: 10000, priceMax: 49999, fitsMyCar: true, page: 0 }), expect.anything()),
    );

    fireEvent.click(await screen.findByText('加载更多'));
    expect(await screen.findByText('机油滤芯')).toBeInTheDocument();
    expect(screen.getAllByTestId('owner-mall-card')).toHaveLength(2);
    expect(mallBand('300000-')).toEqual({ priceMin: 300000, priceMax: undefined });
    expect(mallBand('0-10000')).toEqual({ priceMin: undefined, priceMax: 9999 });
  });

  it('shows a product with the price and stock of the SKU chosen, its fitment, category and description, and says to buy at the store', async () => {
    const product: Product = {
      id: 'p-1', name: '嘉实多极护机油', subtitle: '全合成 5W-30', description: '适合涡轮增压发动机。\n\n每 1 万公里更换。', categoryPath: ['保养用品', '机油'],
      fitment: ['宝马 325Li', '宝马 X3'], fitsMyCar: true, photos: [photo, { ...photo, ref: 'r2', largeUrl: 'https://img.example.com/l2.jpg' }],
      skus: [
        { id: 's-1', spec: '4L', priceFen: 45900, salePriceFen: 39900, stock: 0 },
        { id: 's-2', spec: '1L', priceFen: 12900, salePriceFen: null, stock: 8 },
      ],
    };
    const get = vi.fn().mockResolvedValue(product);
    renderWithAuth(<MallProduct />, { auth: owner(get), path: '/app/mall/products/p-1', route: '/app/mall/products/:productId' });

    // the first SKU in stock is shown first
    expect(await screen.findByText('¥129.00')).toBeInTheDocument();
    expect(screen.getByTestId('owner-mall-sku-stock')).toHaveTextContent('库存 8 件');
    fireEvent.click(screen.getByText('4L'));
    expect(screen.getByText('4L')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('owner-mall-price').textContent).toBe('¥399.00¥459.00');
    expect(screen.getByTestId('owner-mall-sku-stock')).toHaveTextContent('缺货');

    expect(screen.getByText('适合您的爱车')).toBeInTheDocument();
    expect(screen.getByText('宝马 X3')).toBeInTheDocument();
    expect(screen.getByText('保养用品 › 机油')).toBeInTheDocument();
    expect(screen.getByText('每 1 万公里更换。')).toBeInTheDocument();
    // a sold-out SKU cannot be bought
    expect(screen.getByText('加入购物车')).toBeDisabled();
    expect(screen.getByText('立即购买')).toBeDisabled();
    fireEvent.click(screen.getByLabelText('查看第 2 张图片'));
    expect(screen.getByAltText('商品图片 2/2')).toHaveAttribute('src', 'https://img.example.com/l2.jpg');
    expect(get).toHaveBeenCalledWith(`${MALL}/products/p-1`, undefined, expect.anything());
    expect(paragraphs(' a \n\n\n b\nc ')).toEqual(['a', 'b\nc']);
  });
});
