import type { TFunction } from 'i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { actorText, AUDITED, enumKey, formatValue } from './auditText';

type Tree = { [key: string]: Tree | string };

function lookup(locale: Tree, key: string): string | undefined {
  let node: Tree | string | undefined = locale;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

const LOCALES = { 'zh-CN': zhCN as unknown as Tree, en: en as unknown as Tree };
const HAN = /\p{Script=Han}/u;

describe('names of what the audit trail records', () => {
  // auditedFields.json is what the trail records (store-console's AuditedFieldsTest keeps it so)
  const keys = [
    ...Object.keys(AUDITED.entities).map((type) => `auditNames.entities.${type}`),
    ...Object.entries(AUDITED.entities).flatMap(([type, fields]) => Object.keys(fields).map((f) => `auditNames.fields.${type}.${f}`)),
    ...Object.entries(AUDITED.enums).flatMap(([name, values]) => values.map((v) => enumKey(name, v))),
  ];

  it('knows the entities, fields and enum values', () => {
    expect(keys).toContain('auditNames.fields.usedCar.priceWishYuan');
    expect(keys).toContain('usedCars.statuses.LISTED');
  });

  it.each(Object.keys(LOCALES))('has a name for every one of them in %s', (language) => {
    const locale = LOCALES[language as keyof typeof LOCALES];
    expect(keys.filter((key) => !lookup(locale, key))).toEqual([]);
  });

  it('names them in Chinese in Chinese', () => {
    expect(keys.filter((key) => !HAN.test(lookup(LOCALES['zh-CN'], key) ?? ''))).toEqual([]);
  });
});

describe('values and actors as a person reads them', () => {
  let t: TFunction;
  const member = '6f1c1f4e-2b1a-4f0e-9a7e-0d6c3c1b9a01';
  const context = () => ({ t, language: 'zh-CN', zone: 'Asia/Urumqi', linkedNames: { [member]: '王建国' } });

  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
    t = i18n.t.bind(i18n) as TFunction;
  });

  it('formats money, times to the second in the store zone, days, statuses and yes or no', () => {
    expect(formatValue('usedCar', 'askingPriceYuan', 128000, context())).toBe('¥128,000');
    expect(formatValue('usedCar', 'listedAt', '2026-12-31T17:30:05.123456789Z', context())).toBe('2026年12月31日 23:30:05');
    expect(formatValue('member', 'birthday', '1985-06-18', context())).toBe('1985年6月18日');
    expect(formatValue('usedCar', 'status', 'LISTED', context())).toBe('在售');
    expect(formatValue('usedCar', 'gearbox', 'DUAL_CLUTCH', context())).toBe('双离合');
    expect(formatValue('notification', 'status', 'SENT', context())).toBe('已发送');
    expect(formatValue('staffMember', 'department', 'service', context())).toBe('售后');
    expect(formatValue('member', 'enabled', true, context())).toBe('是');
    expect(formatValue('member', 'enabled', false, context())).toBe('否');
    expect(formatValue('member', 'notes', null, context())).toBe('–');
  });

  it('names the member an id refers to, and never cuts an id it cannot name', () => {
    const unknown = '0b7d9d2c-1111-4c4c-8888-123456789abc';
    expect(formatValue('usedCar', 'memberId', member, context())).toBe('王建国');
    expect(formatValue('vehicle', 'member', unknown, context())).toBe(unknown);
  });

  it('shows that a secret changed, never its value', () => {
    expect(formatValue('ownerVerification', 'codeHash', '[redacted]', context())).toBe('（已隐藏）');
  });

  it('names the actor and their role, and the platform in words', () => {
    expect(actorText(t, { name: 'manager.gz_tianhe', displayName: '林晓峰', role: 'store-manager' })).toBe('林晓峰（店长）');
    expect(actorText(t, { name: 'operator', displayName: null, role: 'platform-operator' })).toBe('operator（平台运营）');
    expect(actorText(t, { name: 'system', role: 'system' })).toBe('系统');
    expect(actorText(t, { name: 'anonymous', role: 'anonymous' })).toBe('访客（未登录）');
    expect(actorText(t, { name: 'service-account-m4s-tenant-admin', role: 'service' })).toBe('平台服务');
  });
});
