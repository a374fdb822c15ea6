import { describe, expect, it } from 'vitest';
import { entryChange, linePoints, orderNumberOf, orderPoints } from './points';

describe('points', () => {
  it('counts a line as the server does: amount times rate, rounded down per line, on exact decimals', () => {
    expect(linePoints('99.99', '1')).toBe(99);
    expect(linePoints('1239.00', '0.1')).toBe(123);
    expect(linePoints('500.00', '0')).toBe(0);
    expect(linePoints('3001.50', '0.5')).toBe(1500);
    // 0.1 × 3 is 0.30000000000000004 in floating point; the exact product is 0.3 → 0
    expect(linePoints('3.00', '0.1')).toBe(0);
    expect(linePoints('10.00', '0.1')).toBe(1);
    expect(linePoints(1000, 0.5)).toBe(500);
  });

  it('rounds each line on its own before adding', () => {
    const rates = { customer: '1', warranty: '0.1', internal: '0', insurance: '0.5' };
    expect(orderPoints([{ amountYuan: '1000.00', account: 'CUSTOMER' }, { amountYuan: '2000.00', account: 'INSURANCE' }], rates)).toBe(2000);
    expect(orderPoints([{ amountYuan: '0.99', account: 'CUSTOMER' }, { amountYuan: '0.99', account: 'CUSTOMER' }], rates)).toBe(0);
  });

  it('shows an entry as one signed change, debt counted as taken and an activation as what became available', () => {
    expect(entryChange({ kind: 'GRANT_PENDING', available: 0, pending: 300, debt: 0, sourceType: 'REPAIR_ORDER_LINE' })).toBe(300);
    expect(entryChange({ kind: 'ACTIVATE', available: 250, pending: -300, debt: -50, sourceType: 'REPAIR_ORDER_LINE' })).toBe(300);
    expect(entryChange({ kind: 'REFUND', available: -100, pending: 0, debt: 200, sourceType: 'REPAIR_ORDER_LINE' })).toBe(-300);
    expect(orderNumberOf('WX-TH-00002#6')).toBe('WX-TH-00002');
  });
});
