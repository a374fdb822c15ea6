import { SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Modal, Result, Select, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { AdvisorCustomer, AdvisorEntry, AdvisorMoveResult } from '../../api/types';
import { ListPage, useSortable, type ListFilter } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { useCan } from '../permissions';

const DEFAULTS = { size: 20, sort: 'boundAt,desc' };

interface MoveProps {
  store: string;
  from: AdvisorEntry;
  to: AdvisorEntry | undefined;
  /** the chosen members; none: all of the advisor's customers */
  members?: AdvisorCustomer[];
  onMoved: (result: AdvisorMoveResult) => void;
}

/**
 * A move of customers from one advisor to another after a confirmation that says how many move from whom to whom:
 * the chosen members, or all of the advisor's (decision 0038: all or nothing, one audit entry per member).
 */
export function MoveCustomers({ store, from, to, members, onMoved }: MoveProps) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const count = members ? members.length : from.customers;

  const move = async () => {
    if (!to) return;
    setSaving(true);
    setError(undefined);
    try {
      const body = members ? { from: from.username, to: to.username, memberIds: members.map((m) => m.memberId) } : { from: from.username, to: to.username };
      const result = await api.post<AdvisorMoveResult>(`/api/stores/${store}/advisors/moves`, body);
      setOpen(false);
      onMoved(result);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button
        size={members ? 'small' : 'middle'}
        type={members ? 'primary' : 'default'}
        icon={<SwapOutlined />}
        disabled={!to || count === 0}
        title={to ? undefined : t('advisorMoves.chooseToFirst')}
        onClick={() => {
          setError(undefined);
          setOpen(true);
        }}
      >
        {members ? t('advisorMoves.moveSelected', { n: members.length }) : t('advisorMoves.moveAll', { n: from.customers })}
      </Button>
      <Modal
        open={open}
        title={t('advisorMoves.confirmTitle')}
        okText={t('advisorMoves.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
        confirmLoading={saving}
        onCancel={() => setOpen(false)}
        onOk={() => void move()}
      >
        {error !== undefined && <ProblemAlert error={error} />}
        <Typography.Paragraph>
          {t(members ? 'advisorMoves.confirmSelected' : 'advisorMoves.confirmAll', {
            n: count,
            from: from.displayName,
            to: to?.displayName ?? '',
          })}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}

/**
 * 移交客户 (MEM-3, decision 0038): a manager picks the advisor whose customers move, finds them in a paged list
 * (search by name, phone or plate; exported to Excel as it shows them), picks the advisor they go to, and moves the chosen ones or all of them after a
 * confirmation; the result says how many moved and the list shows the book as it is now. Both advisors are kept in
 * the address (`from`, `to`), so a reload or a shared link shows the same page.
 */
export function AdvisorMoves() {
  const { t } = useTranslation();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const formatTime = useFormatTime();
  const manages = useCan('ADVISOR_MANAGE');
  const canExport = useCan('MEMBER_EXPORT');
  const [params, setParams] = useSearchParams();
  const [result, setResult] = useState<{ n: number; from: string; to: string }>();
  const [refresh, setRefresh] = useState(0);
  const sortable = useSortable(DEFAULTS);
  const directory = useLoad<AdvisorEntry[]>(
    (signal) => (manages ? api.get<AdvisorEntry[]>(`/api/stores/${store}/advisors`, undefined, signal) : Promise.resolve([])),
    [store, manages],
  );

  if (!manages) return <Result status="403" title={t('advisorMoves.forbidden')} />;

  const advisors = Array.isArray(directory.data) ? directory.data : [];
  const fromName = params.get('from') ?? undefined;
  const toName = params.get('to') ?? undefined;
  const from = advisors.find((a) => a.username === fromName);
  const to = advisors.find((a) => a.username === toName && a.username !== fromName);

  const choose = (name: 'from' | 'to', value: string | undefined) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        if (name === 'from') {
          // another advisor's book starts from its first page, without the last one's search
          next.delete('page');
          next.delete('q');
        }
        return next;
      },
      { replace: true },
    );

  const moved = (r: AdvisorMoveResult) => {
    setResult({ n: r.moved.length, from: from?.displayName ?? r.from, to: to?.displayName ?? r.to });
    directory.reload();
  };

  const columns: ColumnsType<AdvisorCustomer> = [
    { ...sortable('name'), title: t('advisorMoves.fields.name'), render: (_, c) => c.name },
    { ...sortable('phone'), title: t('advisorMoves.fields.phone'), render: (_, c) => c.phone },
    { key: 'plates', title: t('advisorMoves.fields.plates'), render: (_, c) => c.plates.join('、') },
    { ...sortable('boundAt'), title: t('advisorMoves.fields.boundAt'), render: (_, c) => formatTime(c.boundAt, 'short') },
  ];
  const filters: ListFilter[] = [{ name: 'q', kind: 'text', label: t('advisorMoves.search'), placeholder: t('advisorMoves.searchPlaceholder') }];

  return (
    <>
      <PageHeader
        title={t('advisorMoves.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.advisorMoves') }]}
      />
      {directory.error !== undefined && <ProblemAlert error={directory.error} onRetry={directory.reload} />}
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline">
          <Form.Item label={t('advisorMoves.from')}>
            <Select
              aria-label={t('advisorMoves.from')}
              placeholder={t('advisorMoves.fromPlaceholder')}
              style={{ minWidth: 240 }}
              showSearch={{ optionFilterProp: 'label' }}
              loading={directory.loading}
              value={from?.username}
              onChange={(v: string) => {
                setResult(undefined);
                choose('from', v);
              }}
              options={advisors.map((a) => ({ value: a.username, label: t('advisorMoves.option', { name: a.displayName, n: a.customers }) }))}
            />
          </Form.Item>
          <Form.Item label={t('advisorMoves.to')}>
            <Select
              aria-label={t('advisorMoves.to')}
              placeholder={t('advisorMoves.toPlaceholder')}
              style={{ minWidth: 240 }}
              showSearch={{ optionFilterProp: 'label' }}
              allowClear
              loading={directory.loading}
              value={to?.username}
              onChange={(v: string | undefined) => choose('to', v)}
              options={advisors
                .filter((a) => a.username !== from?.username && a.active && a.enabled)
                .map((a) => ({ value: a.username, label: t('advisorMoves.option', { name: a.displayName, n: a.customers }) }))}
            />
          </Form.Item>
        </Form>
      </Card>
      {result && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('advisorMoves.moved', result)}
        />
      )}
      {from ? (
        <ListPage<AdvisorCustomer>
          key={from.username}
          id="advisorBook"
          path={`/api/stores/${store}/advisors/${encodeURIComponent(from.username)}/customers`}
          defaults={DEFAULTS}
          rowKey="memberId"
          filters={filters}
          columns={columns}
          refresh={refresh}
          exportable={canExport}
          actions={
            <MoveCustomers
              store={store}
              from={from}
              to={to}
              onMoved={(r) => {
                setRefresh((n) => n + 1);
                moved(r);
              }}
            />
          }
          batchActions={(selected, done) => (
            <MoveCustomers
              store={store}
              from={from}
              to={to}
              members={selected}
              onMoved={(r) => {
                done();
                moved(r);
              }}
            />
          )}
          empty={{ description: t('advisorMoves.empty', { name: from.displayName }) }}
        />
      ) : (
        <Alert type="info" showIcon title={t('advisorMoves.chooseFrom')} />
      )}
    </>
  );
}
