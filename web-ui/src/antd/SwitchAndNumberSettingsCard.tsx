import { App, Button, Card, Form, InputNumber, Popconfirm, Switch, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';
import { useLoad } from '../ui/useLoad';
import { ProblemAlert } from './ProblemAlert';
import { applyProblem } from './problemForm';

/** What is read of a switch-and-number setting: the switch {@code S}, the number {@code N} and the version. */
export type SwitchAndNumberView<S extends string, N extends string> = Record<S, boolean> &
  Record<N, number> & { version: number };

/** A store setting of one switch and one whole number, read and written at {@code path} with its version. */
export interface SwitchAndNumberSettings<S extends string, N extends string> {
  /** The API field of the switch, e.g. {@code slowMovingEnabled}: also the form field, so a problem lands on it. */
  switchField: S;
  switchLabel: string;
  /** The API field of the number, e.g. {@code slowMovingDays}. */
  numberField: N;
  numberLabel: string;
  min: number;
  max: number;
  suffix?: string;
  /** Shown when the number is missing or out of range. */
  numberMessage: string;
  title: string;
  /** The rule in force, in words, from what was read. */
  describe: (view: SwitchAndNumberView<S, N>) => ReactNode;
  describeTestId: string;
  /** A line under the rule, if any. */
  note?: ReactNode;
  saved: string;
  confirmTitle: string;
  confirmText: string;
  save: string;
}

/**
 * A card showing a switch-and-number store setting in words and, to those who manage it, a form that changes it
 * after a confirmation, sent with the version read (payment settings, stock alert settings).
 */
export function SwitchAndNumberSettingsCard<S extends string, N extends string>({
  path,
  manages,
  onSaved,
  settings: c,
}: {
  path: string;
  manages: boolean;
  onSaved?: () => void;
  settings: SwitchAndNumberSettings<S, N>;
}) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const settings = useLoad<SwitchAndNumberView<S, N>>(
    (signal) => api.get<SwitchAndNumberView<S, N>>(path, undefined, signal),
    [path],
  );
  const [form] = Form.useForm<Record<string, unknown>>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const s = settings.data;

  const save = async (values: Record<string, unknown>) => {
    if (!s) return;
    setSaving(true);
    setError(undefined);
    try {
      await api.put(path, { [c.switchField]: values[c.switchField], [c.numberField]: values[c.numberField] }, s.version);
      message.success(c.saved);
      settings.reload();
      onSaved?.();
    } catch (e) {
      if (!applyProblem(form, e)) setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={c.title} size="small" style={{ marginBottom: 16, maxWidth: 720 }}>
      <ProblemAlert error={settings.error ?? error} onRetry={settings.reload} fieldsInForm />
      {s && (
        <>
          <Typography.Paragraph data-testid={c.describeTestId}>{c.describe(s)}</Typography.Paragraph>
          {c.note && <Typography.Paragraph type="secondary">{c.note}</Typography.Paragraph>}
          {manages && (
            <Form
              form={form}
              layout="inline"
              key={s.version}
              initialValues={{ [c.switchField]: s[c.switchField], [c.numberField]: s[c.numberField] }}
              onFinish={(v) => void save(v)}
            >
              <Form.Item name={c.switchField as string} label={c.switchLabel} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item
                name={c.numberField as string}
                label={c.numberLabel}
                rules={[{ required: true, type: 'number', min: c.min, max: c.max, message: c.numberMessage }]}
              >
                <InputNumber min={c.min} max={c.max} precision={0} suffix={c.suffix} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item>
                <Popconfirm
                  title={c.confirmTitle}
                  description={c.confirmText}
                  okText={c.save}
                  cancelText={t('common.cancel')}
                  onConfirm={() => form.submit()}
                >
                  <Button type="primary" loading={saving}>
                    {c.save}
                  </Button>
                </Popconfirm>
              </Form.Item>
            </Form>
          )}
        </>
      )}
    </Card>
  );
}
