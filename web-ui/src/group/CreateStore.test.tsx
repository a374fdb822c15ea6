import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem';
import type { StoreView } from '../api/types';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { CreateStore } from './CreateStore';
import { button } from '../testing/buttons';

function store(status: StoreView['status'], attempts = 1, failureReason?: string): StoreView {
  return {
    code: 'zh_xiangzhou', groupCode: 'huanan', name: '珠海香洲4S店', city: '珠海', brand: 'Honda', timeZone: 'Asia/Shanghai',
    cluster: 'default', status, failureReason, provisioningAttempts: attempts, createdAt: '2026-11-22T00:00:00Z', updatedAt: '2026-11-22T00:00:00Z',
    version: 1,
  };
}

async function fillAndSubmit() {
  fireEvent.change(screen.getByLabelText('门店代码'), { target: { value: 'zh_xiangzhou' } });
  fireEvent.change(screen.getByLabelText('门店名称'), { target: { value: '珠海香洲4S店' } });
  fireEvent.change(screen.getByLabelText('城市'), { target: { value: '珠海' } });
  fireEvent.change(screen.getByLabelText('品牌'), { target: { value: 'Honda' } });
  fireEvent.click(button(/创\s*建/));
}

function renderDialog(api: ReturnType<typeof fakeApi>, onClose: (created: boolean) => void = () => undefined) {
  return renderWithAuth(<CreateStore groupCode="huanan" open onClose={onClose} />, {
    auth: fakeAuth({ api, claims: claims(['group-executive'], { group: 'huanan', stores: [] }) }),
  });
}

describe('CreateStore', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('posts the store and follows its provisioning until it is active', async () => {
    const api = fakeApi({
      post: vi.fn().mockResolvedValue(store('PROVISIONING')),
      get: vi.fn().mockResolvedValueOnce(store('PROVISIONING')).mockResolvedValue(store('ACTIVE')),
    });
    renderDialog(api);

    await fillAndSubmit();

    // the form validates asynchronously before it posts
    await waitFor(() =>
      expect(api.post).toHaveBeenCalledWith('/api/admin/groups/huanan/stores', {
        code: 'zh_xiangzhou', name: '珠海香洲4S店', city: '珠海', brand: 'Honda', timeZone: 'Asia/Shanghai', address: null, phone: null,
      }),
    );
    expect(await screen.findByTestId('provisioning')).toHaveAttribute('data-status', 'PROVISIONING');
    await waitFor(() => expect(screen.getByTestId('provisioning')).toHaveAttribute('data-status', 'ACTIVE'), { timeout: 5000 });
    expect(screen.getByText('珠海香洲4S店 已开通')).toBeInTheDocument();
    expect(api.get).toHaveBeenCalledWith('/api/admin/stores/zh_xiangzhou');
  });

  it('once the store is created, the only button left closes the dialog and reports the creation', async () => {
    const api = fakeApi({ post: vi.fn().mockResolvedValue(store('ACTIVE')) });
    const onClose = vi.fn();
    renderDialog(api, onClose);

    await fillAndSubmit();
    await screen.findByTestId('provisioning');

    const footer = document.querySelector('.ant-modal-footer') as HTMLElement;
    const buttons = within(footer).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['关 闭']);
    fireEvent.click(buttons[0]!);
    expect(onClose).toHaveBeenCalledWith(true);
  });

  it('shows why provisioning failed and retries on request', async () => {
    const api = fakeApi({
      post: vi.fn().mockResolvedValueOnce(store('FAILED', 1, 'store-console could not be reached')).mockResolvedValue(store('PROVISIONING', 2)),
      get: vi.fn().mockResolvedValue(store('ACTIVE', 2)),
    });
    renderDialog(api);

    await fillAndSubmit();

    expect(await screen.findByText('store-console could not be reached')).toBeInTheDocument();
    fireEvent.click(button(/重\s*试/));
    expect(api.post).toHaveBeenLastCalledWith('/api/admin/stores/zh_xiangzhou/provisioning');
    await waitFor(() => expect(screen.getByTestId('provisioning')).toHaveAttribute('data-status', 'ACTIVE'), { timeout: 5000 });
  });

  it('sends the address, the phone and the zone picked by its name', async () => {
    const api = fakeApi({ post: vi.fn().mockResolvedValue(store('ACTIVE')) });
    renderDialog(api);

    expect(screen.getByText('北京时间（中国标准时间）')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('门店地址'), { target: { value: '珠海市香洲区情侣中路 88 号' } });
    fireEvent.change(screen.getByLabelText('联系电话'), { target: { value: '0756-2128888' } });
    fireEvent.mouseDown(screen.getByLabelText('时区'));
    fireEvent.click(await screen.findByText('新疆时间（乌鲁木齐）'));
    await fillAndSubmit();

    await waitFor(() =>
      expect(api.post).toHaveBeenCalledWith('/api/admin/groups/huanan/stores', {
        code: 'zh_xiangzhou', name: '珠海香洲4S店', city: '珠海', brand: 'Honda', timeZone: 'Asia/Urumqi',
        address: '珠海市香洲区情侣中路 88 号', phone: '0756-2128888',
      }),
    );
  });

  it('refuses a phone customers could not dial, before sending anything', async () => {
    const api = fakeApi();
    renderDialog(api);

    fireEvent.change(screen.getByLabelText('联系电话'), { target: { value: '12345' } });
    await fillAndSubmit();

    expect(await screen.findByText('请输入手机号（如 13800138000）、带区号的座机号（如 020-38881234）或 400/800 电话')).toBeInTheDocument();
    expect(api.post).not.toHaveBeenCalled();
  });

  it('puts a taken store code beside the code input', async () => {
    const api = fakeApi({
      post: vi.fn().mockRejectedValue(new ApiError(409, { type: 'https://m4s.dev/problems/store-code-taken', detail: 'Store code zh_xiangzhou is taken.', field: 'code' })),
    });
    renderDialog(api);

    await fillAndSubmit();

    expect(await screen.findByText('门店代码已被占用。')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('门店代码')).toHaveAttribute('aria-invalid', 'true'));
  });
});
