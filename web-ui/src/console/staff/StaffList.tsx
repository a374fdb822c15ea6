import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { StaffChange, StaffEntry, StaffInvitation, StaffView } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import { ListPage, useSortable } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { useAuth } from '../../auth/AuthContext';
import { useCan } from '../permissions';
import { useFormatTime } from '../../ui/storeZone';
import { PHONE } from '../members/MemberFields';

export const STAFF_ROLES = ['STORE_MANAGER', 'STORE_STAFF'] as const;
export const DEPARTMENTS = ['sales', 'service', 'customer_care', 'finance', 'workshop'] as const;
const DEFAULTS = { size: 20, sort: 'username,asc' };
const STATUS_COLOURS: Record<string, string> = { ACTIVE: 'green', PENDING: 'blue', FAILED: 'red', DISABLED: 'default' };

/** A staff entry the page can change: one with a staff record (invited through this page). */
type Changeable = StaffEntry & { id: string };

type Dialog = { kind: 'invite' } | { kind: 'change'; staff: Changeable } | { kind: 'password'; staff: StaffView } | null;

/** Role and department inputs: staff need a department, managers may have one. */
function RoleFields() {
  const { t } = useTranslation();
  const role = Form.useWatch('role') as string | undefined;
  return (
    <>
      <Form.Item name="role" label={t('staff.fields.role')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select options={STAFF_ROLES.map((r) => ({ value: r, label: t(`staff.roles.${r}`) }))} />
      </Form.Item>
      <Form.Item
        name="department"
        label={t('staff.fields.department')}
        rules={[{ required: role === 'STORE_STAFF', message: t('staff.departmentRequired') }]}
      >
        <Select allowClear options={DEPARTMENTS.map((d) => ({ value: d, label: t(`staff.departments.${d}`) }))} />
      </Form.Item>
    </>
  );
}

/**
 * Staff of the store as Keycloak knows them, with invitations waiting for their login: invite, change role and department,
 * disable and re-enable (managers and operators) those invited through this page; a login made in Keycloak itself is
 * listed with its role and state and managed there.
 */
export function StaffList() {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const { message } = App.useApp();
  const manages = useCan('STAFF_MANAGE');
  const sortable = useSortable(DEFAULTS);
  const base = `/api/stores/${store}/staff`;
  // raised after a change, so the list reloads
  const [changes, setChanges] = useState(0);
  const reload = () => setChanges((n) => n + 1);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<StaffInvitation>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    setError(undefined);
    form.resetFields();
    if (dialog?.kind === 'change') form.setFieldsValue({ role: dialog.staff.role, department: dialog.staff.department ?? undefined });
  }, [dialog, form]);

  const submit = async (values: StaffInvitation) => {
    setSaving(true);
    setError(undefined);
    try {
      if (dialog?.kind === 'invite') {
        const created = await api.post<StaffView>(base, { ...values, phone: values.phone || undefined });
        setDialog({ kind: 'password', staff: created });
      } else if (dialog?.kind === 'change') {
        const change: StaffChange = { role: values.role, department: values.department || undefined };
        // the version the dialog was filled from: a change made by someone else meanwhile is not overwritten (409)
        await api.put(`${base}/${dialog.staff.id}`, change, dialog.staff.version ?? undefined);
        setDialog(null);
        message.success(t('common.saved'));
      }
      reload();
    } catch (e) {
      applyProblem(form, e);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const act = async (s: Changeable, action: 'disable' | 'enable' | 'retry') => {
    try {
      await api.post(`${base}/${s.id}/${action}`);
      message.success(t(`staff.done.${action}`, { name: s.displayName }));
      reload();
    } catch (e) {
      setError(e);
    }
  };

  const invite = manages ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'invite' })}>
      {t('staff.invite')}
    </Button>
  ) : undefined;

  const columns: ColumnsType<StaffEntry> = [
    { ...sortable('username'), dataIndex: 'username', title: t('staff.fields.username') },
    { ...sortable('displayName'), dataIndex: 'displayName', title: t('staff.fields.displayName') },
    { key: 'phone', dataIndex: 'phone', title: t('staff.fields.phone') },
    { key: 'role', dataIndex: 'role', title: t('staff.fields.role'), render: (r: StaffEntry['role']) => t(`staff.roles.${r}`) },
    {
      key: 'department',
      dataIndex: 'department',
      title: t('staff.fields.department'),
      render: (d?: string | null) => (d && (DEPARTMENTS as readonly string[]).includes(d) ? t(`staff.departments.${d as (typeof DEPARTMENTS)[number]}`) : d),
    },
    {
      ...sortable('status'),
      dataIndex: 'status',
      title: t('staff.fields.status'),
      render: (s: StaffEntry['status'], row) => (
        <Tag color={STATUS_COLOURS[s]} title={row.failureReason ?? undefined}>
          {t(`staff.statuses.${s}`)}
        </Tag>
      ),
    },
    { ...sortable('createdAt'), dataIndex: 'createdAt', title: t('common.createdAt'), render: (at: string) => formatTime(at) },
    ...(manages
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, entry: StaffEntry) => {
              if (!entry.id) return <Typography.Text type="secondary">{t('staff.managedInIdentity')}</Typography.Text>;
              const s = entry as Changeable;
              return (
                <Space wrap>
                  {s.status !== 'PENDING' && s.status !== 'FAILED' && (
                    <Button size="small" onClick={() => setDialog({ kind: 'change', staff: s })}>
                      {t('staff.change')}
                    </Button>
                  )}
                  {s.status === 'ACTIVE' && (
                    <Popconfirm
                      title={t('staff.disableConfirm', { name: s.displayName })}
                      okText={t('staff.disable')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => void act(s, 'disable')}
                    >
                      <Button size="small" danger>
                        {t('staff.disable')}
                      </Button>
                    </Popconfirm>
                  )}
                  {s.status === 'DISABLED' && (
                    <Button size="small" onClick={() => void act(s, 'enable')}>
                      {t('staff.enable')}
                    </Button>
                  )}
                  {s.status === 'FAILED' && (
                    <Button size="small" onClick={() => void act(s, 'retry')}>
                      {t('common.retry')}
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('staff.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.staff') }]}
      />
      {!dialog && <ProblemAlert error={error} />}
      <ListPage<StaffEntry>
        id="staff"
        path={base}
        defaults={DEFAULTS}
        // invited logins have a staff record; the others are known by their Keycloak id
        rowKey={(s) => s.id ?? s.loginId ?? s.username}
        filters={[{ name: 'q', kind: 'text', label: t('listPages.staff.search'), placeholder: t('staff.searchPlaceholder') }]}
        columns={columns}
        actions={invite}
        refresh={changes}
        empty={{ description: t(manages ? 'listPages.staff.empty' : 'listPages.staff.emptyReadOnly'), action: invite }}
      />
      <Modal
        open={dialog?.kind === 'invite' || dialog?.kind === 'change'}
        title={dialog?.kind === 'change' ? t('staff.changeTitle', { name: dialog.staff.displayName }) : t('staff.invite')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        forceRender
      >
        <ProblemAlert error={error} fieldsInForm />
        <Form<StaffInvitation> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          {dialog?.kind !== 'change' && (
            <>
              <Form.Item
                name="username"
                label={t('staff.fields.username')}
                rules={[
                  { required: true, message: t('validation.required') },
                  { pattern: /^[a-z][a-z0-9._-]{2,40}$/, message: t('validation.username') },
                ]}
              >
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item name="displayName" label={t('staff.fields.displayName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item name="phone" label={t('staff.fields.phone')} rules={[{ pattern: PHONE, message: t('validation.phone') }]}>
                <Input inputMode="numeric" autoComplete="off" />
              </Form.Item>
            </>
          )}
          <RoleFields />
        </Form>
      </Modal>
      <Modal
        open={dialog?.kind === 'password'}
        title={t('staff.invitedTitle')}
        onOk={() => setDialog(null)}
        onCancel={() => setDialog(null)}
        okText={t('common.close')}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        {dialog?.kind === 'password' && (
          <>
            <p>{t('staff.invitedMessage', { username: dialog.staff.username })}</p>
            <Typography.Paragraph copyable code data-testid="initial-password">
              {dialog.staff.initialPassword ?? ''}
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </>
  );
}
