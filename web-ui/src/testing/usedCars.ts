import type { UsedCarStatus, UsedCarSummary, UsedCarView } from '../api/types';
import { USED_CAR_STATUSES } from '../ui/usedCar';

const MOVES_BY_STATUS: Record<UsedCarStatus, UsedCarView['allowedMoves']> = {
  SUBMITTED: ['EDIT', 'APPROVE', 'REQUEST_CHANGES', 'REJECT', 'WITHDRAW'],
  CHANGES_REQUESTED: ['EDIT', 'REJECT', 'WITHDRAW'],
  LISTED: ['UPDATE_LISTING', 'RESERVE', 'SELL', 'WITHDRAW'],
  RESERVED: ['UPDATE_LISTING', 'RELEASE', 'SELL', 'WITHDRAW'],
  REJECTED: [],
  SOLD: [],
  WITHDRAWN: [],
};

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

/** A consigned car as the API answers it, in the given status with the moves the server allows there. */
export function usedCar(overrides: Partial<UsedCarView> = {}): UsedCarView {
  const status = overrides.status ?? 'SUBMITTED';
  return {
    id: 'c0ffee00-0000-4000-8000-000000000001',
    memberId: 'a1b2c3d4-0000-4000-8000-000000000001',
    status,
    make: '宝马',
    model: '325Li',
    year: 2019,
    mileageKm: 56000,
    city: '广州',
    gearbox: 'AUTOMATIC',
    emissionStandard: 'CN6A',
    colour: '白色',
    priceWishYuan: 128000,
    photos: [
      { ref: 'https://img.example.com/a.jpg', thumbnailUrl: 'https://img.example.com/a.jpg', url: 'https://img.example.com/a.jpg', largeUrl: 'https://img.example.com/a.jpg' },
      { ref: 'b0b0b0b0-0000-4000-8000-000000000002', id: 'b0b0b0b0-0000-4000-8000-000000000002', thumbnailUrl: '/api/stores/gz_tianhe/photos/b0b0b0b0-0000-4000-8000-000000000002/small?expires=1&signature=s', url: '/api/stores/gz_tianhe/photos/b0b0b0b0-0000-4000-8000-000000000002/medium?expires=1&signature=m', largeUrl: '/api/stores/gz_tianhe/photos/b0b0b0b0-0000-4000-8000-000000000002/large?expires=1&signature=l' },
    ],
    conditionNotes: '无事故，定期保养',
    askingPriceYuan: null,
    conditionReport: null,
    reviewNote: null,
    reviewedBy: null,
    reservedNote: null,
    soldPriceYuan: null,
    submittedBy: 'manager.gz_tianhe',
    revision: 1,
    submittedAt: hoursAgo(50),
    listedAt: null,
    closedAt: null,
    updatedAt: hoursAgo(50),
    version: 0,
    allowedMoves: MOVES_BY_STATUS[status],
    ...overrides,
  };
}

export function summaryOf(car: UsedCarView): UsedCarSummary {
  const { id, memberId, status, make, model, year, mileageKm, city, priceWishYuan, askingPriceYuan, revision, submittedAt, updatedAt } = car;
  return { id, memberId, status, make, model, year, mileageKm, city, priceWishYuan, askingPriceYuan, revision, submittedAt, updatedAt };
}

export function page<T>(content: T[]) {
  return { content, page: 0, size: 20, totalElements: content.length, totalPages: 1 };
}

export { hoursAgo, USED_CAR_STATUSES };
