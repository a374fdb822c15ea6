import { PlusOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { SegmentView } from '../../api/types';
import { ListPage, useSortable } from '../../antd/ListPage';
import { PageHeader } from '../../antd/PageHeader';
import { formatPoints } from '../../ui/points';
import { useFormatTime } from '../../ui/storeZone';
import { useCan } from '../permissions';

const DEFAULTS = { size: 20, sort: 'name,asc' };

/**
 * 会员分群 (decision 0041): the store's saved segments with how many members each matches now (counted on every
 * read); search by name, Excel export; a name opens the editor.
 */
export function SegmentList() {
  const { t, i18n } = useTranslation();
  const { store = '' } = useParams();
  const navigate = useNavigate();
  const formatTime = useFormatTime();
  const manages = useCan('SEGMENT_MANAGE');
  const sortable = useSortable(DEFAULTS);

  const create = manages ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/console/${store}/segments/new`)}>
      {t('segments.create')}
    </Button>
  ) : undefined;

  const columns: ColumnsType<SegmentView> = [
    {
      ...sortable('name'),
      title: t('segments.fields.name'),
      render: (_, s) => <Link to={`/console/${store}/segments/${s.id}`}>{s.name}</Link>,
    },
    { key: 'members', title: t('segments.fields.members'), align: 'right', render: (_, s) => formatPoints(s.members, i18n.language) },
    { key: 'rules', title: t('segments.fields.rules'), render: (_, s) => s.rules.map((r) => t(`segments.rules.types.${r.type}`)).join(t('segments.rules.joiner')) },
    { key: 'createdBy', title: t('segments.fields.createdBy'), dataIndex: 'createdBy' },
    { ...sortable('updatedAt'), title: t('common.updatedAt'), render: (_, s) => formatTime(s.updatedAt) },
  ];

  return (
    <>
      <PageHeader
        title={t('segments.title')}
        breadcrumb={[{ title: t('console.menu.dashboard'), to: `/console/${store}` }, { title: t('console.menu.segments') }]}
      />
      <Typography.Paragraph type="secondary">{t('segments.countsHint')}</Typography.Paragraph>
      <ListPage<SegmentView>
        id="segments"
        path={`/api/stores/${store}/segments`}
        defaults={DEFAULTS}
        rowKey="id"
        filters={[{ name: 'q', kind: 'text', label: t('segments.search'), placeholder: t('segments.searchPlaceholder') }]}
        columns={columns}
        exportable
        actions={create}
        empty={{ description: t(manages ? 'segments.empty' : 'segments.emptyReadOnly'), action: create }}
      />
    </>
  );
}
