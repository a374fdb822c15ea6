import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { MallProduct as Product, MallSku } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useLoad } from '../ui/useLoad';
import { MallCartLink, QuantityStepper } from './MallCart';
import { FitsBadge, MallPrice } from './MallCard';
import { rememberBuyNow, useMallCart, type CartLine } from './mallCart';
import { problemText } from './problemText';
import './mall.css';

/** The SKU shown first: the first in stock, else the first. */
export function firstSku(skus: readonly MallSku[]): MallSku | undefined {
  return skus.find((s) => s.stock > 0) ?? skus[0];
}

/** The description's paragraphs: split at blank lines (a single line break stays inside its paragraph). */
export function paragraphs(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** The photos, one large at a time, and a row of thumbnails to choose another. */
function Gallery({ product }: { product: Product }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(0);
  const photo = product.photos[shown] ?? product.photos[0];
  if (!photo) return <div className="owner-mall-gallery__main owner-mall-card__photo--none">{t('owner.mall.noPhoto')}</div>;
  return (
    <div className="owner-mall-gallery">
      <img className="owner-mall-gallery__main" src={photo.largeUrl} alt={t('owner.mall.photoAlt', { n: shown + 1, count: product.photos.length })} referrerPolicy="no-referrer" />
      {product.photos.length > 1 && (
        <div className="owner-mall-gallery__thumbs">
          {product.photos.map((p, i) => (
            <button key={p.ref} type="button" aria-pressed={i === shown} aria-label={t('owner.mall.showPhoto', { n: i + 1 })} onClick={() => setShown(i)}>
              <img src={p.thumbnailUrl} alt="" loading="lazy" referrerPolicy="no-referrer" />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * A product of the mall (MALL-3): photos, name, subtitle, the price and stock of the chosen SKU (its chips), the
 * vehicle models it fits and whether it fits the owner's car, its category, its description; a quantity, 加入购物车
 * (kept on this phone) and 立即购买 (straight to the checkout with this SKU alone), both off when the SKU is sold out.
 */
export function MallProduct() {
  const { t } = useTranslation();
  const { api, claims } = useAuth();
  const store = claims?.stores[0];
  const { productId = '' } = useParams();
  const product = useLoad<Product | undefined>(
    (signal) => (store ? api.get<Product>(`/api/stores/${store}/me/mall/products/${productId}`, undefined, signal) : Promise.resolve(undefined)),
    [store, productId],
  );
  const [chosen, setChosen] = useState<string>();
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState<string>();
  const cart = useMallCart(store);
  const navigate = useNavigate();

  if (!store) return <p role="alert">{t('owner.noStore')}</p>;
  const back = (
    <div className="owner-title-row">
      <Link to="/app/mall" className="owner-back">
        {t('owner.mall.back')}
      </Link>
      <MallCartLink />
    </div>
  );
  if (product.error !== undefined) {
    return (
      <>
        {back}
        <section className="owner-card" role="alert">
          <p>{problemText(t, product.error)}</p>
          <button type="button" className="owner-button owner-button--secondary" onClick={product.reload}>
            {t('common.retry')}
          </button>
        </section>
      </>
    );
  }
  const p = product.data;
  if (!p) return <p className="owner-muted">{t('common.loading')}</p>;

  const sku = p.skus.find((s) => s.id === chosen) ?? firstSku(p.skus);
  const text = paragraphs(p.description);
  const line = (s: MallSku): Omit<CartLine, 'quantity'> => ({
    skuId: s.id,
    productId: p.id,
    name: p.name,
    spec: s.spec,
    priceFen: s.salePriceFen ?? s.priceFen,
    stock: s.stock,
    photo: p.photos[0]?.thumbnailUrl,
  });
  const inStock = sku !== undefined && sku.stock > 0;
  const amount = sku ? Math.min(quantity, Math.max(sku.stock, 1)) : quantity;
  return (
    <>
      {back}
      <article className="owner-card owner-mall-product">
        <Gallery product={p} />
        <h1 className="owner-mall-product__name">{p.name}</h1>
        {p.subtitle && <p className="owner-muted">{p.subtitle}</p>}
        {sku && (
          <p className="owner-mall-product__price">
            <MallPrice priceFen={sku.salePriceFen ?? sku.priceFen} originalPriceFen={sku.salePriceFen != null ? sku.priceFen : null} />
          </p>
        )}
        {p.skus.length > 0 && (
          <fieldset className="owner-facet-group">
            <legend>{t('owner.mall.spec')}</legend>
            <div className="owner-facets">
              {p.skus.map((s) => (
                <button
                  key={s.id}
                  type="button"
                  className="owner-facet"
                  aria-pressed={s.id === sku?.id}
                  onClick={() => {
                    setChosen(s.id);
                    setAdded(undefined);
                  }}
                >
                  {s.spec}
                </button>
              ))}
            </div>
          </fieldset>
        )}
        {sku && (
          <p className={sku.stock > 0 ? 'owner-mall-stock' : 'owner-mall-stock owner-mall-stock--out'} data-testid="owner-mall-sku-stock">
            {sku.stock > 0 ? t('owner.mall.stock', { count: sku.stock }) : t('owner.mall.soldOut')}
          </p>
        )}
        {sku && (
          <div className="owner-mall-buy" data-testid="owner-mall-buy">
            <span className="owner-field__label" aria-hidden="true">
              {t('owner.mall.cart.quantity')}
            </span>{' '}
            <QuantityStepper value={amount} max={sku.stock} disabled={!inStock} onChange={setQuantity} />
            <div className="owner-mall-buy-row">
              <button
                type="button"
                className="owner-button owner-button--secondary"
                disabled={!inStock}
                onClick={() => {
                  cart.add(line(sku), amount);
                  setAdded(sku.spec);
                }}
              >
                {t('owner.mall.cart.add')}
              </button>
              <button
                type="button"
                className="owner-button"
                disabled={!inStock}
                onClick={() => {
                  rememberBuyNow({ ...line(sku), quantity: amount });
                  navigate('/app/mall/checkout?buy=now');
                }}
              >
                {t('owner.mall.cart.buyNow')}
              </button>
            </div>
            {added && (
              <p role="status" className="owner-success">
                {t('owner.mall.cart.added', { name: p.name, spec: added })} <Link to="/app/mall/cart">{t('owner.mall.cart.goCart')}</Link>
              </p>
            )}
            <p className="owner-muted owner-small">{t('owner.mall.cart.fulfilmentHint')}</p>
          </div>
        )}
        <dl className="owner-facts">
          {p.categoryPath.length > 0 && (
            <>
              <dt>{t('owner.mall.category')}</dt>
              <dd>{p.categoryPath.join(' › ')}</dd>
            </>
          )}
          <dt>{t('owner.mall.fitment')}</dt>
          <dd>
            {p.fitsMyCar === true && <FitsBadge />}
            {p.fitment.length === 0 ? (
              <span>{t('owner.mall.fitsAll')}</span>
            ) : (
              <ul className="owner-mall-fitment">
                {p.fitment.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
            {p.fitsMyCar === false && <span className="owner-muted owner-small">{t('owner.mall.notListedForMine')}</span>}
          </dd>
        </dl>
        {text.length > 0 && (
          <section>
            <h2 className="owner-section-title">{t('owner.mall.description')}</h2>
            {text.map((para, i) => (
              <p key={i} className="owner-prose owner-mall-product__para">
                {para}
              </p>
            ))}
          </section>
        )}
      </article>
    </>
  );
}
