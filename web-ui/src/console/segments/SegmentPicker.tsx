import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../api/client';
import type { SegmentView } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { useLoad } from '../../ui/useLoad';

/** Picks one of the store's saved segments (with how many members it matches now), searching by name. */
export function SegmentPicker({ store, value, onChange, label, width = 260 }: { store: string; value?: string; onChange: (id?: string) => void; label: string; width?: number }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const segments = useLoad<Page<SegmentView>>((signal) => api.get(`/api/stores/${store}/segments`, { size: 100, sort: 'name,asc' }, signal), [store]);
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      aria-label={label}
      placeholder={label}
      style={{ minWidth: width }}
      value={value}
      onChange={(id?: string) => onChange(id)}
      loading={segments.loading}
      options={(segments.data?.content ?? []).map((s) => ({ value: s.id, label: t('segments.option', { name: s.name, count: s.members }) }))}
    />
  );
}
