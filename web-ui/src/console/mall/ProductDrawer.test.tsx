import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProductStockEntry, ProductView } from '../../api/types';
import i18n from '../../i18n';
import { button, findButton } from '../../testing/buttons';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { ProductDrawer } from './ProductDrawer';
import { AdjustSkuStockDialog } from './SkuDialogs';

const BASE = '/api/stores/gz_tianhe/products/p-1';
const KEY = expect.stringMatching(/^[0-9a-f-]{36}$/);

const product: ProductView = {
  id: 'p-1', categoryId: 'c-2', categoryName: '机油', name: '嘉实多极护机油', subtitle: null, description: null, status: 'LISTED', hot: false, recommended: true,
  rank: 0, fitment: [], photos: [], listedAt: null, createdBy: 'mgr', createdAt: '2026-11-20T02:00:00Z', updatedAt: '2026-11-20T02:00:00Z', version: 2,
  skus: [
    { id: 's-1', spec: '4L', code: 'CA-4L', priceFen: 45900, salePriceFen: 39900, lowStockAt: 5, stock: 3, low: true, version: 1 },
    { id: 's-2', spec: '1L', code: null, priceFen: 12900, salePriceFen: null, lowStockAt: 0, stock: 8, low: false, version: 0 },
  ],
};

const entry: ProductStockEntry = { id: 'e-1', skuId: 's-1', spec: '4L', kind: 'ADJUST', delta: -2, stockAfter: 3, reason: '破损', createdBy: 'mgr', createdAt: '2026-11-21T02:00:00Z' };

function render(ui: ReactElement, api: ReturnType<typeof fakeApi>) {
  return renderWithAuth(<App>{ui}</App>, { auth: fakeAuth({ api }), path: '/console/gz_tianhe/products', route: '/console/:store/products', permissions: ['CONSOLE_USE', 'MALL_VIEW', 'MALL_MANAGE'] });
}

describe('a product’s drawer', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows the SKUs with prices in yuan and low stock, the stock movements, and receives stock for one SKU once with an Idempotency-Key', async () => {
    const get = vi.fn((path: string) => Promise.resolve((path.endsWith('/stock-entries') ? { content: [entry], page: 0, size: 10, totalElements: 1, totalPages: 1 } : product) as never));
    const post = vi.fn().mockResolvedValue({ ...product, skus: [{ ...product.skus[0]!, stock: 23 }, product.skus[1]!] });
    const onChanged = vi.fn();
    render(<ProductDrawer store="gz_tianhe" productId="p-1" onClose={vi.fn()} onChanged={onChanged} />, fakeApi({ get, post }));

    const row = (await screen.findByText('CA-4L')).closest('tr')!;
    expect([...row.querySelectorAll('td')].slice(0, 6).map((td) => td.textContent)).toEqual(['4L', 'CA-4L', '¥459.00', '¥399.00', '3库存不足', '5']);
    expect(await screen.findByText('破损')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith(`${BASE}/stock-entries`, { page: 0, size: 10 }, expect.anything());

    fireEvent.click(button('入库', row));
    fireEvent.change(await screen.findByLabelText('入库数量'), { target: { value: '20' } });
    fireEvent.click(button('下一步'));
    expect(await screen.findByText('将“嘉实多极护机油 · 4L”入库 20 件，入库后库存 23 件。')).toBeInTheDocument();
    fireEvent.click(await findButton('确认入库'));
    await waitFor(() => expect(post).toHaveBeenCalledWith(`${BASE}/skus/s-1/stock-receipts`, { quantity: 20, reason: null }, KEY));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });

  it('corrects a SKU’s stock after a count with the reason, never below zero, confirmed and keyed', async () => {
    const post = vi.fn().mockResolvedValue(product);
    const onDone = vi.fn();
    render(<AdjustSkuStockDialog store="gz_tianhe" product={product} sku={product.skus[0]} onClose={vi.fn()} onDone={onDone} />, fakeApi({ post }));
    fireEvent.change(await screen.findByLabelText('调整数量'), { target: { value: '-5' } });
    fireEvent.click(button('下一步'));
    expect(await screen.findByText('最多只能减少 3 件')).toBeInTheDocument();
    expect(screen.getByText('请填写调整原因')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('调整数量'), { target: { value: '-1' } });
    fireEvent.change(screen.getByLabelText('调整原因'), { target: { value: '盘点少 1 件' } });
    fireEvent.click(button('下一步'));
    expect(await screen.findByText('“嘉实多极护机油 · 4L”的库存将调整 -1 件：3 → 2 件。')).toBeInTheDocument();
    fireEvent.click(button('确认调整'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(post).toHaveBeenCalledWith(`${BASE}/skus/s-1/stock-adjustments`, { delta: -1, reason: '盘点少 1 件' }, KEY);
  });
});
