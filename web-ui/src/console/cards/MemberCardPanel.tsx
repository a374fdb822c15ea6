import { IdcardOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Form, Input, Modal, Progress, Space, Table, Tag, Typography, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';
import type { CardMove, CardStatus, CardStepView, MemberCardView } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import { useAuth } from '../../auth/AuthContext';
import { formatValue, progressOf } from '../../ui/cardText';
import { dayIn } from '../../ui/format';
import { useFormatTime, useStoreZone } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { useCan } from '../permissions';

/** The moves staff make from this panel, in the order of their buttons; the others are the job's (upgrade, downgrade, expiry). */
const STAFF_MOVES = ['RENEW', 'REPORT_LOST', 'REISSUE', 'CHANGE', 'QUIT', 'REJOIN'] as const satisfies readonly CardMove[];
type StaffMove = (typeof STAFF_MOVES)[number];

/** Moves that ask for a reason in a dialog; `required` when the server needs one. */
const REASON_MOVES: Partial<Record<StaffMove, { required: boolean }>> = {
  REPORT_LOST: { required: false },
  CHANGE: { required: true },
  QUIT: { required: true },
};

const PATHS: Record<StaffMove, string> = {
  RENEW: '/renew',
  REPORT_LOST: '/report-lost',
  REISSUE: '/reissue',
  CHANGE: '/change',
  QUIT: '/quit',
  REJOIN: '',
};

const STATUS_COLOURS: Record<CardStatus, string> = { ACTIVE: 'green', LOST: 'orange', EXPIRED: 'default', QUIT: 'red' };

/** The reason dialog of 挂失, 换卡 and 退会; 退会 asks once more before it is sent. */
function ReasonDialog({ move, error, onSend, onClose }: { move?: StaffMove; error: unknown; onSend: (move: StaffMove, reason: string | undefined, form: FormInstance) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const [saving, setSaving] = useState(false);
  const rule = move ? REASON_MOVES[move] : undefined;

  useEffect(() => {
    if (move) form.resetFields();
  }, [move, form]);

  const submit = ({ reason }: { reason?: string }) => {
    if (!move) return;
    const trimmed = reason?.trim() ? reason.trim() : undefined;
    const send = async () => {
      setSaving(true);
      try {
        await onSend(move, trimmed, form);
      } finally {
        setSaving(false);
      }
    };
    if (move === 'QUIT') {
      modal.confirm({
        title: t('cards.member.quitConfirm'),
        content: t('cards.member.quitConfirmText'),
        okText: t('cards.moves.QUIT'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: send,
      });
    } else {
      void send();
    }
  };

  return (
    <Modal
      open={move !== undefined}
      title={move ? t(`cards.moves.${move}`) : undefined}
      okText={move ? t(`cards.moves.${move}`) : undefined}
      okButtonProps={{ danger: move === 'QUIT' }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <ProblemAlert error={error} fieldsInForm />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('auditNames.fields.memberCardStep.reason')}
          extra={move ? t(`cards.member.reasonHint.${move}`, { defaultValue: '' }) : undefined}
          rules={[...(rule?.required ? [{ required: true, whitespace: true, message: t('validation.required') }] : []), { max: 500, message: t('validation.max', { max: 500 }) }]}
        >
          <Input.TextArea rows={3} showCount maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The steps of a card, newest first: when, what, level and number changes, the value then, why and by whom. */
function StepsTable({ steps, basis }: { steps: CardStepView[]; basis: MemberCardView['basis'] }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const arrow = (from?: string | null, to?: string | null) => (from || to ? (from && to && from !== to ? `${from} → ${to}` : (to ?? from)) : '');
  return (
    <Table<CardStepView>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={steps}
      locale={{ emptyText: t('common.empty') }}
      columns={[
        { key: 'at', title: t('auditNames.fields.memberCardStep.createdAt'), render: (_, s) => formatTime(s.at) },
        { key: 'kind', title: t('auditNames.fields.memberCardStep.kind'), render: (_, s) => t(`auditNames.enums.MemberCardStepKind.${s.kind}`) },
        { key: 'level', title: t('cards.member.levelChange'), render: (_, s) => arrow(s.fromLevelName, s.toLevelName) },
        { key: 'number', title: t('cards.member.numberChange'), render: (_, s) => arrow(s.oldNumber, s.newNumber) },
        { key: 'value', title: t('auditNames.fields.memberCardStep.qualifyingValue'), render: (_, s) => (s.qualifyingValue != null ? formatValue(t, basis, s.qualifyingValue) : '') },
        { key: 'reason', title: t('auditNames.fields.memberCardStep.reason'), dataIndex: 'reason' },
        { key: 'actor', title: t('auditNames.fields.memberCardStep.actor'), render: (_, s) => (s.actor === 'system' ? t('points.history.bySystem') : s.actor) },
      ]}
    />
  );
}

/**
 * A member's card on the member page (decision 0031): without one, 办理会员卡 (CARD_MANAGE); with one, its number,
 * level, status, validity, the value in the window and the way to the next level, the buttons of the moves the card
 * allows now (the server's `moves`) and every step. Nothing without CARD_VIEW.
 */
export function MemberCardPanel({ store, memberId }: { store: string; memberId: string }) {
  const { t } = useTranslation();
  const canView = useCan('CARD_VIEW');
  const canManage = useCan('CARD_MANAGE');
  const zone = useStoreZone();
  const { api } = useAuth();
  const { message } = App.useApp();
  const path = `/api/stores/${store}/members/${memberId}/card`;
  const card = useLoad<MemberCardView | null>(
    async (signal) => {
      if (!canView) return null;
      try {
        return await api.get<MemberCardView>(path, undefined, signal);
      } catch (e) {
        if (isApiError(e) && e.status === 404 && e.slug === 'member-card') return null;
        throw e;
      }
    },
    [path, canView],
  );
  const steps = useLoad<CardStepView[]>(
    (signal) => (canView && card.data ? api.get<CardStepView[]>(`${path}/steps`, undefined, signal) : Promise.resolve([])),
    [path, canView, card.data],
  );
  const [dialog, setDialog] = useState<StaffMove>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<StaffMove | 'JOIN'>();

  if (!canView) return null;

  const send = async (move: StaffMove | 'JOIN', reason?: string, form?: FormInstance) => {
    setBusy(move);
    setError(undefined);
    try {
      const sub = move === 'JOIN' ? '' : PATHS[move];
      const body = move !== 'JOIN' && REASON_MOVES[move] ? { reason } : undefined;
      // one key per step of the card as shown: a second click or a retry of 续卡 renews once, while the next renewal
      // (the card's version has moved on) is a new write (decision 0017)
      const key = move === 'JOIN' || !card.data ? undefined : `card-${move}-${card.data.id}-v${card.data.version}`;
      await api.post(`${path}${sub}`, body, key);
      message.success(t(`cards.member.done.${move}`));
      setDialog(undefined);
      card.reload();
    } catch (e) {
      if (form) applyProblem(form, e);
      setError(e);
      // the card moved meanwhile (another desk, the job): show it as it is now
      if (isApiError(e) && e.status === 409) {
        setDialog(undefined);
        card.reload();
      }
    } finally {
      setBusy(undefined);
    }
  };

  const title = (
    <Space>
      <IdcardOutlined />
      {t('cards.member.title')}
    </Space>
  );

  if (card.loading && card.data === undefined) return <Card title={title} loading style={{ marginBottom: 16 }} />;
  if (card.error) {
    return (
      <Card title={title} style={{ marginBottom: 16 }}>
        <ProblemAlert error={card.error} onRetry={card.reload} />
      </Card>
    );
  }

  const view = card.data;
  if (!view) {
    return (
      <Card title={title} style={{ marginBottom: 16 }}>
        <ProblemAlert error={error} />
        <Empty description={t('cards.member.none')}>
          {canManage && (
            <Button type="primary" loading={busy === 'JOIN'} onClick={() => void send('JOIN')}>
              {t('cards.member.join')}
            </Button>
          )}
        </Empty>
      </Card>
    );
  }

  const progress = progressOf(t, view);
  const moves = canManage ? STAFF_MOVES.filter((m) => view.moves.includes(m)) : [];

  return (
    <Card
      title={title}
      style={{ marginBottom: 16 }}
      extra={
        moves.length > 0 && (
          <Space wrap>
            {moves.map((m) => (
              <Button
                key={m}
                danger={m === 'QUIT'}
                loading={busy === m}
                onClick={() => {
                  setError(undefined);
                  if (REASON_MOVES[m]) setDialog(m);
                  else void send(m);
                }}
              >
                {t(`cards.moves.${m}`)}
              </Button>
            ))}
          </Space>
        )
      }
    >
      {dialog === undefined && <ProblemAlert error={error} />}
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('auditNames.fields.memberCard.cardNumber')}>
          <Typography.Text copyable>{view.cardNumber}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('auditNames.fields.memberCard.levelId')}>
          <Tag color="gold">{view.level.name}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('auditNames.fields.memberCard.status')}>
          <Tag color={STATUS_COLOURS[view.status]}>{t(`auditNames.enums.CardStatus.${view.status}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('auditNames.fields.memberCard.validUntil')}>{dayIn(zone, new Date(view.validUntil))}</Descriptions.Item>
        <Descriptions.Item label={t('auditNames.fields.memberCard.joinedAt')}>{dayIn(zone, new Date(view.joinedAt))}</Descriptions.Item>
        <Descriptions.Item label={t('cards.member.value', { basis: t(`auditNames.enums.CardBasis.${view.basis}`) })}>
          {formatValue(t, view.basis, view.qualifyingValue)}
        </Descriptions.Item>
      </Descriptions>
      <div style={{ maxWidth: 560, marginBottom: 16 }}>
        <Typography.Text>{progress.text}</Typography.Text>
        <Progress percent={progress.percent} showInfo={false} aria-label={t('cards.member.progress')} />
        {view.nextLevel && (
          <Typography.Text type="secondary">
            {t('cards.member.nextThreshold', { level: view.nextLevel.name, value: formatValue(t, view.basis, view.nextLevel.threshold) })}
          </Typography.Text>
        )}
      </div>
      {view.level.benefits && (
        <Typography.Paragraph>{t('cards.member.benefits', { benefits: view.level.benefits })}</Typography.Paragraph>
      )}
      <Typography.Title level={5}>{t('cards.member.steps')}</Typography.Title>
      {steps.error ? <ProblemAlert error={steps.error} onRetry={steps.reload} /> : <StepsTable steps={steps.data ?? []} basis={view.basis} />}
      <ReasonDialog move={dialog} error={error} onSend={(m, reason, form) => send(m, reason, form)} onClose={() => {
          setDialog(undefined);
          setError(undefined);
        }}
      />
    </Card>
  );
}
