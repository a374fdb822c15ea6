import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Radio, Space, Spin, Steps, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/problem';
import type { CardBasis, CardProgramme, CardProgrammeView } from '../../api/types';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import { useAuth } from '../../auth/AuthContext';
import { useLoad } from '../../ui/useLoad';
import { useCan } from '../permissions';
import { ThousandsInput } from '../usedcars/CarFields';
import { formatValue } from '../../ui/cardText';
import './cards.css';

/** A level as the form holds it (benefits optional while typing). */
interface LevelRow {
  code: string;
  name: string;
  threshold: number | null;
  benefits?: string;
}

interface Values {
  basis: CardBasis;
  windowMonths: number;
  validityMonths: number;
  levels: LevelRow[];
}

const MAX_LEVELS = 8;

function valuesOf(view: CardProgrammeView): Values {
  return {
    basis: view.basis,
    windowMonths: view.windowMonths,
    validityMonths: view.validityMonths,
    levels: view.levels.map((l) => ({ code: l.code, name: l.name, threshold: l.threshold, benefits: l.benefits })),
  };
}

function requestOf(values: Values): CardProgramme {
  return {
    basis: values.basis,
    windowMonths: values.windowMonths,
    validityMonths: values.validityMonths,
    levels: values.levels.map((l) => ({
      code: l.code.trim(),
      name: l.name.trim(),
      threshold: l.threshold ?? 0,
      benefits: l.benefits?.trim() ? l.benefits.trim() : null,
    })),
  };
}

/**
 * The levels as a ladder, lowest first, each with its threshold: what the form holds now, so a change shows before
 * it is saved.
 */
function LevelLadder({ levels, basis }: { levels: LevelRow[]; basis: CardBasis }) {
  const { t } = useTranslation();
  return (
    <Steps
      size="small"
      current={levels.length}
      aria-label={t('cards.programme.ladder')}
      items={levels.map((l) => ({
        title: l.name || '—',
        content: l.threshold != null ? formatValue(t, basis, l.threshold) : '—',
      }))}
    />
  );
}

/**
 * 会员卡等级: the store's card programme (decision 0031) — basis, window, validity and the ranked levels. Those with
 * CARD_PROGRAMME_MANAGE edit it: thresholds must start at 0 and rise, checked here before sending; the whole programme
 * is replaced with the version it was read at (If-Match), after a confirmation. Everyone else reads it.
 */
export function CardProgrammePage() {
  const { t } = useTranslation();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const { message, modal } = App.useApp();
  const editable = useCan('CARD_PROGRAMME_MANAGE');
  const path = `/api/stores/${store}/card-programme`;
  const programme = useLoad((signal) => api.get<CardProgrammeView>(path, undefined, signal), [path]);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const levels = Form.useWatch('levels', form) ?? [];
  const basis = Form.useWatch('basis', form) ?? programme.data?.basis ?? 'POINTS';

  useEffect(() => {
    if (programme.data) form.setFieldsValue(valuesOf(programme.data));
  }, [programme.data, form]);

  if (programme.loading && !programme.data) return <Spin />;
  if (!programme.data) return <ProblemAlert error={programme.error} onRetry={programme.reload} />;
  const version = programme.data.version;

  const send = async (values: Values) => {
    setSaving(true);
    setError(undefined);
    try {
      await api.put(path, requestOf(values), version);
      message.success(t('common.saved'));
      programme.reload();
    } catch (e) {
      applyProblem(form, e);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const reread = () => {
    setError(undefined);
    programme.reload();
  };

  const confirmSave = (values: Values) => {
    modal.confirm({
      title: t('cards.programme.confirmTitle'),
      content: t('cards.programme.confirmText'),
      okText: t('common.save'),
      cancelText: t('common.cancel'),
      onOk: () => send(values),
    });
  };

  const thresholdRules = (index: number): Rule[] => [
    { required: true, message: t('validation.required') },
    ({ getFieldValue }) => ({
      validator: async (_, value: number | null) => {
        if (value == null) return;
        if (index === 0 && value !== 0) throw new Error(t('cards.programme.firstThreshold'));
        const before = getFieldValue(['levels', index - 1, 'threshold']) as number | null | undefined;
        if (index > 0 && before != null && value <= before) {
          throw new Error(t('cards.programme.risingThreshold', { value: before.toLocaleString('zh-CN') }));
        }
      },
    }),
  ];

  return (
    <>
      <PageHeader title={t('cards.programme.title')} breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.cards') }]} />
      {/* someone saved the programme meanwhile: offer to read it again (the form then shows their version) */}
      <ProblemAlert error={error} fieldsInForm onRetry={isApiError(error) && error.slug === 'concurrent-update' ? reread : undefined} />
      <Form<Values> form={form} layout="vertical" disabled={!editable} onFinish={confirmSave}>
        <Card title={t('cards.programme.rules')} style={{ marginBottom: 16, maxWidth: 880 }}>
          <Form.Item name="basis" label={t('auditNames.fields.cardPolicy.basis')} extra={t('cards.programme.basisHint')} rules={[{ required: true, message: t('validation.required') }]}>
            <Radio.Group
              options={(['POINTS', 'SPEND'] as const).map((b) => ({ value: b, label: t(`auditNames.enums.CardBasis.${b}`) }))}
            />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="windowMonths" label={t('auditNames.fields.cardPolicy.windowMonths')} rules={[{ required: true, message: t('validation.required') }]}>
              <InputNumber min={1} max={36} precision={0} />
            </Form.Item>
            <Form.Item name="validityMonths" label={t('auditNames.fields.cardPolicy.validityMonths')} rules={[{ required: true, message: t('validation.required') }]}>
              <InputNumber min={1} max={120} precision={0} />
            </Form.Item>
          </Space>
        </Card>
        <Card title={t('cards.programme.levels')} style={{ marginBottom: 16 }}>
          <div style={{ marginBottom: 16 }}>
            <LevelLadder levels={levels} basis={basis} />
          </div>
          <Typography.Paragraph type="secondary">{t('cards.programme.levelsHint')}</Typography.Paragraph>
          <Form.List name="levels">
            {(fields, { add, remove, move }) => (
              <>
                <div className="card-levels" role="table" aria-label={t('cards.programme.levels')}>
                  <div className="card-levels__row card-levels__head" role="row">
                    <span role="columnheader">{t('auditNames.fields.cardLevel.name')}</span>
                    <span role="columnheader">{t('auditNames.fields.cardLevel.code')}</span>
                    <span role="columnheader">{basis === 'SPEND' ? t('cards.programme.thresholdSpend') : t('cards.programme.thresholdPoints')}</span>
                    <span role="columnheader">{t('auditNames.fields.cardLevel.benefits')}</span>
                    <span role="columnheader">{editable ? t('common.actions') : null}</span>
                  </div>
                  {fields.map((field) => (
                    <div key={field.key} className="card-levels__row" role="row">
                      <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 30, message: t('validation.max', { max: 30 }) }]}>
                        <Input aria-label={t('cards.programme.levelName', { n: field.name + 1 })} maxLength={30} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'code']} rules={[{ required: true, message: t('validation.required') }, { pattern: /^[a-z][a-z0-9_-]{1,29}$/, message: t('cards.programme.codeRule') }]}>
                        <Input aria-label={t('cards.programme.levelCode', { n: field.name + 1 })} maxLength={30} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'threshold']} rules={thresholdRules(field.name)} dependencies={field.name > 0 ? [['levels', field.name - 1, 'threshold']] : []}>
                        <ThousandsInput aria-label={t('cards.programme.levelThreshold', { n: field.name + 1 })} min={0} max={100_000_000} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'benefits']} rules={[{ max: 1000, message: t('validation.max', { max: 1000 }) }]}>
                        <Input.TextArea aria-label={t('cards.programme.levelBenefits', { n: field.name + 1 })} rows={2} maxLength={1000} />
                      </Form.Item>
                      <Space size={4}>
                        {editable && (
                          <>
                            <Button size="small" icon={<ArrowUpOutlined />} aria-label={t('cards.programme.moveUp')} title={t('cards.programme.moveUp')} disabled={field.name === 0} onClick={() => move(field.name, field.name - 1)} />
                            <Button size="small" icon={<ArrowDownOutlined />} aria-label={t('cards.programme.moveDown')} title={t('cards.programme.moveDown')} disabled={field.name === fields.length - 1} onClick={() => move(field.name, field.name + 1)} />
                            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} title={t('common.remove')} disabled={fields.length <= 1} onClick={() => remove(field.name)} />
                          </>
                        )}
                      </Space>
                    </div>
                  ))}
                </div>
                {editable && (
                  <Button style={{ marginTop: 12 }} icon={<PlusOutlined />} disabled={fields.length >= MAX_LEVELS} onClick={() => add({ code: '', name: '', threshold: null, benefits: '' })}>
                    {t('cards.programme.addLevel')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </Card>
        {editable ? (
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('cards.programme.readOnly')}</Typography.Text>
        )}
      </Form>
    </>
  );
}
