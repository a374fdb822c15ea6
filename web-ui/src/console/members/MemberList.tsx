import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Page } from '../../api/client';
import type { MemberSummary } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useTableParams } from '../../antd/tableParams';
import { useAuth } from '../../auth/AuthContext';
import { useCan } from '../permissions';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';

/** Members of the store: search by name, phone or plate; sort; page. */
export function MemberList() {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const canEdit = useCan('MEMBER_EDIT');
  const navigate = useNavigate();
  const params = useTableParams({ size: 20, sort: 'createdAt,desc' });

  const members = useLoad(
    (signal) =>
      api.get<Page<MemberSummary>>(
        `/api/stores/${store}/members`,
        { q: params.q, page: params.page, size: params.size, sort: params.sort },
        signal,
      ),
    [store, params.q, params.page, params.size, params.sort],
  );

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2}>{t('members.title')}</Typography.Title>
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/console/${store}/members/new`)}>
            {t('members.create')}
          </Button>
        )}
      </Space>
      <Input.Search
        allowClear
        defaultValue={params.q}
        placeholder={t('members.searchPlaceholder')}
        aria-label={t('members.searchPlaceholder')}
        onSearch={(q) => params.search(q.trim())}
        style={{ maxWidth: 420, marginBottom: 16 }}
      />
      <ProblemAlert error={members.error} onRetry={members.reload} />
      <Table<MemberSummary>
        rowKey="id"
        loading={members.loading}
        dataSource={members.data?.content ?? []}
        onChange={(pagination, _filters, sorter) => params.onTableChange(pagination, sorter as never)}
        locale={{ emptyText: t('common.empty') }}
        pagination={{
          current: params.page + 1,
          pageSize: params.size,
          total: members.data?.totalElements ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
        }}
        columns={[
          {
            key: 'name',
            dataIndex: 'name',
            title: t('members.fields.name'),
            sorter: true,
            sortOrder: params.sortOrderOf('name'),
            render: (name: string, m) => <Link to={`/console/${store}/members/${m.id}`}>{name}</Link>,
          },
          { key: 'phone', dataIndex: 'phone', title: t('members.fields.phone'), sorter: true, sortOrder: params.sortOrderOf('phone') },
          {
            key: 'plates',
            dataIndex: 'plates',
            title: t('members.fields.plates'),
            render: (plates: string[]) => plates.map((p) => <Tag key={p}>{p}</Tag>),
          },
          {
            key: 'createdAt',
            dataIndex: 'createdAt',
            title: t('common.createdAt'),
            sorter: true,
            sortOrder: params.sortOrderOf('createdAt'),
            render: (at: string) => formatTime(at),
          },
        ]}
      />
    </>
  );
}
