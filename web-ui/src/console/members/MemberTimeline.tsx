import {
  CarOutlined,
  CreditCardOutlined,
  GiftOutlined,
  MessageOutlined,
  StarOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { Button, Empty, Space, Spin, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TimelineItem, TimelineKind, TimelinePage } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { formatAmount, formatPoints } from '../../ui/points';
import { useFormatTime } from '../../ui/storeZone';

const PAGE = 20;

const ICONS: Record<TimelineKind, ReactNode> = {
  REPAIR_ORDER: <ToolOutlined />,
  POINTS: <GiftOutlined />,
  USED_CAR: <CarOutlined />,
  CARD: <CreditCardOutlined />,
  MESSAGE: <MessageOutlined />,
  RATING: <StarOutlined />,
  ADVISOR: <TeamOutlined />,
};

const COLORS: Record<TimelineKind, string> = {
  REPAIR_ORDER: 'blue',
  POINTS: 'gold',
  USED_CAR: 'cyan',
  CARD: 'purple',
  MESSAGE: 'gray',
  RATING: 'orange',
  ADVISOR: 'green',
};

/**
 * The sentence of one row, built here from its kind, event and parameters (the server sends no text, decision 0042),
 * so it reads in the UI's language.
 */
export function timelineText(t: TFunction, item: TimelineItem, language: string): string {
  const p = item.params as Record<string, string | undefined>;
  const amount = item.amount ? formatAmount(item.amount.amount, language) : '';
  switch (item.kind) {
    case 'REPAIR_ORDER':
      return t(`memberTimeline.order.${item.event}`, {
        number: p.number,
        amount,
        refunded: p.refunded ? formatAmount(p.refunded, language) : '',
        defaultValue: t('memberTimeline.order.other', { number: p.number }),
      });
    case 'POINTS': {
      const source = t(`memberTimeline.source.${p.source ?? ''}`, {
        ref: p.ref ?? '',
        reason: p.reason ?? '',
        defaultValue: p.reason ?? p.ref ?? '',
      });
      return t('memberTimeline.points.line', {
        what: t(`memberTimeline.points.${item.event}`, { defaultValue: item.event }),
        source,
      });
    }
    case 'USED_CAR':
      return t('memberTimeline.usedCar.line', {
        car: t('memberTimeline.usedCar.car', { year: p.year, make: p.make, model: p.model }),
        status: t(`memberTimeline.usedCar.${item.event}`, { defaultValue: item.event }),
        amount,
      }) + (amount ? t('memberTimeline.usedCar.price', { amount }) : '');
    case 'CARD':
      return t(`memberTimeline.card.${item.event}`, {
        from: p.from ?? '',
        to: p.to ?? '',
        number: p.number ?? '',
        defaultValue: item.event,
      });
    case 'MESSAGE':
      return t('memberTimeline.message.line', { body: p.body ?? '' });
    case 'RATING':
      return t('memberTimeline.rating.line', { number: p.number ?? '', advisor: p.advisor ?? '', stars: p.stars ?? '' }) +
        (p.comment ? t('memberTimeline.rating.comment', { comment: p.comment }) : '');
    case 'ADVISOR':
      return item.event === 'MOVED'
        ? t('memberTimeline.advisor.moved', { previous: p.previous ?? '', advisor: p.advisor ?? '', by: p.by ?? '' })
        : t('memberTimeline.advisor.bound', { advisor: p.advisor ?? '', by: p.by ?? '' });
  }
}

/** Where a row leads: the repair order, the used car; nothing for the rest. */
function linkOf(store: string, item: TimelineItem): string | undefined {
  if (!item.targetId) return undefined;
  const p = item.params as Record<string, string | undefined>;
  if (item.kind === 'REPAIR_ORDER' || item.kind === 'RATING') return `/console/${store}/repair-orders/${item.targetId}`;
  if (item.kind === 'POINTS' && p.source === 'REPAIR_ORDER_LINE') return `/console/${store}/repair-orders/${item.targetId}`;
  if (item.kind === 'USED_CAR') return `/console/${store}/used-cars/${item.targetId}`;
  return undefined;
}

/**
 * 时间线 of the member page (MEM-2, decision 0042): every dealing with the store, newest first, an icon per kind,
 * chips to show only some kinds (those the user may see), and 加载更多 for the next page.
 */
export function MemberTimeline({ store, memberId }: { store: string; memberId: string }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const formatTime = useFormatTime();
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const [visible, setVisible] = useState<TimelineKind[]>([]);
  const [items, setItems] = useState<TimelineItem[]>([]);
  const [next, setNext] = useState<string | null>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const path = `/api/stores/${store}/members/${memberId}/timeline`;

  const load = useCallback(
    async (before: string | undefined, chosen: TimelineKind[], signal?: AbortSignal) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = await api.get<TimelinePage>(path, { kinds: chosen, before, size: PAGE }, signal);
        setItems((shown) => (before ? [...shown, ...page.items] : page.items));
        setNext(page.next ?? null);
        setVisible(page.kinds);
      } catch (e) {
        if (!signal?.aborted) setError(e);
      } finally {
        setLoading(false);
      }
    },
    [api, path],
  );

  useEffect(() => {
    const abort = new AbortController();
    void load(undefined, kinds, abort.signal);
    return () => abort.abort();
  }, [load, kinds]);

  const toggle = (kind: TimelineKind, on: boolean) =>
    setKinds((chosen) => (on ? [...chosen, kind] : chosen.filter((k) => k !== kind)));

  return (
    <div data-testid="member-timeline">
      <Space wrap style={{ marginBottom: 16 }}>
        <Tag.CheckableTag checked={kinds.length === 0} onChange={() => setKinds([])}>
          {t('memberTimeline.all')}
        </Tag.CheckableTag>
        {visible.map((kind) => (
          <Tag.CheckableTag key={kind} checked={kinds.includes(kind)} onChange={(on) => toggle(kind, on)}>
            {ICONS[kind]} {t(`memberTimeline.kinds.${kind}`)}
          </Tag.CheckableTag>
        ))}
      </Space>
      {error !== undefined && <ProblemAlert error={error} onRetry={() => void load(undefined, kinds)} />}
      {items.length === 0 && loading ? (
        <Spin />
      ) : items.length === 0 && error === undefined ? (
        <Empty description={t('memberTimeline.empty')} />
      ) : (
        <Timeline
          items={items.map((item) => {
            const link = linkOf(store, item);
            const text = timelineText(t, item, i18n.language);
            return {
              key: item.key,
              color: COLORS[item.kind],
              icon: ICONS[item.kind],
              content: (
                <div data-kind={item.kind}>
                  <Typography.Text type="secondary">{formatTime(item.at)}</Typography.Text>{' '}
                  <Tag>{t(`memberTimeline.kinds.${item.kind}`)}</Tag>
                  {item.kind === 'MESSAGE' && <Tag>{t(`memberTimeline.message.${item.event}`, { defaultValue: item.event })}</Tag>}
                  <div>
                    {link ? <Link to={link}>{text}</Link> : text}
                    {item.points != null && item.kind === 'POINTS' && (
                      <Typography.Text strong type={item.points < 0 ? 'danger' : 'success'} style={{ marginLeft: 8 }}>
                        {item.points > 0 ? '+' : ''}
                        {formatPoints(item.points, i18n.language)}
                      </Typography.Text>
                    )}
                  </div>
                </div>
              ),
            };
          })}
        />
      )}
      {next ? (
        <Button loading={loading} onClick={() => void load(next, kinds)}>
          {t('memberTimeline.loadMore')}
        </Button>
      ) : (
        items.length > 0 && <Typography.Text type="secondary">{t('memberTimeline.end')}</Typography.Text>
      )}
    </div>
  );
}
