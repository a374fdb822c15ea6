import { SwapOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { AdvisorEntry, AdvisorMoveResult } from '../../api/types';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { useLoad } from '../../ui/useLoad';
import { useCan } from '../permissions';

/**
 * 顾问名录 (MEM-3, decision 0038): the store's advisors from its staff, with photo, department, phone and how many
 * customers each serves. Managers move an advisor's whole book of customers to another advisor after a confirmation;
 * the move is audited per member.
 */
export function AdvisorDirectory() {
  const { t } = useTranslation();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const { message } = App.useApp();
  const manages = useCan('ADVISOR_MANAGE');
  const directory = useLoad<AdvisorEntry[]>((signal) => api.get<AdvisorEntry[]>(`/api/stores/${store}/advisors`, undefined, signal), [store]);
  const [moving, setMoving] = useState<AdvisorEntry>();
  const [to, setTo] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const advisors = Array.isArray(directory.data) ? directory.data : [];
  const target = advisors.find((a) => a.username === to);

  const close = () => {
    setMoving(undefined);
    setTo(undefined);
    setError(undefined);
  };

  const move = async () => {
    if (!moving || !to) return;
    setSaving(true);
    setError(undefined);
    try {
      const result = await api.post<AdvisorMoveResult>(`/api/stores/${store}/advisors/moves`, { from: moving.username, to });
      message.success(t('advisorDirectory.moved', { n: result.moved.length, from: moving.displayName, to: target?.displayName ?? to }));
      close();
      directory.reload();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('advisorDirectory.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.advisors') }]}
      />
      {directory.error !== undefined && <ProblemAlert error={directory.error} onRetry={directory.reload} />}
      <Table<AdvisorEntry>
        rowKey="username"
        loading={directory.loading}
        dataSource={advisors}
        pagination={false}
        locale={{ emptyText: t('advisorDirectory.empty') }}
        columns={[
          {
            key: 'advisor',
            title: t('advisorDirectory.fields.advisor'),
            render: (_, a) => (
              <Space>
                <Avatar src={a.photoUrl ?? undefined} icon={<UserOutlined />} />
                <span>
                  {a.displayName} <Typography.Text type="secondary">{a.username}</Typography.Text>
                </span>
              </Space>
            ),
          },
          {
            key: 'department',
            title: t('advisorDirectory.fields.department'),
            render: (_, a) => (a.department ? t(`staff.departments.${a.department}`, { defaultValue: a.department }) : ''),
          },
          { key: 'phone', title: t('advisorDirectory.fields.phone'), render: (_, a) => a.phone ?? '' },
          { key: 'customers', title: t('advisorDirectory.fields.customers'), align: 'right', render: (_, a) => a.customers },
          {
            key: 'state',
            title: t('advisorDirectory.fields.state'),
            render: (_, a) =>
              !a.enabled ? <Tag>{t('advisorDirectory.disabled')}</Tag> : a.active ? <Tag color="green">{t('advisorDirectory.active')}</Tag> : <Tag>{t('advisorDirectory.inactive')}</Tag>,
          },
          ...(manages
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, a: AdvisorEntry) => (
                    <Button size="small" icon={<SwapOutlined />} disabled={a.customers === 0} onClick={() => setMoving(a)}>
                      {t('advisorDirectory.move')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={moving !== undefined}
        title={t('advisorDirectory.moveTitle', { name: moving?.displayName ?? '' })}
        okText={t('advisorDirectory.moveConfirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !to, danger: true }}
        confirmLoading={saving}
        onCancel={close}
        onOk={() => void move()}
      >
        {error !== undefined && <ProblemAlert error={error} />}
        <Select
          aria-label={t('advisorDirectory.to')}
          placeholder={t('advisorDirectory.to')}
          style={{ width: '100%', marginBottom: 16 }}
          value={to}
          onChange={setTo}
          options={advisors.filter((a) => a.username !== moving?.username && a.active && a.enabled).map((a) => ({ value: a.username, label: a.displayName }))}
        />
        {moving && target && (
          <Typography.Paragraph>
            {t('advisorDirectory.moveText', { n: moving.customers, from: moving.displayName, to: target.displayName })}
          </Typography.Paragraph>
        )}
      </Modal>
    </>
  );
}
