import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Popconfirm, Radio, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PointTaskChange, PointTaskLimit, PointTaskStatus, PointTaskTriggerView, PointTaskView } from '../../api/types';
import { ListPage, useSortable, type ListFilter } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { isApiError } from '../../api/problem';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import { useAuth } from '../../auth/AuthContext';
import { formatPoints } from '../../ui/points';
import { useLoad } from '../../ui/useLoad';
import { useCan } from '../permissions';

export const POINT_TASK_STATUSES = ['DRAFT', 'PUBLISHED', 'ENDED'] as const satisfies readonly PointTaskStatus[];
export const POINT_TASK_LIMITS = ['ONCE', 'DAILY', 'MONTHLY', 'UNLIMITED'] as const satisfies readonly PointTaskLimit[];
const DEFAULTS = { size: 20, sort: 'createdAt,desc' };
const STATUS_COLOURS: Record<PointTaskStatus, string> = { DRAFT: 'default', PUBLISHED: 'green', ENDED: 'red' };

/** The editor's values: the dates as the picker holds them. */
type TaskForm = Omit<PointTaskChange, 'validFrom' | 'validUntil'> & { validFrom: Dayjs; validUntil?: Dayjs | null };

type Editing = { kind: 'create' } | { kind: 'edit'; task: PointTaskView } | null;

/** A task's reward in words: 100 分 / 每元 0.5 分. */
export function rewardText(t: TFunction, task: PointTaskView, language: string): string {
  return task.rewardKind === 'FIXED'
    ? t('pointTasks.reward.fixedText', { points: formatPoints(task.points ?? 0, language) })
    : t('pointTasks.reward.ratioText', { ratio: task.pointsPerYuan ?? 0 });
}

/**
 * 自动积分任务 (decision 0033): the store's tasks with what each granted (members rewarded, points, from the ledger);
 * those who manage tasks create and edit drafts in a drawer (trigger from the catalogue, reward, limit, validity),
 * publish them and end them, each with a confirmation. A published task's reward is fixed: end it and publish anew.
 */
export function PointTaskList() {
  const { t, i18n } = useTranslation();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const { message } = App.useApp();
  const manages = useCan('POINT_TASK_MANAGE');
  const sortable = useSortable(DEFAULTS);
  const base = `/api/stores/${store}/point-tasks`;
  const [changes, setChanges] = useState(0);
  const reload = () => setChanges((n) => n + 1);
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<unknown>();

  // a move carries the version the row showed (decision 0014): when someone changed or moved the task since, the
  // answer is 409 and the list is read again, so the row shows the task as it is now
  const act = async (task: PointTaskView, action: 'publish' | 'end') => {
    setError(undefined);
    try {
      await api.post(`${base}/${task.id}/${action}`, undefined, undefined, task.version);
      message.success(t(`pointTasks.done.${action}`, { name: task.name }));
      reload();
    } catch (e) {
      setError(e);
      if (isApiError(e) && e.status === 409) reload();
    }
  };

  const columns: ColumnsType<PointTaskView> = [
    { ...sortable('name'), dataIndex: 'name', title: t('pointTasks.fields.name') },
    { key: 'trigger', title: t('pointTasks.fields.trigger'), render: (_, task) => t(`pointTasks.triggers.${task.trigger}`) },
    { key: 'reward', title: t('pointTasks.fields.reward'), render: (_, task) => rewardText(t, task, i18n.language) },
    { key: 'limit', title: t('pointTasks.fields.memberLimit'), render: (_, task) => t(`pointTasks.limits.${task.memberLimit}`) },
    {
      ...sortable('validFrom'),
      title: t('pointTasks.fields.validity'),
      render: (_, task) => t('pointTasks.validity', { from: task.validFrom, until: task.validUntil ?? t('pointTasks.openEnded') }),
    },
    {
      ...sortable('status'),
      title: t('pointTasks.fields.status'),
      render: (_, task) => <Tag color={STATUS_COLOURS[task.status]}>{t(`pointTasks.statuses.${task.status}`)}</Tag>,
    },
    { key: 'membersRewarded', title: t('pointTasks.fields.membersRewarded'), align: 'right', render: (_, task) => formatPoints(task.membersRewarded, i18n.language) },
    { key: 'pointsGranted', title: t('pointTasks.fields.pointsGranted'), align: 'right', render: (_, task) => formatPoints(task.pointsGranted, i18n.language) },
    ...(manages
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, task: PointTaskView) => (
              <Space wrap>
                {task.moves.includes('EDIT') && (
                  <Button size="small" onClick={() => setEditing({ kind: 'edit', task })}>
                    {t('pointTasks.edit')}
                  </Button>
                )}
                {task.moves.includes('PUBLISH') && (
                  <Popconfirm
                    title={t('pointTasks.publishConfirm', { name: task.name })}
                    okText={t('pointTasks.publish')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => void act(task, 'publish')}
                  >
                    <Button size="small" type="primary">
                      {t('pointTasks.publish')}
                    </Button>
                  </Popconfirm>
                )}
                {task.moves.includes('END') && (
                  <Popconfirm
                    title={t('pointTasks.endConfirm', { name: task.name })}
                    okText={t('pointTasks.end')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => void act(task, 'end')}
                  >
                    <Button size="small" danger>
                      {t('pointTasks.end')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const filters: ListFilter[] = [
    {
      name: 'status',
      kind: 'select',
      multiple: true,
      label: t('pointTasks.fields.status'),
      placeholder: t('pointTasks.allStatuses'),
      options: POINT_TASK_STATUSES.map((s) => ({ value: s, label: t(`pointTasks.statuses.${s}`) })),
    },
  ];

  const create = manages ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'create' })}>
      {t('pointTasks.create')}
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader
        title={t('pointTasks.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.pointTasks') }]}
      />
      {error !== undefined && <ProblemAlert error={error} />}
      <ListPage<PointTaskView>
        id="pointTasks"
        path={base}
        defaults={DEFAULTS}
        rowKey="id"
        filters={filters}
        columns={columns}
        actions={create}
        refresh={changes}
        empty={{ description: t('pointTasks.empty'), action: create }}
      />
      {editing !== null && (
        <PointTaskEditor
          store={store}
          task={editing.kind === 'edit' ? editing.task : undefined}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            message.success(t('common.saved'));
            reload();
          }}
        />
      )}
    </>
  );
}

/**
 * The drawer that creates a task or edits a draft: the trigger from the catalogue (those not yet available shown
 * greyed), the reward (a ratio only for triggers with an amount), the limit (unlimited only for evented triggers; once
 * only for the referral, which rewards once per referred member) and
 * the validity in store days. Mounted only while open, so the list stays light.
 */
function PointTaskEditor({ store, task, onClose, onSaved }: { store: string; task?: PointTaskView; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const base = `/api/stores/${store}/point-tasks`;
  const triggers = useLoad<PointTaskTriggerView[]>((signal) => api.get(`/api/stores/${store}/point-task-triggers`, undefined, signal), [store]);
  const [form] = Form.useForm<TaskForm>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const trigger = Form.useWatch('trigger', form);
  const rewardKind = Form.useWatch('rewardKind', form);
  const chosen = (triggers.data ?? []).find((c) => c.trigger === trigger);
  const initial: Partial<TaskForm> = task
    ? {
        name: task.name,
        description: task.description,
        trigger: task.trigger,
        rewardKind: task.rewardKind,
        points: task.points,
        pointsPerYuan: task.pointsPerYuan,
        memberLimit: task.memberLimit,
        validFrom: dayjs(task.validFrom),
        validUntil: task.validUntil ? dayjs(task.validUntil) : null,
      }
    : { rewardKind: 'FIXED', memberLimit: 'ONCE', validFrom: dayjs() };

  const submit = async (values: TaskForm) => {
    setSaving(true);
    setError(undefined);
    const change: PointTaskChange = {
      name: values.name,
      description: values.description || null,
      trigger: values.trigger,
      rewardKind: values.rewardKind,
      points: values.rewardKind === 'FIXED' ? values.points : null,
      pointsPerYuan: values.rewardKind === 'RATIO' ? values.pointsPerYuan : null,
      memberLimit: values.memberLimit,
      validFrom: values.validFrom.format('YYYY-MM-DD'),
      validUntil: values.validUntil ? values.validUntil.format('YYYY-MM-DD') : null,
    };
    try {
      if (task) await api.put(`${base}/${task.id}`, change, task.version);
      else await api.post(base, change);
      onSaved();
    } catch (e) {
      applyProblem(form, e);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      size={520}
      title={task ? t('pointTasks.editTitle') : t('pointTasks.createTitle')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {error !== undefined && <ProblemAlert error={error} fieldsInForm />}
      <Form<TaskForm>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={initial}
      >
        <Form.Item name="name" label={t('pointTasks.fields.name')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input aria-label={t('pointTasks.fields.name')} maxLength={60} />
        </Form.Item>
        <Form.Item name="description" label={t('pointTasks.fields.description')}>
          <Input.TextArea aria-label={t('pointTasks.fields.description')} maxLength={1000} rows={3} />
        </Form.Item>
        <Form.Item name="trigger" label={t('pointTasks.fields.trigger')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select
            aria-label={t('pointTasks.fields.trigger')}
            loading={triggers.loading}
            options={(triggers.data ?? []).map((c) => ({
              value: c.trigger,
              disabled: !c.available,
              label: c.available ? t(`pointTasks.triggers.${c.trigger}`) : t('pointTasks.notYet', { trigger: t(`pointTasks.triggers.${c.trigger}`) }),
            }))}
            onChange={(value: string) => {
              const picked = (triggers.data ?? []).find((c) => c.trigger === value);
              if (picked && !picked.amount) form.setFieldValue('rewardKind', 'FIXED');
              if (picked && !picked.unlimitedAllowed && form.getFieldValue('memberLimit') === 'UNLIMITED') form.setFieldValue('memberLimit', 'DAILY');
              if (picked?.onceOnly) form.setFieldValue('memberLimit', 'ONCE');
            }}
          />
        </Form.Item>
        <Form.Item name="rewardKind" label={t('pointTasks.fields.rewardKind')}>
          <Radio.Group>
            <Radio value="FIXED">{t('pointTasks.reward.FIXED')}</Radio>
            <Radio value="RATIO" disabled={chosen !== undefined && !chosen.amount}>
              {t('pointTasks.reward.RATIO')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        {rewardKind === 'RATIO' ? (
          <Form.Item
            name="pointsPerYuan"
            label={t('pointTasks.fields.pointsPerYuan')}
            extra={t('pointTasks.ratioHint')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <InputNumber aria-label={t('pointTasks.fields.pointsPerYuan')} min={0.0001} max={1000} step={0.1} />
          </Form.Item>
        ) : (
          <Form.Item name="points" label={t('pointTasks.fields.points')} rules={[{ required: true, message: t('validation.required') }]}>
            <InputNumber aria-label={t('pointTasks.fields.points')} min={1} max={1000000} precision={0} />
          </Form.Item>
        )}
        <Form.Item name="memberLimit" label={t('pointTasks.fields.memberLimit')} extra={chosen?.onceOnly ? t('referral.onceOnlyHint') : t('pointTasks.limitHint')}>
          <Select
            aria-label={t('pointTasks.fields.memberLimit')}
            options={POINT_TASK_LIMITS.map((l) => ({
              value: l,
              label: t(`pointTasks.limits.${l}`),
              disabled: (l === 'UNLIMITED' && chosen !== undefined && !chosen.unlimitedAllowed) || (chosen?.onceOnly === true && l !== 'ONCE'),
            }))}
          />
        </Form.Item>
        <Space>
          <Form.Item name="validFrom" label={t('pointTasks.fields.validFrom')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker aria-label={t('pointTasks.fields.validFrom')} />
          </Form.Item>
          <Form.Item name="validUntil" label={t('pointTasks.fields.validUntil')}>
            <DatePicker aria-label={t('pointTasks.fields.validUntil')} placeholder={t('pointTasks.openEnded')} />
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
