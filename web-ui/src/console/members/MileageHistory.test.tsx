import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MileageReading } from '../../api/types';
import i18n from '../../i18n';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { MileageHistory } from './MileageHistory';

const readings: MileageReading[] = [
  { id: 'r3', mileageKm: 9000, readAt: '2026-11-01T02:00:00Z', source: 'REPAIR_ORDER', sourceRef: 'WX-TH-00003', rollback: true },
  { id: 'r2', mileageKm: 15500, readAt: '2026-10-01T02:00:00Z', source: 'REPAIR_ORDER', sourceRef: 'WX-TH-00002', rollback: false },
];

function renderHistory(get: ReturnType<typeof vi.fn>) {
  return renderWithAuth(<MileageHistory store="gz_tianhe" memberId="m-1" vehicleId="v-1" />, {
    auth: fakeAuth({ api: fakeApi({ get }) }),
    path: '/console/gz_tianhe/members/m-1',
    route: '/console/:store/members/:memberId',
  });
}

describe('MileageHistory', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it("lists the vehicle's readings newest first with their repair orders, and flags the one that went back", async () => {
    const get = vi.fn().mockResolvedValue(readings);
    renderHistory(get);

    expect(await screen.findByText('维修工单 WX-TH-00003')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith('/api/stores/gz_tianhe/members/m-1/vehicles/v-1/mileage', undefined, expect.anything());
    const cells = screen.getAllByTestId('mileage-km');
    expect(cells.map((c) => c.textContent)).toEqual(['9,000里程回退', '15,500']);
  });

  it('says when the vehicle has no reading yet', async () => {
    renderHistory(vi.fn().mockResolvedValue([]));
    expect(await screen.findByText(/还没有里程记录/)).toBeInTheDocument();
  });
});
