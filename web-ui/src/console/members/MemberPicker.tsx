import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Page } from '../../api/client';
import type { MemberSummary } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';

function memberLabel(m: MemberSummary): string {
  return [m.name, m.phone, ...(m.plates ?? [])].filter(Boolean).join(' · ');
}

/**
 * Searches the store's members by name, phone or plate as the user types; a form field (`value`/`onChange`: the
 * member's id), `onPick` also gets the member chosen (e.g. for their phone).
 */
export function MemberPicker({ value, onChange, onPick, id }: { value?: string; onChange?: (id: string) => void; onPick?: (member: MemberSummary | undefined) => void; id?: string }) {
  const { t } = useTranslation();
  const { store = '' } = useParams();
  const { api } = useAuth();
  const [options, setOptions] = useState<MemberSummary[]>([]);
  // the chosen member keeps its name when a later search no longer finds it
  const [chosen, setChosen] = useState<MemberSummary>();
  const [searching, setSearching] = useState(false);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const call = ++latest.current;
      setSearching(true);
      api
        .get<Page<MemberSummary>>(`/api/stores/${store}/members`, { q: q.trim(), size: 10, sort: 'name,asc' })
        .then(
          (page) => {
            if (call === latest.current) setOptions(page.content);
          },
          () => {
            if (call === latest.current) setOptions([]);
          },
        )
        .finally(() => {
          if (call === latest.current) setSearching(false);
        });
    }, 250);
  };

  useEffect(() => {
    search('');
    return () => clearTimeout(timer.current);
    // the first members once, before anything is typed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      onChange={(memberId: string) => {
        const member = options.find((m) => m.id === memberId);
        setChosen(member);
        onChange?.(memberId);
        onPick?.(member);
      }}
      placeholder={t('usedCars.memberSearch')}
      notFoundContent={searching ? <Spin size="small" /> : t('usedCars.memberNotFound')}
      options={[...(chosen && !options.some((m) => m.id === chosen.id) ? [chosen] : []), ...options].map((m) => ({
        value: m.id,
        label: memberLabel(m),
      }))}
      style={{ width: '100%' }}
    />
  );
}
