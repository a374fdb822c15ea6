import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { MemberSummary } from '../../api/types';
import { ListPage, useSortable } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { useCan } from '../permissions';
import { useFormatTime } from '../../ui/storeZone';
import { TagSelected } from '../segments/TagSelected';

const DEFAULTS = { size: 20, sort: 'createdAt,desc' };

/** Deletes the selected members one by one; reports the first refusal and keeps the rest of the list. */
function DeleteSelected({ members, done }: { members: MemberSummary[]; done: () => void }) {
  const { t } = useTranslation();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      for (const member of members) await api.delete(`/api/stores/${store}/members/${member.id}`);
      done();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Popconfirm
        title={t('listPattern.members.deleteSelectedConfirm', { count: members.length })}
        okText={t('common.delete')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={() => void run()}
      >
        <Button danger size="small" icon={<DeleteOutlined />} loading={busy}>
          {t('listPattern.members.deleteSelected')}
        </Button>
      </Popconfirm>
      <ProblemAlert error={error} />
    </>
  );
}

/** Members of the store: query by name, phone or plate; sort; page; export to Excel; delete several at once. */
export function MemberList() {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const { store = '' } = useParams();
  const canEdit = useCan('MEMBER_EDIT');
  const canExport = useCan('MEMBER_EXPORT');
  const canTag = useCan('MEMBER_TAG');
  const navigate = useNavigate();
  const sortable = useSortable(DEFAULTS);

  const create = canEdit ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/console/${store}/members/new`)}>
      {t('members.create')}
    </Button>
  ) : undefined;

  const columns: ColumnsType<MemberSummary> = [
    {
      ...sortable('name'),
      dataIndex: 'name',
      title: t('members.fields.name'),
      render: (name: string, m) => <Link to={`/console/${store}/members/${m.id}`}>{name}</Link>,
    },
    { ...sortable('phone'), dataIndex: 'phone', title: t('members.fields.phone') },
    {
      key: 'plates',
      dataIndex: 'plates',
      title: t('members.fields.plates'),
      render: (plates: string[]) => plates.map((p) => <Tag key={p}>{p}</Tag>),
    },
    { ...sortable('createdAt'), dataIndex: 'createdAt', title: t('common.createdAt'), render: (at: string) => formatTime(at) },
  ];

  return (
    <>
      <PageHeader
        title={t('members.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.members') }]}
      />
      <ListPage<MemberSummary>
        id="members"
        path={`/api/stores/${store}/members`}
        defaults={DEFAULTS}
        rowKey="id"
        filters={[{ name: 'q', kind: 'text', label: t('listPattern.members.search'), placeholder: t('members.searchPlaceholder') }]}
        columns={columns}
        exportable={canExport}
        actions={create}
        batchActions={
          canEdit || canTag
            ? (selected, done) => (
                <>
                  {canTag && <TagSelected store={store} memberIds={selected.map((m) => m.id)} done={done} />}
                  {canEdit && <DeleteSelected members={selected} done={done} />}
                </>
              )
            : undefined
        }
        empty={{ description: t(canEdit ? 'listPattern.members.empty' : 'listPattern.members.emptyReadOnly'), action: create }}
      />
    </>
  );
}
