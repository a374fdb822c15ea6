import { App, Button, Card, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdvisorEntry, MemberAdvisor } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { useCan } from '../permissions';

/** 专属顾问 on the member page: the member's advisor now, and (with MEMBER_EDIT) binding them to another (decision 0038). */
export function MemberAdvisorPanel({ store, memberId }: { store: string; memberId: string }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const formatTime = useFormatTime();
  const editable = useCan('MEMBER_EDIT');
  const [chosen, setChosen] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const current = useLoad<MemberAdvisor | undefined>(
    (signal) => api.get<MemberAdvisor | undefined>(`/api/stores/${store}/advisors/members/${memberId}`, undefined, signal),
    [store, memberId],
  );
  const directory = useLoad<AdvisorEntry[]>(
    (signal) => (editable ? api.get<AdvisorEntry[]>(`/api/stores/${store}/advisors`, undefined, signal) : Promise.resolve([])),
    [store, editable],
  );

  async function bind() {
    if (!chosen) return;
    setSaving(true);
    setError(undefined);
    try {
      await api.put(`/api/stores/${store}/advisors/members/${memberId}`, { advisor: chosen });
      message.success(t('advisors.bound'));
      setChosen(undefined);
      current.reload();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  // a member without an advisor is a 204 (undefined); anything else without one is not an answer to show
  const a = current.data && 'advisor' in current.data ? current.data : undefined;
  return (
    <Card title={t('advisors.memberAdvisor')} style={{ marginBottom: 16, maxWidth: 640 }}>
      <p>{a ? t('advisors.boundSince', { name: a.displayName, time: formatTime(a.boundAt, 'short') }) : t('advisors.noAdvisor')}</p>
      {error !== undefined && <ProblemAlert error={error} />}
      {editable && (
        <Space>
          <Select
            aria-label={t('advisors.chooseAdvisor')}
            placeholder={t('advisors.chooseAdvisor')}
            style={{ minWidth: 200 }}
            value={chosen}
            onChange={setChosen}
            loading={directory.loading}
            options={(Array.isArray(directory.data) ? directory.data : []).filter((d) => d.active).map((d) => ({ value: d.username, label: d.displayName }))}
          />
          <Button type="primary" disabled={!chosen || chosen === a?.advisor} loading={saving} onClick={bind}>
            {t('advisors.bind')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
