import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Result, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { AdvisorEntry, MemberProfile, MemberView, NewMember, VehicleDetails } from '../../api/types';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import { useAuth } from '../../auth/AuthContext';
import { useLoad } from '../../ui/useLoad';
import { useCan } from '../permissions';
import { cleaned, PHONE, ProfileFields, VehicleFields } from './MemberFields';

interface Values {
  profile: MemberProfile;
  vehicles?: VehicleDetails[];
  referrerPhone?: string;
  referredByAdvisor?: string | null;
}

/**
 * A new member with any number of vehicles and, when another member of the store referred them, the referrer's phone
 * (the referral task rewards the referrer at the new member's first settled order), and the advisor who brought them
 * in (推荐顾问: an advisor of the directory, the signed-in login when it is one; the advisors' performance counts it,
 * decision 0038); the server's field errors show beside the inputs.
 */
export function MemberCreate() {
  const { t } = useTranslation();
  const { store = '' } = useParams();
  const { api, claims } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const canEdit = useCan('MEMBER_EDIT');
  const canSeeAdvisors = useCan('ADVISOR_VIEW');
  const directory = useLoad<AdvisorEntry[]>(
    (signal) =>
      canEdit && canSeeAdvisors ? api.get<AdvisorEntry[]>(`/api/stores/${store}/advisors`, undefined, signal) : Promise.resolve([]),
    [store, canEdit, canSeeAdvisors],
  );
  const advisors = Array.isArray(directory.data) ? directory.data : [];
  const me = claims?.username;
  const meIsAdvisor = advisors.some((a) => a.username === me);
  // the signed-in login is the default 推荐顾问 when it is an advisor, unless someone has chosen already
  useEffect(() => {
    if (meIsAdvisor && !form.isFieldTouched('referredByAdvisor')) form.setFieldValue('referredByAdvisor', me);
  }, [meIsAdvisor, me, form]);

  if (!canEdit) return <Result status="403" title={t('members.readOnly')} />;

  const submit = async (values: Values) => {
    setSaving(true);
    setError(undefined);
    try {
      const referrerPhone = values.referrerPhone?.trim();
      const referredByAdvisor = values.referredByAdvisor;
      const body: NewMember = {
        profile: cleaned(values.profile),
        vehicles: (values.vehicles ?? []).map((v) => cleaned(v)),
        ...(referrerPhone ? { referrerPhone } : {}),
        ...(referredByAdvisor ? { referredByAdvisor } : {}),
      };
      const created = await api.post<MemberView>(`/api/stores/${store}/members`, body);
      message.success(t('members.created', { name: created.profile.name }));
      navigate(`/console/${store}/members/${created.id}`);
    } catch (e) {
      applyProblem(form, e);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('members.create')}
        back={`/console/${store}/members`}
        breadcrumb={[
          { title: t('console.menu.dashboard'), to: `/console/${store}` },
          { title: t('console.menu.members'), to: `/console/${store}/members` },
          { title: t('members.create') },
        ]}
      />
      <ProblemAlert error={error} fieldsInForm />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 640 }} scrollToFirstError>
        <Card title={t('members.profile')} style={{ marginBottom: 16 }}>
          <ProfileFields prefix="profile" />
          <Form.Item
            name="referrerPhone"
            label={t('referral.referrerPhone')}
            extra={t('referral.referrerPhoneHint')}
            rules={[{ pattern: PHONE, message: t('validation.phone') }]}
          >
            <Input inputMode="numeric" autoComplete="off" />
          </Form.Item>
          {advisors.length > 0 && (
            <Form.Item name="referredByAdvisor" label={t('referral.advisor')} extra={t('referral.advisorHint')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('referral.advisorNone')}
                options={advisors.map((a) => ({ value: a.username, label: `${a.displayName} (${a.username})` }))}
              />
            </Form.Item>
          )}
        </Card>
        <Form.List name="vehicles">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  title={t('vehicles.numbered', { n: index + 1 })}
                  style={{ marginBottom: 16 }}
                  extra={
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                      {t('common.remove')}
                    </Button>
                  }
                >
                  <VehicleFields name={[field.name]} />
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 16 }}>
                {t('vehicles.add')}
              </Button>
            </>
          )}
        </Form.List>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
          <Button onClick={() => navigate(`/console/${store}/members`)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </>
  );
}
