import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, type To } from 'react-router';
import type { MarketListing, StoreCard } from '../api/types';
import { useFormatTime } from '../ui/storeZone';
import { carName, formatKm, formatYuan } from '../ui/usedCar';
import { telHref } from './ownerStore';
import { ShareButton } from './ShareButton';
import { StatusBadge } from './StatusBadge';

type Stores = Record<string, StoreCard>;

function Price({ listing }: { listing: MarketListing }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="owner-market-price" data-testid="owner-market-price">
      {listing.askingPriceYuan != null ? formatYuan(listing.askingPriceYuan, i18n.language) : t('market.priceOnRequest')}
    </span>
  );
}

/** The listing's store by name (its code only while the directory has no name for it). */
function storeName(listing: MarketListing, stores: Stores): string {
  return stores[listing.store]?.name ?? listing.store;
}

function StoreName({ listing, myStore, stores, bare = false }: { listing: MarketListing; myStore: string; stores: Stores; bare?: boolean }) {
  const { t } = useTranslation();
  const name = storeName(listing, stores);
  return (
    <span className={bare ? undefined : 'owner-muted owner-small'}>
      {bare ? name : t('owner.market.store', { store: name })}
      {listing.store === myStore && <span className="owner-market-own">{t('market.ownStore')}</span>}
    </span>
  );
}

/** A car of the result: first photo, name, year, mileage, city, asking price and store; opens its details. */
export function ListingCard({ listing, myStore, stores, to }: { listing: MarketListing; myStore: string; stores: Stores; to: To }) {
  const { t, i18n } = useTranslation();
  const photo = listing.photos[0];
  return (
    <Link to={to} state={{ fromMarket: true }} className="owner-card owner-market-car" data-testid="owner-market-car">
      {photo ? (
        <img className="owner-market-car__photo" src={photo.thumbnailUrl} alt="" loading="lazy" referrerPolicy="no-referrer" />
      ) : (
        <span className="owner-market-car__photo owner-market-car__photo--none">{t('owner.market.noPhoto')}</span>
      )}
      <span className="owner-market-car__text">
        <span className="owner-submission__head">
          <span className="owner-car__model">{carName(listing)}</span>
          {listing.status !== 'LISTED' && <StatusBadge status={listing.status} />}
        </span>
        <span className="owner-muted">
          {listing.year} · {formatKm(t, listing.mileageKm, i18n.language)} · {listing.city}
        </span>
        <Price listing={listing} />
        <StoreName listing={listing} myStore={myStore} stores={stores} />
      </span>
    </Link>
  );
}

/** Where to see the car: the store's name and address, and its phone as a tap-to-call link. */
function StoreContact({ name, card }: { name: string; card?: StoreCard }) {
  const { t } = useTranslation();
  return (
    <section className="owner-note owner-market-contact" aria-label={t('stores.contact.title')} data-testid="owner-market-contact">
      <p>{t(card?.phone ? 'stores.contact.callToView' : 'stores.contact.visitToView', { store: name })}</p>
      {card?.address && (
        <p>
          {t('stores.contact.address')}
          {card.address}
        </p>
      )}
      {card?.phone && (
        <a className="owner-button owner-call" href={telHref(card.phone)}>
          {t('stores.contact.call', { phone: card.phone })}
        </a>
      )}
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** One car of the market, from the search result (buyers have no other endpoint): photos, facts, condition report. */
export function ListingDetail({
  listing,
  myStore,
  stores,
  onBack,
}: {
  listing: MarketListing;
  myStore: string;
  stores: Stores;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const language = i18n.language;
  return (
    <>
      <button type="button" className="owner-link owner-back" onClick={onBack}>
        {t('owner.market.back')}
      </button>
      <section className="owner-card" data-testid="owner-market-detail">
        <div className="owner-submission__head">
          <h1>{carName(listing)}</h1>
          <StatusBadge status={listing.status} />
        </div>
        <p className="owner-market-detail__price">
          <Price listing={listing} />
        </p>
        {listing.photos.length > 0 && (
          <ul className="owner-photos owner-market-photos">
            {listing.photos.map((photo, index) => (
              <li key={`${index}-${photo.ref}`}>
                <a href={photo.largeUrl} target="_blank" rel="noreferrer noopener">
                  <img src={photo.url} alt={t('usedCars.photoAlt', { n: index + 1 })} loading="lazy" referrerPolicy="no-referrer" />
                </a>
              </li>
            ))}
          </ul>
        )}
        <dl className="owner-facts">
          <Row label={t('usedCars.fields.year')}>{listing.year}</Row>
          <Row label={t('usedCars.fields.mileageKm')}>{formatKm(t, listing.mileageKm, language)}</Row>
          <Row label={t('usedCars.fields.city')}>{listing.city}</Row>
          <Row label={t('usedCars.fields.gearbox')}>{t(`usedCars.gearboxes.${listing.gearbox}`)}</Row>
          <Row label={t('usedCars.fields.emissionStandard')}>{t(`usedCars.emissionStandards.${listing.emissionStandard}`)}</Row>
          {listing.colour && <Row label={t('usedCars.fields.colour')}>{listing.colour}</Row>}
          <Row label={t('market.facets.storeCode')}>
            <StoreName listing={listing} myStore={myStore} stores={stores} bare />
          </Row>
          {listing.listedAt && <Row label={t('usedCars.fields.listedAt')}>{formatTime(listing.listedAt)}</Row>}
        </dl>
        {listing.conditionReport && (
          <>
            <h2 className="owner-subtitle">{t('usedCars.fields.conditionReport')}</h2>
            <p className="owner-prose">{listing.conditionReport}</p>
          </>
        )}
        <StoreContact name={storeName(listing, stores)} card={stores[listing.store]} />
      </section>
      {listing.status === 'LISTED' && listing.store === myStore && <ShareButton store={myStore} usedCarId={listing.id} />}
    </>
  );
}
