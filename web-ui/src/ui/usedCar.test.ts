import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { cleanedCar, formatKm, formatWaiting, formatYuan } from './usedCar';

describe('used-car formatting', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('writes prices as whole yuan with separators, in Chinese also in 万', () => {
    expect(formatYuan(128000, 'zh-CN')).toBe('¥128,000（12.8万）');
    expect(formatYuan(1234567, 'zh-CN')).toBe('¥1,234,567（123.46万）');
    expect(formatYuan(9800, 'zh-CN')).toBe('¥9,800');
    expect(formatYuan(128000, 'zh-CN', { wan: false })).toBe('¥128,000');
    expect(formatYuan(128000, 'en')).toBe('¥128,000');
    expect(formatYuan(null, 'zh-CN')).toBe('');
  });

  it('writes mileage in km and waiting times in days, hours and minutes', async () => {
    expect(formatKm(i18n.t, 56000, 'zh-CN')).toBe('56,000 公里');
    const now = Date.parse('2026-11-22T12:00:00Z');
    expect(formatWaiting(i18n.t, '2026-11-19T04:00:00Z', now)).toBe('3 天 8 小时');
    expect(formatWaiting(i18n.t, '2026-11-22T09:15:00Z', now)).toBe('2 小时 45 分钟');
    expect(formatWaiting(i18n.t, '2026-11-22T11:59:30Z', now)).toBe('刚刚');
    await i18n.changeLanguage('en');
    expect(formatKm(i18n.t, 56000, 'en')).toBe('56,000 km');
    expect(formatWaiting(i18n.t, '2026-11-20T12:00:00Z', now)).toBe('2 d');
  });

  it('sends trimmed texts, leaves empty optional ones out, drops blank photo refs and sends photos as refs', () => {
    expect(
      cleanedCar({
        make: ' 宝马 ', model: 'X3', year: 2019, mileageKm: 1, city: '广州', gearbox: 'MANUAL', emissionStandard: 'NEV',
        colour: '  ', priceWishYuan: 5, photos: [' https://a/b.jpg ', '', { ref: 'p1', id: 'p1', thumbnailUrl: '/t', url: '/m', largeUrl: '/l' }], conditionNotes: '',
      }),
    ).toEqual({ make: '宝马', model: 'X3', year: 2019, mileageKm: 1, city: '广州', gearbox: 'MANUAL', emissionStandard: 'NEV', priceWishYuan: 5, photos: ['https://a/b.jpg', 'p1'] });
  });
});
