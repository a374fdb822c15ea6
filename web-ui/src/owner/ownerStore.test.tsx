import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { useFormatTime } from '../ui/storeZone';
import { MyCars } from './MyCars';
import { OwnerStoreProvider, telHref } from './ownerStore';

const URUMQI = { code: 'wl_xinshi', name: '乌鲁木齐广汇宝马4S店', address: '乌鲁木齐市新市区北京南路 358 号', phone: '0991-3688888', timeZone: 'Asia/Urumqi' };
const ME = { id: 'm1', profile: { name: '王建国', phone: '13800138001' }, vehicles: [], ownerUsername: 'owner.13800138001', createdAt: '2026-11-20T00:00:00Z', updatedAt: '2026-11-20T00:00:00Z', version: 0 };

function ListedAt() {
  const format = useFormatTime();
  return <p data-testid="time">{format('2026-11-20T08:00:00Z')}</p>;
}

function renderHome() {
  const get = vi.fn().mockImplementation(async (path: string) => (path === '/api/stores/wl_xinshi/card' ? URUMQI : ME));
  renderWithAuth(
    <OwnerStoreProvider>
      <MyCars />
      <ListedAt />
    </OwnerStoreProvider>,
    { auth: fakeAuth({ api: fakeApi({ get }), claims: claims(['owner'], { stores: ['wl_xinshi'] }) }) },
  );
  return get;
}

describe("the owner's store", () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('names the store on the home page and reads times in its zone', async () => {
    const get = renderHome();

    expect(await screen.findByText('会员门店：乌鲁木齐广汇宝马4S店')).toBeInTheDocument();
    expect(screen.queryByText(/wl_xinshi/)).not.toBeInTheDocument();
    // 08:00 UTC is 14:00 in Urumqi (UTC+6), not 16:00 as in Beijing
    expect(screen.getByTestId('time')).toHaveTextContent('14:00');
    expect(get).toHaveBeenCalledWith('/api/stores/wl_xinshi/card', undefined, expect.anything());
  });

  it('dials a phone as stores write it', () => {
    expect(telHref('020-38823888')).toBe('tel:02038823888');
    expect(telHref('0755-8888123-801')).toBe('tel:07558888123,801');
    expect(telHref('400-820-8820')).toBe('tel:4008208820');
    expect(telHref('13800138000')).toBe('tel:13800138000');
  });
});
