import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem';
import type { CardProgrammeView, MemberCardView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { formatValue, progressOf } from '../ui/cardText';
import { dayIn } from '../ui/format';
import { useStoreZone } from '../ui/storeZone';
import { useLoad } from '../ui/useLoad';
import { useOwnerStore } from './ownerStore';
import './myCard.css';

/**
 * 我的会员卡: the owner's card as a card (level, number, validity), its benefits, how far the next level is in a
 * sentence, and the store's levels with their benefits. An owner without a card is told the store issues one.
 */
export function MyCard() {
  const { t } = useTranslation();
  const { api, claims } = useAuth();
  const store = claims?.stores[0];
  const storeCard = useOwnerStore();
  const zone = useStoreZone();
  const card = useLoad<MemberCardView | null>(
    async (signal) => {
      if (!store) return null;
      try {
        return await api.get<MemberCardView>(`/api/stores/${store}/me/card`, undefined, signal);
      } catch (e) {
        if (isApiError(e) && e.status === 404 && e.slug === 'member-card') return null;
        throw e;
      }
    },
    [store],
  );
  // the ladder is a help, not the page: when it cannot be read the card still shows
  const programme = useLoad<CardProgrammeView | undefined>(
    (signal) => (store ? api.get<CardProgrammeView>(`/api/stores/${store}/card-programme`, undefined, signal).catch(() => undefined) : Promise.resolve(undefined)),
    [store],
  );

  if (!store) return <p role="alert">{t('owner.noStore')}</p>;
  if (card.loading && card.data === undefined) return <p className="owner-muted">{t('common.loading')}</p>;
  if (card.error) {
    return (
      <section className="owner-card" role="alert">
        <p>{t('owner.loadFailed')}</p>
        <button type="button" className="owner-button owner-button--secondary" onClick={card.reload}>
          {t('common.retry')}
        </button>
      </section>
    );
  }

  const view = card.data;
  const levels = programme.data?.levels ?? [];
  const basis = view?.basis ?? programme.data?.basis ?? 'POINTS';
  const progress = view ? progressOf(t, view) : undefined;

  return (
    <>
      <h1 className="owner-page-title owner-title-row">{t('ownerCard.title')}</h1>
      {view ? (
        <>
          <section className={`owner-membercard owner-membercard--${view.status.toLowerCase()}`} aria-label={t('ownerCard.title')}>
            {storeCard && <p className="owner-membercard__store">{storeCard.name}</p>}
            {view.status !== 'ACTIVE' && <span className="owner-membercard__status">{t(`auditNames.enums.CardStatus.${view.status}`)}</span>}
            <p className="owner-membercard__level">{view.level.name}</p>
            <p className="owner-membercard__number">{view.cardNumber}</p>
            <p className="owner-membercard__meta">
              <span>{t('ownerCard.validUntil', { date: dayIn(zone, new Date(view.validUntil)) })}</span>
              <span>{formatValue(t, view.basis, view.qualifyingValue)}</span>
            </p>
          </section>
          <section className="owner-card">
            <p>{progress!.text}</p>
            <div className="owner-progress" role="progressbar" aria-label={t('cards.member.progress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress!.percent}>
              <div className="owner-progress__bar" style={{ width: `${progress!.percent}%` }} />
            </div>
            <p className="owner-muted">{t('ownerCard.window', { months: programme.data?.windowMonths ?? 12, basis: t(`ownerCard.basis.${view.basis}`) })}</p>
          </section>
          {view.level.benefits && (
            <section className="owner-card owner-benefits">
              <h2>{t('ownerCard.benefits')}</h2>
              <p className="owner-ladder__benefits">{view.level.benefits}</p>
            </section>
          )}
        </>
      ) : (
        <section className="owner-card">
          <p>{t('ownerCard.none')}</p>
          <p className="owner-muted">{storeCard ? t('ownerCard.noneAsk', { store: storeCard.name }) : t('ownerCard.noneAskStore')}</p>
        </section>
      )}
      {levels.length > 0 && (
        <>
          <h2 className="owner-section-title">{t('ownerCard.levels')}</h2>
          <section className="owner-card">
            <ol className="owner-ladder">
              {levels.map((l) => (
                <li key={l.code} className={view?.level.code === l.code ? 'is-current' : undefined}>
                  <span className="owner-ladder__name">
                    {view?.level.code === l.code ? t('ownerCard.current', { level: l.name }) : l.name}
                  </span>
                  <span className="owner-ladder__threshold">
                    {l.threshold === 0 ? t('ownerCard.entry') : t('ownerCard.from', { value: formatValue(t, basis, l.threshold) })}
                  </span>
                  {l.benefits && <span className="owner-ladder__benefits">{l.benefits}</span>}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </>
  );
}
