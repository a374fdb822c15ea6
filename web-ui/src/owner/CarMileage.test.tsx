import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MileageReading } from '../api/types';
import i18n from '../i18n';
import { claims, fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { CarMileage } from './MyCars';

const readings: MileageReading[] = [
  { id: 'r2', mileageKm: 15500, readAt: '2026-10-01T02:00:00Z', source: 'REPAIR_ORDER', sourceRef: 'WX-TH-00002', rollback: false },
  { id: 'r1', mileageKm: 10000, readAt: '2026-09-01T02:00:00Z', source: 'REPAIR_ORDER', sourceRef: 'WX-TH-00001', rollback: false },
];

describe('owner: a car\'s mileage history', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows the readings of the owner\'s own car from its repair orders, newest first', async () => {
    const get = vi.fn().mockResolvedValue(readings);
    renderWithAuth(<CarMileage store="gz_tianhe" vehicleId="v-1" />, {
      auth: fakeAuth({ api: fakeApi({ get }), claims: claims(['owner']) }),
      path: '/app',
    });

    expect(await screen.findByText('里程记录')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith('/api/stores/gz_tianhe/me/vehicles/v-1/mileage', undefined, expect.anything());
    expect(screen.getAllByTestId('owner-mileage').map((li) => li.textContent)).toEqual([
      expect.stringContaining('维修工单 WX-TH-00002'),
      expect.stringContaining('维修工单 WX-TH-00001'),
    ]);
    expect(screen.getByText(/15,500/)).toBeInTheDocument();
  });
});
