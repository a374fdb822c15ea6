import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Form, Modal, Popconfirm, Space, Spin, Table, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/problem';
import type { MemberProfile, MemberView, VehicleDetails, VehicleView } from '../../api/types';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import { useAuth } from '../../auth/AuthContext';
import { useCan } from '../permissions';
import { MemberPoints } from '../points/MemberPoints';
import { MemberWallet } from '../wallet/MemberWallet';
import { MemberCoupons } from '../coupons/MemberCoupons';
import { MemberPayments } from '../payments/MemberPayments';
import { MemberCardPanel } from '../cards/MemberCardPanel';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { cleaned, ProfileFields, VehicleFields } from './MemberFields';
import { MemberTimeline } from './MemberTimeline';
import { MileageHistory } from './MileageHistory';
import { MemberAdvisorPanel } from '../advisors/MemberAdvisorPanel';
import { MemberTagsPanel } from '../segments/MemberTagsPanel';

/**
 * Adds or changes one vehicle in a dialog. A change carries the version the dialog was filled from; when someone
 * changed the vehicle meanwhile (409) the dialog says so and `onStale` reloads the member behind it.
 */
function VehicleDialog({
  open,
  vehicle,
  path,
  onClose,
  onSaved,
  onStale,
}: {
  open: boolean;
  vehicle?: VehicleView;
  path: string;
  onClose: () => void;
  onSaved: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [form] = Form.useForm<VehicleDetails>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    form.resetFields();
    if (vehicle) form.setFieldsValue({ ...vehicle, purchaseDate: vehicle.purchaseDate ?? undefined, mileageKm: vehicle.mileageKm ?? undefined });
  }, [open, vehicle, form]);

  const save = async (values: VehicleDetails) => {
    setSaving(true);
    try {
      if (vehicle) await api.put(`${path}/${vehicle.id}`, cleaned(values), vehicle.version);
      else await api.post(path, cleaned(values));
      onSaved();
    } catch (e) {
      applyProblem(form, e);
      setError(e);
      if (isApiError(e) && e.status === 409) onStale();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={vehicle ? t('vehicles.edit') : t('vehicles.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <ProblemAlert error={error} fieldsInForm />
      <Form<VehicleDetails> form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <VehicleFields />
      </Form>
    </Modal>
  );
}

/** One member: profile (edit), vehicles (add, change, remove), delete. */
export function MemberEdit() {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const { store = '', memberId = '' } = useParams();
  const { api } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const editable = useCan('MEMBER_EDIT');
  const canViewPoints = useCan('POINTS_VIEW');
  const canViewWallet = useCan('WALLET_VIEW');
  const canViewCoupons = useCan('COUPON_VIEW');
  const canViewPayments = useCan('PAYMENT_VIEW');
  const path = `/api/stores/${store}/members/${memberId}`;
  const member = useLoad((signal) => api.get<MemberView>(path, undefined, signal), [path]);
  const [form] = Form.useForm<{ profile: MemberProfile }>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const [dialog, setDialog] = useState<{ open: boolean; vehicle?: VehicleView }>({ open: false });
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = searchParams.get('tab') === 'timeline' ? 'timeline' : 'profile';

  useEffect(() => {
    if (member.data) {
      const p = member.data.profile;
      form.setFieldsValue({ profile: { ...p, birthday: p.birthday ?? undefined, source: p.source ?? undefined, notes: p.notes ?? undefined } });
    }
  }, [member.data, form]);

  if (member.loading && !member.data) return <Spin />;
  if (!member.data) return <ProblemAlert error={member.error} onRetry={member.reload} />;

  const saveProfile = async ({ profile }: { profile: MemberProfile }) => {
    setSaving(true);
    setError(undefined);
    try {
      // the version this form was filled from: a change made by someone else meanwhile is not overwritten (409)
      await api.put(path, cleaned(profile), member.data?.version);
      message.success(t('common.saved'));
      member.reload();
    } catch (e) {
      applyProblem(form, e, ['profile']);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    try {
      await api.delete(path);
      message.success(t('members.deleted', { name: member.data?.profile.name ?? '' }));
      navigate(`/console/${store}/members`);
    } catch (e) {
      setError(e);
    }
  };

  const removeVehicle = async (vehicle: VehicleView) => {
    try {
      await api.delete(`${path}/vehicles/${vehicle.id}`);
      member.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <PageHeader
        title={member.data.profile.name}
        back={`/console/${store}/members`}
        breadcrumb={[
          { title: t('console.menu.dashboard'), to: `/console/${store}` },
          { title: t('console.menu.members'), to: `/console/${store}/members` },
          { title: member.data.profile.name },
        ]}
        extra={
          editable && (
            <Popconfirm
              title={t('members.deleteConfirm', { name: member.data.profile.name })}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => void remove()}
            >
              <Button danger icon={<DeleteOutlined />}>
                {t('members.delete')}
              </Button>
            </Popconfirm>
          )
        }
      />
      <Descriptions size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('common.createdAt')}>{formatTime(member.data.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('common.updatedAt')}>{formatTime(member.data.updatedAt)}</Descriptions.Item>
        {member.data.referrer && (
          <Descriptions.Item label={t('referral.referrer')}>
            <Link to={`/console/${store}/members/${member.data.referrer.memberId}`}>{member.data.referrer.name}</Link>
          </Descriptions.Item>
        )}
        {member.data.referringAdvisor && (
          <Descriptions.Item label={t('referral.advisor')}>
            {member.data.referringAdvisor.displayName}{' '}
            <span className="m4s-muted">{member.data.referringAdvisor.username}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearchParams(key === 'timeline' ? { tab: key } : {}, { replace: true })}
        items={[
          {
            key: 'profile',
            label: t('memberTimeline.profileTab'),
            children: (
              <>
                <ProblemAlert error={error} fieldsInForm />
                <Card title={t('members.profile')} style={{ marginBottom: 16, maxWidth: 640 }}>
                  <Form form={form} layout="vertical" disabled={!editable} onFinish={(v) => void saveProfile(v)}>
                    <ProfileFields prefix="profile" />
                    {editable && (
                      <Button type="primary" htmlType="submit" loading={saving}>
                        {t('common.save')}
                      </Button>
                    )}
                  </Form>
                </Card>
                <MemberCardPanel store={store} memberId={memberId} />
                <MemberAdvisorPanel store={store} memberId={memberId} />
                <MemberTagsPanel store={store} memberId={memberId} />
                <Card
                  title={t('vehicles.title')}
                  extra={
                    editable && (
                      <Button icon={<PlusOutlined />} onClick={() => setDialog({ open: true })}>
                        {t('vehicles.add')}
                      </Button>
                    )
                  }
                >
                  <Table<VehicleView>
                    rowKey="id"
                    pagination={false}
                    dataSource={member.data.vehicles}
                    locale={{ emptyText: t('common.empty') }}
                    expandable={{
                      defaultExpandAllRows: true,
                      expandedRowRender: (v) => <MileageHistory store={store} memberId={memberId} vehicleId={v.id} />,
                    }}
                    columns={[
                      { key: 'plate', dataIndex: 'plate', title: t('vehicles.fields.plate') },
                      { key: 'vin', dataIndex: 'vin', title: t('vehicles.fields.vin') },
                      { key: 'model', dataIndex: 'model', title: t('vehicles.fields.model') },
                      { key: 'purchaseDate', dataIndex: 'purchaseDate', title: t('vehicles.fields.purchaseDate') },
                      { key: 'mileageKm', dataIndex: 'mileageKm', title: t('vehicles.fields.mileageKm') },
                      ...(editable
                        ? [
                            {
                              key: 'actions',
                              title: t('common.actions'),
                              render: (_: unknown, v: VehicleView) => (
                                <Space>
                                  <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ open: true, vehicle: v })}>
                                    {t('common.edit')}
                                  </Button>
                                  <Popconfirm
                                    title={t('vehicles.removeConfirm', { plate: v.plate })}
                                    okText={t('common.remove')}
                                    cancelText={t('common.cancel')}
                                    okButtonProps={{ danger: true }}
                                    onConfirm={() => void removeVehicle(v)}
                                  >
                                    <Button size="small" danger>
                                      {t('common.remove')}
                                    </Button>
                                  </Popconfirm>
                                </Space>
                              ),
                            },
                          ]
                        : []),
                    ]}
                  />
                </Card>
                {canViewPoints && <MemberPoints store={store} memberId={memberId} />}
                {canViewWallet && <MemberWallet store={store} memberId={memberId} memberPhone={member.data.profile.phone} />}
                {canViewCoupons && <MemberCoupons store={store} memberId={memberId} />}
                {canViewPayments && <MemberPayments store={store} member={{ id: memberId, name: member.data.profile.name, phone: member.data.profile.phone }} />}
              </>
            ),
          },
          {
            key: 'timeline',
            label: t('memberTimeline.tab'),
            children: <MemberTimeline store={store} memberId={memberId} />,
          },
        ]}
      />
      <VehicleDialog
        open={dialog.open}
        vehicle={dialog.vehicle}
        path={`${path}/vehicles`}
        onClose={() => setDialog({ open: false })}
        onSaved={() => {
          setDialog({ open: false });
          member.reload();
        }}
        onStale={member.reload}
      />
    </>
  );
}
