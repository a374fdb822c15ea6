import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/problem';
import type { Permission, ProductCategoryView, ProductRow, ProductView } from '../../api/types';
import i18n from '../../i18n';
import { button, queryButton } from '../../testing/buttons';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { ProductCategories } from './ProductCategories';
import { ProductFormDialog, toProductForm } from './ProductFormDialog';
import { ProductList } from './ProductList';

const STORE = '/api/stores/gz_tianhe';
const MANAGER: Permission[] = ['CONSOLE_USE', 'MALL_VIEW', 'MALL_MANAGE', 'PHOTO_UPLOAD'];
const KEY = expect.stringMatching(/^[0-9a-f-]{36}$/);
const CARE = 'c0000000-0000-4000-8000-000000000001';
const OIL = 'c0000000-0000-4000-8000-000000000002';

const categories: ProductCategoryView[] = [
  { id: CARE, parentId: null, name: '保养用品', sortOrder: 0, productCount: 0, version: 1 },
  { id: OIL, parentId: CARE, name: '机油', sortOrder: 0, productCount: 2, version: 4 },
];

function row(overrides: Partial<ProductRow> = {}): ProductRow {
  return {
    id: 'p-1', name: '嘉实多极护机油', categoryId: OIL, categoryName: '机油', status: 'LISTED', hot: true, recommended: false, rank: 1,
    minPriceFen: 29900, maxPriceFen: 45900, stock: 12, sold: 36, skuCount: 2, lowSkus: 1, thumbnailUrl: 'https://img.example.com/oil.jpg',
    createdAt: '2026-11-20T02:00:00Z', version: 3, ...overrides,
  };
}

const page = (content: unknown[]) => ({ content, page: 0, size: 20, totalElements: content.length, totalPages: 1 });

/** The API of the list: categories, then pages of products. */
function listGet(rows: ProductRow[]) {
  return vi.fn((path: string) => Promise.resolve((path.endsWith('/product-categories') ? categories : page(rows)) as never));
}

function inApp(ui: ReactElement, api: ReturnType<typeof fakeApi>, path = '/console/gz_tianhe/products', permissions: Permission[] = MANAGER) {
  return renderWithAuth(<App>{ui}</App>, { auth: fakeAuth({ api }), path, route: '/console/:store/*', permissions });
}

describe('商城商品 and 商品分类 in the console', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('lists products with thumbnail, tags, category path, price range in yuan, stock with a low-stock warning, and sends the filters of the address', async () => {
    const get = listGet([row(), row({ id: 'p-2', name: '雨刮片', categoryId: CARE, hot: false, recommended: true, status: 'DELISTED', minPriceFen: 8800, maxPriceFen: 8800, stock: 40, sold: 0, lowSkus: 0, thumbnailUrl: null })]);
    inApp(<ProductList />, fakeApi({ get }), `/console/gz_tianhe/products?status=LISTED&category=${OIL}&search=机油&low=true&sort=priceFen,asc`);

    const first = (await screen.findByText('嘉实多极护机油')).closest('tr')!;
    expect([...first.querySelectorAll('td')].slice(1, 7).map((td) => td.textContent)).toEqual(['嘉实多极护机油爆款', '保养用品 / 机油', '已上架', '¥299.00 – ¥459.00', '121 个规格库存不足', '36']);
    expect(first.querySelector('img')).toHaveAttribute('src', 'https://img.example.com/oil.jpg');
    const second = screen.getByText('雨刮片').closest('tr')!;
    expect([...second.querySelectorAll('td')].slice(0, 7).map((td) => td.textContent)).toEqual(['无图', '雨刮片推荐', '保养用品', '已下架', '¥88.00', '40', '0']);
    expect(queryButton('下架', first)).not.toBeNull();
    expect(queryButton('上架', second)).not.toBeNull();
    expect(get).toHaveBeenCalledWith(`${STORE}/products`, { search: '机油', status: 'LISTED', category: OIL, low: 'true', page: 0, size: 20, sort: 'priceFen,asc' }, expect.anything());
  });

  it('exports the filtered list to Excel, sorted by units sold', async () => {
    const get = listGet([row()]);
    const download = vi.fn().mockResolvedValue({ blob: new Blob(['xlsx']), fileName: '商城商品_2026-12-04.xlsx' });
    inApp(<ProductList />, fakeApi({ get, download }), `/console/gz_tianhe/products?status=LISTED&search=机油&sort=sold,desc`);
    await screen.findByText('嘉实多极护机油');
    fireEvent.click(button('导出 Excel'));
    await waitFor(() =>
      // the filters of the address (the empty ones are left out of the query string by the API client)
      expect(download).toHaveBeenCalledWith(`${STORE}/products/export`, { search: '机油', status: 'LISTED', category: '', low: '', sort: 'sold,desc' }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    );
  });

  it('lists a delisted product again only after a confirmation', async () => {
    const post = vi.fn().mockResolvedValue({ name: '雨刮片' });
    const get = listGet([row({ status: 'DELISTED', name: '雨刮片' })]);
    inApp(<ProductList />, fakeApi({ get, post }));
    fireEvent.click(button('上架', (await screen.findByText('雨刮片')).closest('tr')!));
    expect(await screen.findByText('上架后车主可在 App 商城中看到“雨刮片”。')).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
    fireEvent.click(button('上架', document.querySelector<HTMLElement>('.ant-modal-confirm')!));
    await waitFor(() => expect(post).toHaveBeenCalledWith(`${STORE}/products/p-1/listing`));
  });

  it('creates a product with its SKUs: prices typed in yuan and sent in fen, fitment and photos, once with an Idempotency-Key', async () => {
    const saved = { id: 'p-9', name: '嘉实多极护机油' } as ProductView;
    const post = vi.fn().mockResolvedValue(saved);
    const onSaved = vi.fn();
    inApp(<ProductFormDialog store="gz_tianhe" categories={[{ value: OIL, label: '保养用品 / 机油' }]} onClose={vi.fn()} onSaved={onSaved} />, fakeApi({ post }));

    fireEvent.mouseDown(screen.getByLabelText('分类'));
    fireEvent.click(await screen.findByTitle('保养用品 / 机油'));
    fireEvent.change(screen.getByLabelText('商品名称'), { target: { value: ' 嘉实多极护机油 ' } });
    fireEvent.click(screen.getByLabelText('爆款'));
    const fitment = screen.getByLabelText('适用车型');
    fireEvent.change(fitment, { target: { value: '宝马 325Li' } });
    fireEvent.keyDown(fitment, { key: 'Enter', code: 'Enter', keyCode: 13 });

    fireEvent.change(screen.getByLabelText('规格'), { target: { value: '4L' } });
    fireEvent.change(screen.getByLabelText('货号'), { target: { value: 'CA-4L' } });
    fireEvent.change(screen.getByLabelText('价格（元）'), { target: { value: '459' } });
    fireEvent.change(screen.getByLabelText('优惠价（元）'), { target: { value: '399.9' } });
    fireEvent.change(screen.getByLabelText('库存预警值'), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText('初始库存'), { target: { value: '20' } });
    fireEvent.click(button('添加规格'));
    await waitFor(() => expect(screen.getAllByTestId('product-sku-row')).toHaveLength(2));
    const second = screen.getAllByTestId('product-sku-row')[1]!;
    fireEvent.change(within(second).getByLabelText('规格'), { target: { value: '1L' } });
    fireEvent.change(within(second).getByLabelText('价格（元）'), { target: { value: '129.5' } });
    fireEvent.click(screen.getByLabelText('创建后立即上架'));
    fireEvent.click(button('保存'));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(post).toHaveBeenCalledWith(
      `${STORE}/products`,
      {
        categoryId: OIL, name: '嘉实多极护机油', subtitle: null, description: null, hot: true, recommended: false, rank: 0, fitment: ['宝马 325Li'], photos: [],
        skus: [
          { spec: '4L', code: 'CA-4L', priceFen: 45900, salePriceFen: 39990, lowStockAt: 5, initialStock: 20 },
          { spec: '1L', code: null, priceFen: 12950, salePriceFen: null, lowStockAt: 0, initialStock: 0 },
        ],
        listed: true,
      },
      KEY,
    );
    // an edit sends neither SKUs nor listing; photos by their refs
    expect(toProductForm({ categoryId: OIL, name: 'a', photos: [{ ref: 'r1', thumbnailUrl: 't', url: 'u', largeUrl: 'l' }] }, false)).toEqual({
      categoryId: OIL, name: 'a', subtitle: null, description: null, hot: false, recommended: false, rank: 0, fitment: [], photos: ['r1'],
    });
  });

  it('shows the category tree, adds a sub-category under the chosen one, and deletes one only after a confirmation', async () => {
    const get = vi.fn().mockResolvedValue(categories);
    const post = vi.fn().mockResolvedValue({ ...categories[1], id: 'c-9', name: '防冻液' });
    const notEmpty = new ApiError(409, { type: 'https://m4s.dev/problems/product-category-not-empty', status: 409, detail: '机油 下还有商品或子分类，请先移走或删除。' }, 'zh-CN');
    const del = vi.fn().mockRejectedValue(notEmpty);
    inApp(<ProductCategories />, fakeApi({ get, post, delete: del }), '/console/gz_tianhe/product-categories');

    const care = (await screen.findByText('保养用品')).closest('tr')!;
    // every level open: the sub-category shows with its products
    expect([...screen.getByText('机油').closest('tr')!.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)).toEqual(['机油', '2', '0']);
    fireEvent.click(button('添加子分类', care));
    expect(await screen.findByText('在“保养用品”下添加子分类')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('分类名称'), { target: { value: ' 防冻液 ' } });
    fireEvent.change(screen.getByLabelText('排序'), { target: { value: '3' } });
    fireEvent.click(button('保存'));
    await waitFor(() => expect(post).toHaveBeenCalledWith(`${STORE}/product-categories`, { name: '防冻液', parentId: CARE, sortOrder: 3 }, KEY));

    const oil = screen.getByText('机油').closest('tr')!;
    fireEvent.click(button('删除', oil));
    expect(await screen.findByText('将删除分类“机油”。分类下还有商品或子分类时不能删除，请先移走。')).toBeInTheDocument();
    expect(del).not.toHaveBeenCalled();
    fireEvent.click(button('删除', document.querySelector<HTMLElement>('.ant-modal-confirm')!));
    await waitFor(() => expect(del).toHaveBeenCalledWith(`${STORE}/product-categories/${OIL}`));
    // the refusal in the server's words
    expect(await screen.findByText('机油 下还有商品或子分类，请先移走或删除。')).toBeInTheDocument();
  });
});
