import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Progress, Segmented, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { saveFile } from '../../antd/download';
import { ListPage, useSortable } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { useFormatTime } from '../../ui/storeZone';
import { useCan } from '../permissions';
import type { ImportKind, ImportStatus, ImportSummary, ImportView, RejectedRow } from './types';

const DEFAULTS = { size: 10, sort: 'createdAt,desc' };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** How often the page asks for the progress of a running import. */
export const POLL_MS = 1000;
const STATUS_COLOURS: Record<ImportStatus, string> = { QUEUED: 'default', RUNNING: 'blue', DONE: 'green', FAILED: 'red' };

const finished = (status: ImportStatus) => status === 'DONE' || status === 'FAILED';
const KINDS: ImportKind[] = ['REPAIR_ORDERS', 'CUSTOMERS'];

/** The label of a count: a file of customers counts customers where one of orders counts orders. */
const countKey = (kind: ImportKind, count: 'created' | 'updated' | 'unchanged' | 'rejected') =>
  kind === 'CUSTOMERS' ? (`dmsImport.customerCounts.${count}` as const) : (`dmsImport.counts.${count}` as const);

/** An import's status as a coloured tag. */
function StatusTag({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOURS[status]}>{t(`dmsImport.statuses.${status}`)}</Tag>;
}

/** The progress of one import, its counts and, when it has finished, its rejected rows. */
export function ImportProgress({ store, id, onFinished }: { store: string; id: string; onFinished?: () => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [view, setView] = useState<ImportView>();
  const [error, setError] = useState<unknown>();
  const [downloadError, setDownloadError] = useState<unknown>();

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const next = await api.get<ImportView>(`/api/stores/${store}/repair-orders/imports/${id}`);
        if (stopped) return;
        setView(next);
        setError(undefined);
        if (finished(next.summary.status)) {
          onFinished?.();
          return;
        }
      } catch (failure) {
        if (stopped) return;
        setError(failure);
      }
      timer = setTimeout(() => void load(), POLL_MS);
    };
    void load();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
    // onFinished is the parent's callback; a new one does not restart the polling
  }, [api, store, id]);

  const downloadRejected = async () => {
    setDownloadError(undefined);
    try {
      const file = await api.download(`/api/stores/${store}/repair-orders/imports/${id}/rejected`, undefined, XLSX);
      saveFile(file.blob, file.fileName ?? 'rejected.xlsx');
    } catch (failure) {
      setDownloadError(failure);
    }
  };

  if (!view) return error ? <ProblemAlert error={error} /> : <Spin />;
  const s = view.summary;
  const percent = s.rowsTotal === 0 ? 0 : Math.floor((s.rowsDone * 100) / s.rowsTotal);
  const columns: ColumnsType<RejectedRow> = [
    { key: 'rowNo', dataIndex: 'rowNo', title: t('dmsImport.rejected.rowNo'), width: 90 },
    ...(s.kind === 'CUSTOMERS' ? [] : [{ key: 'dmsNumber', dataIndex: 'dmsNumber', title: t('dmsImport.rejected.dmsNumber'), width: 180 }]),
    { key: 'reason', dataIndex: 'reason', title: t('dmsImport.rejected.reason') },
  ];
  return (
    <Card
      title={
        <Space>
          {s.fileName}
          <StatusTag status={s.status} />
        </Space>
      }
    >
      <ProblemAlert error={error} />
      <Progress
        percent={percent}
        status={s.status === 'FAILED' ? 'exception' : s.status === 'DONE' ? 'success' : 'active'}
        aria-label={t('dmsImport.progress')}
      />
      <Descriptions size="small" column={4} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('dmsImport.counts.rows')}>{t('dmsImport.counts.rowsOf', { done: s.rowsDone, total: s.rowsTotal })}</Descriptions.Item>
        <Descriptions.Item label={t(countKey(s.kind, 'created'))}>{s.ordersCreated}</Descriptions.Item>
        <Descriptions.Item label={t(countKey(s.kind, 'updated'))}>{s.ordersUpdated}</Descriptions.Item>
        <Descriptions.Item label={t(countKey(s.kind, 'unchanged'))}>{s.ordersUnchanged}</Descriptions.Item>
        <Descriptions.Item label={t(countKey(s.kind, 'rejected'))}>{s.ordersRejected}</Descriptions.Item>
        {s.kind !== 'CUSTOMERS' && (
          <>
            <Descriptions.Item label={t('dmsImport.counts.rowsRejected')}>{s.rowsRejected}</Descriptions.Item>
            <Descriptions.Item label={t('dmsImport.counts.members')}>{s.membersCreated}</Descriptions.Item>
          </>
        )}
      </Descriptions>
      {s.error && <Typography.Text type="danger">{t('dmsImport.failed', { error: s.error })}</Typography.Text>}
      {finished(s.status) && view.rejected.length > 0 && (
        <>
          <Space style={{ margin: '12px 0' }}>
            <Typography.Text strong>{t('dmsImport.rejected.title', { count: s.rowsRejected })}</Typography.Text>
            <Button size="small" icon={<DownloadOutlined />} onClick={() => void downloadRejected()}>
              {t('dmsImport.rejected.download')}
            </Button>
          </Space>
          <ProblemAlert error={downloadError} />
          <Table<RejectedRow> size="small" rowKey="rowNo" columns={columns} dataSource={view.rejected} pagination={{ pageSize: 20 }} />
        </>
      )}
    </Card>
  );
}

/**
 * The upload: what the file holds (repair orders or customers), drag-and-drop or choose a file, and the two templates
 * of that kind; `onStarted` gets the import the server queued.
 */
export function UploadCard({ store, onStarted }: { store: string; onStarted: (started: ImportSummary) => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [kind, setKind] = useState<ImportKind>('REPAIR_ORDERS');
  const [uploadError, setUploadError] = useState<unknown>();
  const [templateError, setTemplateError] = useState<unknown>();
  const base = `/api/stores/${store}/repair-orders/imports`;

  const template = async (type: 'xlsx' | 'csv') => {
    setTemplateError(undefined);
    try {
      const file = await api.download(`${base}/template.${type}?kind=${kind}`, undefined, type === 'xlsx' ? XLSX : 'text/csv');
      saveFile(file.blob, file.fileName ?? `template.${type}`);
    } catch (failure) {
      setTemplateError(failure);
    }
  };

  const upload = async (file: File) => {
    setUploadError(undefined);
    const form = new FormData();
    form.append('file', file);
    try {
      onStarted(await api.upload<ImportSummary>(`${base}?kind=${kind}`, form));
    } catch (failure) {
      setUploadError(failure);
    }
  };

  return (
    <Card>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text>{t('dmsImport.kindLabel')}</Typography.Text>
        <Segmented<ImportKind>
          aria-label={t('dmsImport.kindLabel')}
          value={kind}
          onChange={setKind}
          options={KINDS.map((k) => ({ value: k, label: t(`dmsImport.kinds.${k}`) }))}
        />
      </Space>
      <Upload.Dragger
        accept=".csv,.xlsx"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('dmsImport.drop')}</p>
        <p className="ant-upload-hint">{t(kind === 'CUSTOMERS' ? 'dmsImport.hintCustomers' : 'dmsImport.hint')}</p>
      </Upload.Dragger>
      <Space style={{ marginTop: 12 }} wrap>
        <Typography.Text type="secondary">{t('dmsImport.template')}</Typography.Text>
        <Button size="small" icon={<DownloadOutlined />} onClick={() => void template('xlsx')}>
          {t('dmsImport.templateXlsx')}
        </Button>
        <Button size="small" icon={<DownloadOutlined />} onClick={() => void template('csv')}>
          {t('dmsImport.templateCsv')}
        </Button>
      </Space>
      <ProblemAlert error={uploadError} />
      <ProblemAlert error={templateError} />
    </Card>
  );
}

/**
 * 工单导入: a DMS file of repair order lines, or of customers and their vehicles, imported in the background with its
 * progress; the history of imports.
 */
export function DmsImport() {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const { store = '' } = useParams();
  const sortable = useSortable(DEFAULTS);
  const [current, setCurrent] = useState<string>();
  const [refresh, setRefresh] = useState(0);
  const managesDms = useCan('DMS_CREDENTIAL_MANAGE');

  const columns: ColumnsType<ImportSummary> = [
    { ...sortable('createdAt'), title: t('dmsImport.history.createdAt'), render: (_, i) => formatTime(i.createdAt) },
    { ...sortable('fileName'), title: t('dmsImport.history.fileName'), render: (_, i) => <a onClick={() => setCurrent(i.id)}>{i.fileName}</a> },
    { key: 'kind', title: t('dmsImport.history.kind'), render: (_, i) => t(`dmsImport.kinds.${i.kind}`) },
    { ...sortable('status'), title: t('dmsImport.history.status'), render: (_, i) => <StatusTag status={i.status} /> },
    { key: 'rows', title: t('dmsImport.counts.rows'), render: (_, i) => t('dmsImport.counts.rowsOf', { done: i.rowsDone, total: i.rowsTotal }) },
    { key: 'ordersCreated', title: t('dmsImport.counts.created'), render: (_, i) => (i.kind === 'CUSTOMERS' ? '' : i.ordersCreated) },
    { key: 'ordersUpdated', title: t('dmsImport.counts.updated'), render: (_, i) => (i.kind === 'CUSTOMERS' ? '' : i.ordersUpdated) },
    { key: 'ordersUnchanged', title: t('dmsImport.counts.unchanged'), render: (_, i) => (i.kind === 'CUSTOMERS' ? '' : i.ordersUnchanged) },
    { key: 'ordersRejected', title: t('dmsImport.counts.rejected'), render: (_, i) => (i.kind === 'CUSTOMERS' ? '' : i.ordersRejected) },
    { key: 'createdBy', dataIndex: 'createdBy', title: t('dmsImport.history.createdBy') },
  ];

  return (
    <>
      <PageHeader
        title={t('dmsImport.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.dmsImport') }]}
      />
      {managesDms && (
        <Typography.Paragraph type="secondary">
          {t('dmsCredential.fromImport')} <Link to={`/console/${store}/dms-credential`}>{t('console.menu.dmsCredential')}</Link>
        </Typography.Paragraph>
      )}
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
        <UploadCard
          store={store}
          onStarted={(started) => {
            setCurrent(started.id);
            setRefresh((n) => n + 1);
          }}
        />
        {current && <ImportProgress key={current} store={store} id={current} onFinished={() => setRefresh((n) => n + 1)} />}
        <Typography.Title level={5}>{t('dmsImport.history.title')}</Typography.Title>
        <ListPage<ImportSummary>
          id="dmsImports"
          path={`/api/stores/${store}/repair-orders/imports`}
          defaults={DEFAULTS}
          rowKey="id"
          columns={columns}
          refresh={refresh}
          empty={{ description: t('dmsImport.history.empty') }}
        />
      </div>
    </>
  );
}
