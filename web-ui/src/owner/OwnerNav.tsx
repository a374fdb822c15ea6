import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';

type Entry = { to: string; label: string; end?: boolean };

/** Whether `pathname` is the entry's page or one below it (`/app/used-cars/…` is 我的寄售). */
function within(entry: Entry, pathname: string): boolean {
  return entry.end ? pathname === entry.to || pathname === `${entry.to}/` : pathname === entry.to || pathname.startsWith(`${entry.to}/`);
}

/**
 * The owner app's navigation: four main entries and 更多, a grid of the other pages, so that a phone shows one row that
 * never wraps. 更多 is marked current when the page shown is one of its entries; the grid closes when a page is chosen.
 */
export function OwnerNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const main: Entry[] = [
    { to: '/app', label: t('owner.usedCars.home'), end: true },
    { to: '/app/points', label: t('owner.points.nav') },
    { to: '/app/pay', label: t('owner.pay.nav') },
    { to: '/app/card', label: t('ownerCard.nav') },
  ];
  const more: Entry[] = [
    { to: '/app/wallet', label: t('owner.wallet.nav') },
    { to: '/app/coupons', label: t('owner.coupons.nav') },
    { to: '/app/gifts', label: t('owner.gifts.nav') },
    { to: '/app/mall', label: t('owner.mall.nav') },
    { to: '/app/mall/orders', label: t('owner.mall.orders.nav') },
    { to: '/app/payments', label: t('owner.payments.nav') },
    { to: '/app/sell', label: t('owner.usedCars.sell') },
    { to: '/app/used-cars', label: t('owner.usedCars.mine') },
    { to: '/app/market', label: t('owner.market.nav') },
    { to: '/app/advisor', label: t('ownerAdvisor.nav') },
  ];
  const inMore = more.some((e) => within(e, pathname));

  // a page chosen (here or by a link elsewhere) closes the grid
  useEffect(() => setOpen(false), [pathname]);

  return (
    <nav className="owner-nav owner-nav--app" aria-label={t('owner.usedCars.nav')}>
      <div className="owner-nav__main">
        {main.map((e) => (
          <NavLink key={e.to} to={e.to} end={e.end}>
            {e.label}
          </NavLink>
        ))}
        <button
          type="button"
          className={`owner-nav__more${inMore ? ' active' : ''}`}
          aria-expanded={open}
          aria-controls="owner-nav-more"
          aria-current={inMore ? 'page' : undefined}
          onClick={() => setOpen((o) => !o)}
        >
          {t('owner.nav.more')}
        </button>
      </div>
      {open && (
        <div id="owner-nav-more" className="owner-nav__grid" data-testid="owner-nav-more">
          {more.map((e) => (
            <NavLink key={e.to} to={e.to} onClick={() => setOpen(false)}>
              {e.label}
            </NavLink>
          ))}
        </div>
      )}
    </nav>
  );
}
