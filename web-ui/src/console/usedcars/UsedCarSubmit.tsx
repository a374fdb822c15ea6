import { App, Button, Card, Form, Result, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { StaffSubmission, UsedCarDetails, UsedCarView } from '../../api/types';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import { useAuth } from '../../auth/AuthContext';
import { useCan } from '../permissions';
import { carName, cleanedCar } from '../../ui/usedCar';
import { MemberPicker } from '../members/MemberPicker';
import { CarFields } from './CarFields';

interface Values {
  memberId: string;
  car: UsedCarDetails;
}

/** Staff submit a car on behalf of a member: pick the member, describe the car. */
export function UsedCarSubmit() {
  const { t } = useTranslation();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const manages = useCan('USED_CAR_MANAGE');

  if (!manages) return <Result status="403" title={t('usedCars.readOnly')} />;

  const submit = async (values: Values) => {
    setSaving(true);
    setError(undefined);
    try {
      const body: StaffSubmission = { memberId: values.memberId, car: cleanedCar(values.car) };
      const created = await api.post<UsedCarView>(`/api/stores/${store}/used-cars`, body);
      message.success(t('usedCars.submitted', { car: carName(created) }));
      navigate(`/console/${store}/used-cars/${created.id}`);
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
        title={t('usedCars.submitTitle')}
        back={`/console/${store}/used-cars`}
        breadcrumb={[
          { title: t('console.menu.dashboard'), to: `/console/${store}` },
          { title: t('console.menu.usedCars'), to: `/console/${store}/used-cars` },
          { title: t('usedCars.submitTitle') },
        ]}
      />
      <ProblemAlert error={error} fieldsInForm />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        style={{ maxWidth: 880 }}
        scrollToFirstError
        initialValues={{ car: { photos: [] } }}
      >
        <Card title={t('usedCars.sections.seller')} style={{ marginBottom: 16 }}>
          <Form.Item name="memberId" label={t('usedCars.member')} rules={[{ required: true, message: t('validation.required') }]}>
            <MemberPicker />
          </Form.Item>
        </Card>
        <Card title={t('usedCars.sections.car')} style={{ marginBottom: 16 }}>
          <CarFields name={['car']} />
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('usedCars.submit')}
          </Button>
          <Button onClick={() => navigate(`/console/${store}/used-cars`)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </>
  );
}
