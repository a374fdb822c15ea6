import { ApiOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { DmsCredentialIssued, DmsCredentialView } from '../../api/types';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';

const STATUS_COLOURS: Record<DmsCredentialView['status'], string> = { NONE: 'default', ACTIVE: 'green', REVOKED: 'red' };

/** The secret just issued: shown this once, with a warning, until the manager says it is saved. */
function SecretOnce({ issued, onDone }: { issued: DmsCredentialIssued; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16, maxWidth: 820 }}
      title={t('dmsCredential.secret.title')}
      description={
        <>
          <p>{t('dmsCredential.secret.warning')}</p>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('dmsCredential.clientId')}>
              <Typography.Text copyable code>
                {issued.clientId}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('dmsCredential.secret.label')}>
              <Typography.Text copyable code data-testid="dms-secret">
                {issued.clientSecret}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Button style={{ marginTop: 12 }} onClick={onDone}>
            {t('dmsCredential.secret.saved')}
          </Button>
        </>
      }
    />
  );
}

/**
 * DMS 对接: the store's DMS credential (a client of the sign-in system that only sends repair orders to this store),
 * with what a DMS needs to call (client id, token URL, batch URL) and the manager's create / rotate / revoke.
 */
export function DmsCredential() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatTime = useFormatTime();
  const { api } = useAuth();
  const { store = '' } = useParams();
  const path = `/api/stores/${store}/dms-credential`;
  const credential = useLoad<DmsCredentialView>((signal) => api.get<DmsCredentialView>(path, undefined, signal), [path]);
  const [issued, setIssued] = useState<DmsCredentialIssued>();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();

  const act = async (action: 'create' | 'rotate' | 'revoke') => {
    setBusy(action);
    setError(undefined);
    try {
      if (action === 'revoke') {
        await api.post<DmsCredentialView>(`${path}/revoke`, {});
        setIssued(undefined);
        void message.success(t('dmsCredential.revoked'));
      } else {
        setIssued(await api.post<DmsCredentialIssued>(action === 'create' ? path : `${path}/rotate`, {}));
      }
      credential.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };

  const c = credential.data;
  const batchUrl = c ? `${window.location.origin}${c.batchPath}` : '';
  const who = (at?: string | null, by?: string | null) => (at ? t('dmsCredential.atBy', { at: formatTime(at), by: by ?? '' }) : '—');

  return (
    <>
      <PageHeader
        title={t('dmsCredential.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.dmsCredential') }]}
      />
      <Typography.Paragraph type="secondary" style={{ maxWidth: 820 }}>
        {t('dmsCredential.intro')}
      </Typography.Paragraph>
      <ProblemAlert error={credential.error ?? error} onRetry={credential.error ? credential.reload : undefined} />
      {issued && <SecretOnce issued={issued} onDone={() => setIssued(undefined)} />}
      {!c && !credential.error && <Spin style={{ display: 'block', margin: 48 }} />}
      {c && (
        <Card
          title={
            <Space>
              <ApiOutlined />
              {t('dmsCredential.card')}
            </Space>
          }
          extra={<Tag color={STATUS_COLOURS[c.status]}>{t(`dmsCredential.statuses.${c.status}`)}</Tag>}
          style={{ maxWidth: 820 }}
        >
          <Descriptions size="small" column={1}>
            {c.clientId && c.status === 'ACTIVE' && (
              <Descriptions.Item label={t('dmsCredential.clientId')}>
                <Typography.Text copyable code>
                  {c.clientId}
                </Typography.Text>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('dmsCredential.tokenUrl')}>
              <Typography.Text copyable code>
                {c.tokenUrl}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('dmsCredential.batchUrl')}>
              <Typography.Text copyable code>
                {batchUrl}
              </Typography.Text>
            </Descriptions.Item>
            {c.status !== 'NONE' && <Descriptions.Item label={t('dmsCredential.created')}>{who(c.createdAt, c.createdBy)}</Descriptions.Item>}
            {c.status !== 'NONE' && <Descriptions.Item label={t('dmsCredential.rotated')}>{who(c.rotatedAt, c.rotatedBy)}</Descriptions.Item>}
            {c.status === 'REVOKED' && <Descriptions.Item label={t('dmsCredential.revokedAt')}>{who(c.revokedAt, c.revokedBy)}</Descriptions.Item>}
          </Descriptions>
          <Space style={{ marginTop: 16 }}>
            {c.status !== 'ACTIVE' ? (
              <Button type="primary" loading={busy === 'create'} onClick={() => void act('create')}>
                {t('dmsCredential.create')}
              </Button>
            ) : (
              <>
                <Popconfirm
                  title={t('dmsCredential.rotateConfirm.title')}
                  description={t('dmsCredential.rotateConfirm.text')}
                  okText={t('dmsCredential.rotate')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => act('rotate')}
                >
                  <Button loading={busy === 'rotate'}>{t('dmsCredential.rotate')}</Button>
                </Popconfirm>
                <Popconfirm
                  title={t('dmsCredential.revokeConfirm.title')}
                  description={t('dmsCredential.revokeConfirm.text')}
                  okText={t('dmsCredential.revoke')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => act('revoke')}
                >
                  <Button danger loading={busy === 'revoke'}>
                    {t('dmsCredential.revoke')}
                  </Button>
                </Popconfirm>
              </>
            )}
          </Space>
        </Card>
      )}
    </>
  );
}
