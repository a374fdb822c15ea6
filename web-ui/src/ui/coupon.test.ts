import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { couponValue, validityText, yuan, zhe } from './coupon';

describe('coupon texts', () => {
  it('reads a percentage off as 折 and whole yuan without decimals', () => {
    expect(zhe(20)).toBe('8');
    expect(zhe(15)).toBe('8.5');
    expect(yuan(30000, 'zh-CN')).toBe('300');
    expect(yuan(1250, 'zh-CN')).toBe('12.50');
  });

  it('says what each kind gives, in both languages', async () => {
    await i18n.changeLanguage('zh-CN');
    const t = i18n.t.bind(i18n);
    const base = { valueFen: 0, thresholdFen: 0, percentOff: 0, capFen: null, pointsMultiplier: 1 };
    expect(couponValue(t, { ...base, kind: 'THRESHOLD', valueFen: 5000, thresholdFen: 30000 }, 'zh-CN')).toBe('满300减50');
    expect(couponValue(t, { ...base, kind: 'PERCENT', percentOff: 20, capFen: 20000 }, 'zh-CN')).toBe('8折（最高减200元）');
    expect(couponValue(t, { ...base, kind: 'CASH', valueFen: 10000 }, 'zh-CN')).toBe('100元代金券');
    expect(couponValue(t, { ...base, kind: 'POINTS_MULTIPLIER', pointsMultiplier: 2 }, 'zh-CN')).toBe('2倍积分');
    expect(validityText(t, { validDays: 30 })).toBe('领取后 30 天内有效');
    await i18n.changeLanguage('en');
    expect(couponValue(i18n.t.bind(i18n), { ...base, kind: 'THRESHOLD', valueFen: 5000, thresholdFen: 30000 }, 'en')).toBe('50 yuan off 300');
    await i18n.changeLanguage('zh-CN');
  });
});
