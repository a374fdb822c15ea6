import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MallCard as Card } from '../api/types';
import { formatPrice } from '../ui/mall';

/** What one costs: the price to pay, and the price before the discount struck through when there is one. */
export function MallPrice({ priceFen, originalPriceFen }: { priceFen: number; originalPriceFen?: number | null }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="owner-mall-price" data-testid="owner-mall-price">
      <strong>{formatPrice(priceFen, i18n.language)}</strong>
      {originalPriceFen != null && originalPriceFen > priceFen && (
        <s className="owner-mall-price__was" aria-label={t('owner.mall.originalPrice', { price: formatPrice(originalPriceFen, i18n.language) })}>
          {formatPrice(originalPriceFen, i18n.language)}
        </s>
      )}
    </span>
  );
}

/** 适合您的爱车: shown only when the product names one of the owner's models (null: fits every car, no badge). */
export function FitsBadge() {
  const { t } = useTranslation();
  return <span className="owner-mall-fits">{t('owner.mall.fitsBadge')}</span>;
}

/** A product of a list: photo, name, price (the discount with the original struck through), 有货/缺货, fits my car. */
export function MallCardItem({ card }: { card: Card }) {
  const { t } = useTranslation();
  return (
    <Link to={`/app/mall/products/${card.id}`} className="owner-card owner-mall-card" data-testid="owner-mall-card">
      {card.photo ? (
        <img className="owner-mall-card__photo" src={card.photo.thumbnailUrl} alt="" loading="lazy" referrerPolicy="no-referrer" />
      ) : (
        <span className="owner-mall-card__photo owner-mall-card__photo--none">{t('owner.mall.noPhoto')}</span>
      )}
      <span className="owner-mall-card__name">{card.name}</span>
      {card.subtitle && <span className="owner-muted owner-small owner-mall-card__subtitle">{card.subtitle}</span>}
      <MallPrice priceFen={card.priceFen} originalPriceFen={card.originalPriceFen} />
      <span className="owner-mall-card__tags">
        <span className={card.inStock ? 'owner-mall-stock' : 'owner-mall-stock owner-mall-stock--out'}>{t(card.inStock ? 'owner.mall.inStock' : 'owner.mall.soldOut')}</span>
        {card.fitsMyCar === true && <FitsBadge />}
      </span>
    </Link>
  );
}
