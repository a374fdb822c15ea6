import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, InputNumber, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SegmentRule, SegmentRuleType } from '../../api/types';

export const RULE_TYPES = [
  'CARD_LEVEL',
  'POINTS_BALANCE',
  'NO_VISIT_MONTHS',
  'VEHICLE_MODEL',
  'VEHICLE_AGE',
  'BIRTHDAY_MONTH',
  'SOURCE',
  'TAG',
  'ADVISOR',
] as const satisfies readonly SegmentRuleType[];

const SOURCES = ['WALK_IN', 'REFERRAL', 'ONLINE', 'PHONE', 'EVENT', 'DMS_IMPORT', 'OTHER'] as const;
const MONTHS = ['THIS_MONTH', ...Array.from({ length: 12 }, (_, i) => String(i + 1))];

export interface RuleOptions {
  /** the store's card levels: code and name */
  levels: { value: string; label: string }[];
  /** the store's tags by name */
  tags: string[];
  /** advisors: username and name */
  advisors: { value: string; label: string }[];
}

/** A new rule of a type, with only the fields its type reads. */
export function emptyRule(type: SegmentRuleType): SegmentRule {
  switch (type) {
    case 'POINTS_BALANCE':
    case 'VEHICLE_AGE':
      return { type, min: null, max: null };
    case 'NO_VISIT_MONTHS':
      return { type, min: 6 };
    case 'VEHICLE_MODEL':
      return { type, text: '' };
    default:
      return { type, values: [] };
  }
}

/** Whether a rule has what its type needs, so the server can count it (the server checks the rest). */
export function isComplete(rule: SegmentRule): boolean {
  switch (rule.type) {
    case 'POINTS_BALANCE':
    case 'VEHICLE_AGE':
      return rule.min != null || rule.max != null;
    case 'NO_VISIT_MONTHS':
      return rule.min != null;
    case 'VEHICLE_MODEL':
      return (rule.text ?? '').trim() !== '';
    default:
      return (rule.values ?? []).length > 0;
  }
}

interface Props {
  value: SegmentRule[];
  onChange: (rules: SegmentRule[]) => void;
  options: RuleOptions;
  disabled?: boolean;
}

/**
 * The rule rows of the segment editor (decision 0041): one row per rule, all combined with AND. A row is its type and
 * the inputs that type reads (levels, a points range, months without a visit, a model text, a vehicle age range,
 * birthday months, sources, tags, advisors); changing the type starts the row afresh.
 */
export function RuleEditor({ value, onChange, options, disabled }: Props) {
  const { t } = useTranslation();
  const set = (i: number, rule: SegmentRule) => onChange(value.map((r, j) => (j === i ? rule : r)));
  const remove = (i: number) => onChange(value.filter((_, j) => j !== i));

  const values = (i: number, rule: SegmentRule, choices: { value: string; label: string }[], tagsMode = false) => (
    <Select
      mode={tagsMode ? 'tags' : 'multiple'}
      aria-label={t('segments.rules.valuesOf', { n: i + 1 })}
      placeholder={t(`segments.rules.placeholders.${rule.type}`)}
      style={{ minWidth: 260 }}
      value={rule.values ?? []}
      onChange={(v: string[]) => set(i, { ...rule, values: v })}
      options={choices}
      disabled={disabled}
    />
  );
  const range = (i: number, rule: SegmentRule, unit: string) => (
    <Space>
      <InputNumber
        aria-label={t('segments.rules.minOf', { n: i + 1 })}
        placeholder={t('segments.rules.min')}
        min={0}
        value={rule.min ?? null}
        onChange={(v) => set(i, { ...rule, min: v ?? null })}
        disabled={disabled}
      />
      <span>—</span>
      <InputNumber
        aria-label={t('segments.rules.maxOf', { n: i + 1 })}
        placeholder={t('segments.rules.max')}
        min={0}
        value={rule.max ?? null}
        onChange={(v) => set(i, { ...rule, max: v ?? null })}
        disabled={disabled}
      />
      <span>{unit}</span>
    </Space>
  );

  const inputs = (i: number, rule: SegmentRule) => {
    switch (rule.type) {
      case 'CARD_LEVEL':
        return values(i, rule, options.levels);
      case 'POINTS_BALANCE':
        return range(i, rule, t('segments.rules.units.points'));
      case 'VEHICLE_AGE':
        return range(i, rule, t('segments.rules.units.years'));
      case 'NO_VISIT_MONTHS':
        return (
          <Space>
            <InputNumber
              aria-label={t('segments.rules.monthsOf', { n: i + 1 })}
              min={1}
              max={120}
              value={rule.min ?? null}
              onChange={(v) => set(i, { ...rule, min: v ?? null })}
              disabled={disabled}
            />
            <span>{t('segments.rules.units.months')}</span>
          </Space>
        );
      case 'VEHICLE_MODEL':
        return (
          <Input
            aria-label={t('segments.rules.textOf', { n: i + 1 })}
            placeholder={t('segments.rules.placeholders.VEHICLE_MODEL')}
            style={{ width: 220 }}
            value={rule.text ?? ''}
            onChange={(e) => set(i, { ...rule, text: e.target.value })}
            disabled={disabled}
          />
        );
      case 'BIRTHDAY_MONTH':
        return values(i, rule, MONTHS.map((m) => ({ value: m, label: m === 'THIS_MONTH' ? t('segments.rules.thisMonth') : t('segments.rules.month', { month: m }) })));
      case 'SOURCE':
        return values(i, rule, SOURCES.map((s) => ({ value: s, label: t(`members.sources.${s}`) })));
      case 'TAG':
        return values(i, rule, options.tags.map((tag) => ({ value: tag, label: tag })));
      case 'ADVISOR':
        return values(i, rule, options.advisors);
    }
  };

  return (
    <div>
      {value.map((rule, i) => (
        <Space key={i} wrap align="center" style={{ display: 'flex', marginBottom: 8 }} data-testid={`rule-${i}`}>
          <span style={{ minWidth: 32 }}>{i === 0 ? t('segments.rules.where') : t('segments.rules.and')}</span>
          <Select
            aria-label={t('segments.rules.typeOf', { n: i + 1 })}
            style={{ width: 160 }}
            value={rule.type}
            onChange={(type: SegmentRuleType) => set(i, emptyRule(type))}
            options={RULE_TYPES.map((type) => ({ value: type, label: t(`segments.rules.types.${type}`) }))}
            disabled={disabled}
          />
          {inputs(i, rule)}
          {!disabled && (
            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('segments.rules.removeOf', { n: i + 1 })} onClick={() => remove(i)} />
          )}
        </Space>
      ))}
      {!disabled && (
        <Button icon={<PlusOutlined />} onClick={() => onChange([...value, emptyRule('CARD_LEVEL')])}>
          {t('segments.rules.add')}
        </Button>
      )}
    </div>
  );
}
