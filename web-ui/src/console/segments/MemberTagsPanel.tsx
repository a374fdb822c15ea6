import { App, Button, Card, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberTagsView, TagView } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { useLoad } from '../../ui/useLoad';
import { useCan } from '../permissions';

/**
 * 会员标签 on the member page (decision 0041): the member's tags; with MEMBER_TAG, add (one of the store's tags or a
 * new one typed in) and remove them, saved together.
 */
export function MemberTagsPanel({ store, memberId }: { store: string; memberId: string }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const editable = useCan('MEMBER_TAG');
  const path = `/api/stores/${store}/tags/members/${memberId}`;
  const current = useLoad<MemberTagsView>((signal) => api.get<MemberTagsView>(path, undefined, signal), [path]);
  const all = useLoad<TagView[]>((signal) => (editable ? api.get<TagView[]>(`/api/stores/${store}/tags`, undefined, signal) : Promise.resolve([])), [store, editable]);
  const [tags, setTags] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  useEffect(() => setTags(current.data?.tags ?? []), [current.data]);

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const after = await api.put<MemberTagsView>(path, { tags });
      setTags(after.tags);
      message.success(t('memberTags.saved'));
      current.reload();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const unchanged = JSON.stringify(tags) === JSON.stringify(current.data?.tags ?? []);
  return (
    <Card title={t('memberTags.title')} style={{ marginBottom: 16, maxWidth: 640 }}>
      {current.error !== undefined && <ProblemAlert error={current.error} onRetry={current.reload} />}
      {error !== undefined && <ProblemAlert error={error} />}
      {editable ? (
        <Space wrap>
          <Select
            mode="tags"
            aria-label={t('memberTags.choose')}
            placeholder={t('memberTags.choose')}
            style={{ minWidth: 320 }}
            value={tags}
            onChange={(v: string[]) => setTags(v.map((s) => s.trim()).filter((s) => s !== ''))}
            options={(Array.isArray(all.data) ? all.data : []).map((tag) => ({ value: tag.name, label: tag.name }))}
            maxCount={20}
          />
          <Button type="primary" loading={saving} disabled={unchanged} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Space>
      ) : (
        <p>{tags.length > 0 ? tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : t('memberTags.none')}</p>
      )}
    </Card>
  );
}
