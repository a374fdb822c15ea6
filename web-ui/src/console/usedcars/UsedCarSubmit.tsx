import { App, Button, Card, Form, Result, Select, Space, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Page } from '../../api/client';
import type { MemberSummary, StaffSubmission, UsedCarDetails, UsedCarView } from '../../api/types';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import { useAuth } from '../../auth/AuthContext';
import { useCan } from '../permissions';
import { carName, cleanedCar } from '../../ui/usedCar';
import { CarFields } from './CarFields';

interface Values {
  memberId: string;
  car: UsedCarDetails;
}

function memberLabel(m: MemberSummary): string {
  return [m.name, m.phone, ...(m.plates ?? [])].filter(Boolean).join(' · ');
}

/** Searches the store's members by name, phone or plate as the user types. */
function MemberPicker({ value, onChange, id }: { value?: string; onChange?: (id: string) => void; id?: string }) {
  const { t } = useTranslation();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const [options, setOptions] = useState<MemberSummary[]>([]);
  // the chosen member keeps its name when a later search no longer finds it
  const [chosen, setChosen] = useState<MemberSummary>();
  const [searching, setSearching] = useState(false);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const call = ++latest.current;
      setSearching(true);
      api
        .get<Page<MemberSummary>>(`/api/stores/${store}/members`, { q: q.trim(), size: 10, sort: 'name,asc' })
        .then(
          (page) => {
            if (call === latest.current) setOptions(page.content);
          },
          () => {
            if (call === latest.current) setOptions([]);
          },
        )
        .finally(() => {
          if (call === latest.current) setSearching(false);
        });
    }, 250);
  };

  useEffect(() => {
    search('');
    return () => clearTimeout(timer.current);
    // the first members once, before anything is typed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      onChange={(memberId: string) => {
        setChosen(options.find((m) => m.id === memberId));
        onChange?.(memberId);
      }}
      placeholder={t('usedCars.memberSearch')}
      notFoundContent={searching ? <Spin size="small" /> : t('usedCars.memberNotFound')}
      options={[...(chosen && !options.some((m) => m.id === chosen.id) ? [chosen] : []), ...options].map((m) => ({
        value: m.id,
        label: memberLabel(m),
      }))}
      style={{ width: '100%' }}
    />
  );
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
