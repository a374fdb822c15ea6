/*
 * The audit trail as a person reads it (decision 0027): entity and field names from the locale files (section
 * auditNames), the actor as a name and a role, and each recorded value formatted by its kind, which
 * auditedFields.json gives per entity and field (store-console's AuditedFieldsTest keeps that file equal to what the
 * trail records).
 */
import type { TFunction } from 'i18next';
import { formatTime } from '../../ui/format';
import { formatYuan } from '../../ui/usedCar';
import audited from './auditedFields.json';

export const AUDITED: { entities: Record<string, Record<string, string>>; enums: Record<string, string[]> } = audited;

/** Enums whose labels the pages already have; the others are in auditNames.enums. */
export const ENUM_LABELS: Record<string, string> = {
  MemberSource: 'members.sources',
  UsedCarStatus: 'usedCars.statuses',
  Gearbox: 'usedCars.gearboxes',
  EmissionStandard: 'usedCars.emissionStandards',
  StaffRole: 'staff.roles',
  StaffStatus: 'staff.statuses',
  PointCampaignStatus: 'pointCampaigns.statuses',
  CampaignMemberCampaignChosenBy: 'pointCampaigns.chosenBy',
  CampaignMemberCampaignOutcome: 'pointCampaigns.outcomes',
  CampaignMemberCampaignSkipReason: 'pointCampaigns.skipReasons',
  PointTransferStatus: 'pointTransfers.statuses',
  CouponKind: 'coupons.kinds',
  CouponScope: 'coupons.scopes',
  CouponTemplateStatus: 'coupons.statuses',
  CouponObtained: 'coupons.obtained',
  MemberCouponState: 'coupons.states',
};

/** Fields kept as text whose values are codes with labels of their own. */
const CODE_LABELS: Record<string, string> = { 'staffMember.department': 'staff.departments' };

type Translate = TFunction;

/** t() of a key made at run time; `fallback` when the locale files lack it. */
function label(t: Translate, key: string, fallback: string): string {
  const text = (t as unknown as (k: string, o: { defaultValue: string }) => string)(key, { defaultValue: fallback });
  return text || fallback;
}

/** The locale key of an enum value's label. */
export function enumKey(name: string, value: string): string {
  return `${ENUM_LABELS[name] ?? `auditNames.enums.${name}`}.${value}`;
}

export function entityName(t: Translate, type: string): string {
  return label(t, `auditNames.entities.${type}`, type);
}

export function fieldName(t: Translate, type: string, field: string): string {
  return label(t, `auditNames.fields.${type}.${field}`, field);
}

export interface Actor {
  name: string;
  displayName?: string | null;
  role: string;
}

/**
 * Who made a change: 林晓峰（店长）. The platform's own work is 系统, a request without a sign-in 访客（未登录）, another
 * service 平台服务; an entry from before names were recorded shows the login's username with the role.
 */
export function actorText(t: Translate, actor: Actor): string {
  if (actor.name === 'system') return t('auditNames.actors.system');
  if (actor.name === 'anonymous') return t('auditNames.actors.anonymous');
  if (actor.role === 'service') return t('auditNames.actors.service');
  const role = label(t, `auditNames.roles.${actor.role}`, actor.role);
  return t('auditNames.actors.withRole', { name: actor.displayName || actor.name, role });
}

export interface ValueContext {
  t: Translate;
  language: string;
  zone: string;
  /** names of the members the entry refers to, by id */
  linkedNames: Record<string, string>;
}

/** A recorded value as a person reads it: ¥128,000, 2026年12月31日 23:30:05, 在售, 是, the member's name. */
export function formatValue(type: string, field: string, value: unknown, context: ValueContext): string {
  const { t, language, zone, linkedNames } = context;
  if (value === null || value === undefined || value === '') return '–';
  const kind = AUDITED.entities[type]?.[field] ?? '';
  if (kind === 'redacted') return t('auditNames.values.redacted');
  // a list of references (a car's photos): how many, the references themselves say nothing to a reader
  if (kind === 'texts' && Array.isArray(value)) return t('auditNames.values.items', { count: value.length });
  if (typeof value === 'boolean' || kind === 'boolean') return t(value === true || value === 'true' ? 'auditNames.values.yes' : 'auditNames.values.no');
  if (kind === 'yuan' && typeof value === 'number') return formatYuan(value, language, { wan: false });
  if (kind === 'instant' && typeof value === 'string') return formatTime(value, language, zone, 'medium', true);
  if (kind === 'date' && typeof value === 'string') return formatDate(value, language);
  if (kind.startsWith('enum:') && typeof value === 'string') return label(t, enumKey(kind.slice(5), value), value);
  if (kind.startsWith('ref:') && typeof value === 'string') return linkedNames[value] ?? value;
  const codes = CODE_LABELS[`${type}.${field}`];
  if (codes && typeof value === 'string') return label(t, `${codes}.${value}`, value);
  if (typeof value === 'number') return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'zh-CN').format(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A calendar day (2026-12-31) in the UI's language, with no time zone: it is a day, not a point in time. */
function formatDate(day: string, language: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, date));
}
