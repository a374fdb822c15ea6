import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DmsCredentialView } from '../../api/types';
import i18n from '../../i18n';
import { button, findButton } from '../../testing/buttons';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { DmsCredential } from './DmsCredential';

const PATH = '/api/stores/gz_tianhe/dms-credential';
const TOKEN_URL = 'http://localhost:8180/realms/m4s/protocol/openid-connect/token';
const none: DmsCredentialView = {
  status: 'NONE', clientId: null, tokenUrl: TOKEN_URL, batchPath: '/api/stores/gz_tianhe/repair-orders/batch',
  createdAt: null, createdBy: null, rotatedAt: null, rotatedBy: null, revokedAt: null, revokedBy: null, version: 0,
};
const active: DmsCredentialView = { ...none, status: 'ACTIVE', clientId: 'm4s-dms-gz_tianhe', createdAt: '2026-12-01T02:00:00Z', createdBy: '林晓峰', version: 0 };

function renderPage(api: ReturnType<typeof fakeApi>) {
  return renderWithAuth(
    <App>
      <DmsCredential />
    </App>,
    { auth: fakeAuth({ api }), path: '/console/gz_tianhe/dms-credential', route: '/console/:store/dms-credential', permissions: ['DMS_CREDENTIAL_MANAGE'] },
  );
}

describe('DmsCredential', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('creates the credential and shows its secret once, with the token URL and the batch URL to configure', async () => {
    const get = vi.fn().mockResolvedValueOnce(none).mockResolvedValue(active);
    const post = vi.fn().mockResolvedValue({ credential: active, clientId: 'm4s-dms-gz_tianhe', clientSecret: 's3cr3t-once' });
    renderPage(fakeApi({ get, post }));

    expect(await screen.findByText('未创建')).toBeInTheDocument();
    expect(screen.getByText(TOKEN_URL)).toBeInTheDocument();
    expect(screen.getByText(`${window.location.origin}/api/stores/gz_tianhe/repair-orders/batch`)).toBeInTheDocument();
    fireEvent.click(button('创建凭据'));

    expect((await screen.findByTestId('dms-secret')).textContent).toContain('s3cr3t-once');
    expect(post).toHaveBeenCalledWith(PATH, {});
    expect(screen.getByText(/密钥只显示这一次/)).toBeInTheDocument();
    expect(await screen.findByText('启用中')).toBeInTheDocument();
    fireEvent.click(button('我已保存密钥'));
    await waitFor(() => expect(screen.queryByTestId('dms-secret')).toBeNull());
  });

  it('rotates only after the manager confirms that the old secret stops working', async () => {
    const get = vi.fn().mockResolvedValue(active);
    const post = vi.fn().mockResolvedValue({ credential: active, clientId: 'm4s-dms-gz_tianhe', clientSecret: 'n3w-secret' });
    renderPage(fakeApi({ get, post }));

    fireEvent.click(await findButton('轮换密钥'));
    expect(await screen.findByText(/旧密钥立即失效/)).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
    const confirm = [...document.querySelectorAll<HTMLElement>('.ant-popconfirm button')].find((b) => b.textContent?.replace(/\s/g, '') === '轮换密钥')!;
    fireEvent.click(confirm);

    expect((await screen.findByTestId('dms-secret')).textContent).toContain('n3w-secret');
    expect(post).toHaveBeenCalledWith(`${PATH}/rotate`, {});
  });
});
