import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem';
import type { StoreView } from '../api/types';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { EditStore } from './EditStore';

const TIANHE: StoreView = {
  code: 'gz_tianhe', groupCode: 'huanan', name: '广州天河宝马4S店', city: '广州', brand: 'BMW', phone: '020-38823888', address: null,
  timeZone: 'Asia/Shanghai', cluster: 'default', status: 'ACTIVE', provisioningAttempts: 1,
  createdAt: '2026-11-22T00:00:00Z', updatedAt: '2026-11-22T00:00:00Z', version: 3,
};

function renderDialog(put: ReturnType<typeof vi.fn>, onClose = vi.fn()) {
  renderWithAuth(
    <App>
      <EditStore store={TIANHE} onClose={onClose} />
    </App>,
    { auth: fakeAuth({ api: fakeApi({ put }), claims: claims(['group-executive'], { group: 'huanan', stores: [] }) }) },
  );
  return onClose;
}

describe('EditStore', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it("changes a store's name, address and phone from the version it showed", async () => {
    const changed = { ...TIANHE, name: '广州宝悦天河宝马4S店', address: '广州市天河区黄埔大道西 638 号', version: 4 };
    const put = vi.fn().mockResolvedValue(changed);
    const onClose = renderDialog(put);

    expect(screen.getByLabelText('联系电话')).toHaveValue('020-38823888');
    fireEvent.change(screen.getByLabelText('门店名称'), { target: { value: '广州宝悦天河宝马4S店' } });
    fireEvent.change(screen.getByLabelText('门店地址'), { target: { value: '广州市天河区黄埔大道西 638 号' } });
    fireEvent.click(screen.getByText('保 存'));

    await waitFor(() => expect(onClose).toHaveBeenCalledWith(changed));
    expect(put).toHaveBeenCalledWith(
      '/api/admin/stores/gz_tianhe/details',
      { name: '广州宝悦天河宝马4S店', address: '广州市天河区黄埔大道西 638 号', phone: '020-38823888' },
      3,
    );
  });

  it('says so when someone changed the store meanwhile, and stays open', async () => {
    const put = vi.fn().mockRejectedValue(new ApiError(409, { type: 'https://m4s.dev/problems/concurrent-update', detail: '该记录已被他人修改，请刷新后重试。' }));
    const onClose = renderDialog(put);

    fireEvent.change(screen.getByLabelText('联系电话'), { target: { value: '400-830-8999' } });
    fireEvent.click(screen.getByText('保 存'));

    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });
});
