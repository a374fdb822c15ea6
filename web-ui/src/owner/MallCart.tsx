import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { formatPrice } from '../ui/mall';
import { MallPrice } from './MallCard';
import { MAX_QUANTITY, useMallCart } from './mallCart';
import './mall.css';

/** − quantity +: the buttons say what they change (`name`: whose quantity), the field can be typed in. */
export function QuantityStepper({ value, max, onChange, name, disabled }: { value: number; max: number; onChange: (quantity: number) => void; name?: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const top = Math.max(1, Math.min(max, MAX_QUANTITY));
  const label = name ? t('owner.mall.cart.quantityOf', { name }) : t('owner.mall.cart.quantity');
  return (
    <span className="owner-stepper">
      <button type="button" aria-label={name ? t('owner.mall.cart.lessOf', { name }) : t('owner.mall.cart.less')} disabled={disabled || value <= 1} onClick={() => onChange(value - 1)}>
        −
      </button>
      <input
        aria-label={label}
        inputMode="numeric"
        value={value}
        disabled={disabled}
        onChange={(e) => {
          const typed = Number(e.target.value);
          if (Number.isInteger(typed) && typed > 0) onChange(Math.min(typed, top));
        }}
      />
      <button type="button" aria-label={name ? t('owner.mall.cart.moreOf', { name }) : t('owner.mall.cart.more')} disabled={disabled || value >= top} onClick={() => onChange(value + 1)}>
        +
      </button>
    </span>
  );
}

/** 购物车 with the number of items in it, for the mall's pages. */
export function MallCartLink() {
  const { t } = useTranslation();
  const { claims } = useAuth();
  const { count } = useMallCart(claims?.stores[0]);
  return (
    <Link to="/app/mall/cart" className="owner-link owner-mall-cart-link" aria-label={t('owner.mall.cart.linkLabel', { count })}>
      {t('owner.mall.cart.title')}
      {count > 0 && (
        <span className="owner-mall-cart-badge" data-testid="owner-mall-cart-count">
          {count}
        </span>
      )}
    </Link>
  );
}

/**
 * 购物车 (`/app/mall/cart`, MALL-2): the lines kept on this phone with their spec, price and quantity (− +, 删除), the
 * total at the prices shown when added, and 去结算 to the checkout, which prices the cart again.
 */
export function MallCart() {
  const { t, i18n } = useTranslation();
  const { claims } = useAuth();
  const store = claims?.stores[0];
  const cart = useMallCart(store);
  const navigate = useNavigate();
  if (!store) return <p role="alert">{t('owner.noStore')}</p>;
  return (
    <>
      <Link to="/app/mall" className="owner-back">
        {t('owner.mall.back')}
      </Link>
      <div className="owner-title-row">
        <h1 className="owner-page-title">{t('owner.mall.cart.title')}</h1>
        <Link to="/app/mall/orders" className="owner-link">
          {t('owner.mall.orders.nav')}
        </Link>
      </div>
      {cart.lines.length === 0 ? (
        <section className="owner-card" data-testid="owner-mall-cart-empty">
          <p className="owner-muted">{t('owner.mall.cart.empty')}</p>
          <Link to="/app/mall" className="owner-button owner-button--secondary">
            {t('owner.mall.cart.browse')}
          </Link>
        </section>
      ) : (
        <>
          <ul className="owner-mall-cart" aria-label={t('owner.mall.cart.lines')}>
            {cart.lines.map((line) => (
              <li key={line.skuId} className="owner-card owner-mall-cart__line" data-testid="owner-mall-cart-line">
                {line.photo ? <img className="owner-mall-cart__photo" src={line.photo} alt="" referrerPolicy="no-referrer" /> : <span className="owner-mall-cart__photo owner-mall-card__photo--none" />}
                <div className="owner-mall-cart__body">
                  <Link to={`/app/mall/products/${line.productId}`} className="owner-mall-cart__name">
                    {line.name}
                  </Link>
                  <span className="owner-muted owner-small">{t('owner.mall.cart.spec', { spec: line.spec })}</span>
                  <MallPrice priceFen={line.priceFen} />
                  <div className="owner-mall-cart__actions">
                    <QuantityStepper value={line.quantity} max={line.stock} name={`${line.name} ${line.spec}`} onChange={(q) => cart.setQuantity(line.skuId, q)} />
                    <button type="button" className="owner-link owner-link--danger" aria-label={t('owner.mall.cart.removeOf', { name: `${line.name} ${line.spec}` })} onClick={() => cart.remove(line.skuId)}>
                      {t('owner.mall.cart.remove')}
                    </button>
                  </div>
                </div>
              </li>
            ))}
          </ul>
          <section className="owner-card owner-mall-cart__sum">
            <p data-testid="owner-mall-cart-total">
              {t('owner.mall.cart.total', { count: cart.count })} <strong>{formatPrice(cart.totalFen, i18n.language)}</strong>
            </p>
            <p className="owner-muted owner-small">{t('owner.mall.cart.priceHint')}</p>
            <button type="button" className="owner-button" onClick={() => navigate('/app/mall/checkout')}>
              {t('owner.mall.cart.checkout')}
            </button>
          </section>
        </>
      )}
    </>
  );
}
