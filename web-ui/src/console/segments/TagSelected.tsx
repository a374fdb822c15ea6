import { TagsOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Popover, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagBatchResult, TagView } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { useLoad } from '../../ui/useLoad';

/** The member list's batch action 打标签: one tag (the store's or a new one) for every selected member at once. */
export function TagSelected({ store, memberIds, done }: { store: string; memberIds: string[]; done: () => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const all = useLoad<TagView[]>((signal) => (open ? api.get<TagView[]>(`/api/stores/${store}/tags`, undefined, signal) : Promise.resolve([])), [store, open]);

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.post<TagBatchResult>(`/api/stores/${store}/tags/batch`, { memberIds, tag: tag.trim() });
      message.success(t('memberTags.batchDone', { tag: result.tag, tagged: result.tagged, already: result.alreadyTagged }));
      setOpen(false);
      setTag('');
      done();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const content = (
    <Space direction="vertical">
      <AutoComplete
        aria-label={t('memberTags.batchTag')}
        placeholder={t('memberTags.batchTag')}
        style={{ width: 240 }}
        value={tag}
        onChange={setTag}
        options={(Array.isArray(all.data) ? all.data : []).filter((x) => x.name.includes(tag.trim())).map((x) => ({ value: x.name }))}
        maxLength={20}
      />
      {error !== undefined && <ProblemAlert error={error} />}
      <Button type="primary" size="small" loading={busy} disabled={tag.trim() === ''} onClick={() => void run()}>
        {t('memberTags.batchApply', { count: memberIds.length })}
      </Button>
    </Space>
  );
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" content={content} title={t('memberTags.batchTitle')}>
      <Button size="small" icon={<TagsOutlined />}>
        {t('memberTags.batch')}
      </Button>
    </Popover>
  );
}
