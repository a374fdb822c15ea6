import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { AuthProvider } from '../auth/AuthProvider';
import { hasAnyRole } from '../auth/claims';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { SessionExpiredDialog } from '../ui/SessionExpiredDialog';
import { Mall } from './Mall';
import { MallCart } from './MallCart';
import { MallCheckout } from './MallCheckout';
import { MallProduct } from './MallProduct';
import { MyMallOrder, MyMallOrders } from './MyMallOrders';
import { Market } from './Market';
import { MyAdvisor } from './MyAdvisor';
import { MyCard } from './MyCard';
import { MyCars } from './MyCars';
import { MyPoints } from './MyPoints';
import { MyPayables } from './MyPayables';
import { MyPayments } from './MyPayments';
import { PaymentReturn } from './PaymentReturn';
import { MyWallet } from './MyWallet';
import { MyCoupons } from './MyCoupons';
import { MyGifts } from './MyGifts';
import { CouponCentre } from './CouponCentre';
import { MySubmissions } from './MySubmissions';
import { PointsRulesInfo } from './PointsRulesInfo';
import { OwnerNav } from './OwnerNav';
import { OwnerStoreProvider } from './ownerStore';
import { SellCar } from './SellCar';
import { SignUp } from './SignUp';
import { ShareLanding } from './ShareLanding';
import { Submission } from './Submission';
import './owner.css';

function Welcome() {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const { pathname } = useLocation();
  // back to the page that asked for the sign-in (e.g. a link to one of the owner's cars), else the start
  const returnTo = /^\/app\/(sell|used-cars|market|points|wallet|pay|payments|card|coupons|coupon-centre|gifts|mall)(\/|$)/.test(pathname) ? pathname : '/app';
  return (
    <section className="owner-card owner-welcome">
      <h1>{t('owner.welcomeTitle')}</h1>
      <p>{t('owner.welcomeText')}</p>
      <button type="button" className="owner-button" onClick={() => void signIn(returnTo)}>
        {t('owner.logIn')}
      </button>
      <Link to="/app/signup" className="owner-button owner-button--secondary">
        {t('owner.signUp')}
      </Link>
    </section>
  );
}

/** The owner's pages: only for signed-in owners; everyone else is asked to log in or told why not. */
function OwnerOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const auth = useAuth();
  if (auth.status === 'loading') return <p className="owner-muted">{t('auth.loading')}</p>;
  if (auth.status === 'error') return <p role="alert">{t('auth.unavailable')}</p>;
  if (auth.status === 'signedOut') return <Welcome />;
  if (!hasAnyRole(auth.claims, ['owner'])) {
    return (
      <section className="owner-card" role="alert">
        <p>{t('owner.notAnOwner', { user: auth.claims?.username ?? '' })}</p>
        <button type="button" className="owner-button" onClick={() => void auth.signOut()}>
          {t('auth.signOut')}
        </button>
      </section>
    );
  }
  return (
    <>
      <OwnerNav />
      {children}
    </>
  );
}

function Home() {
  return (
    <OwnerOnly>
      <MyCars />
    </OwnerOnly>
  );
}

function Header() {
  const { t } = useTranslation();
  const auth = useAuth();
  return (
    <header className="owner-header">
      <Link to="/app" className="owner-header__title">
        {t('entries.app.title')}
      </Link>
      <div className="owner-header__actions">
        <LanguageSwitch />
        {auth.status === 'signedIn' && (
          <button type="button" className="owner-link" onClick={() => void auth.signOut()}>
            {t('auth.signOut')}
          </button>
        )}
      </div>
    </header>
  );
}

/** The owner app (/app/*): phone-sized, without the consoles' libraries. */
export default function OwnerArea() {
  return (
    <AuthProvider area="app">
      <div className="owner">
        <Header />
        <main className="owner-main">
          {/* the owner's store (claims.stores[0]) by name, and times in its zone (its card, store-console) */}
          <OwnerStoreProvider>
            <Routes>
              <Route index element={<Home />} />
              <Route path="signup" element={<SignUp />} />
              <Route path="s/:store/:token" element={<ShareLanding />} />
              <Route path="sell" element={<OwnerOnly><SellCar /></OwnerOnly>} />
              <Route path="used-cars" element={<OwnerOnly><MySubmissions /></OwnerOnly>} />
              <Route path="used-cars/:usedCarId" element={<OwnerOnly><Submission /></OwnerOnly>} />
              <Route path="market" element={<OwnerOnly><Market /></OwnerOnly>} />
              <Route path="points" element={<OwnerOnly><MyPoints /></OwnerOnly>} />
              <Route path="points/rules" element={<OwnerOnly><PointsRulesInfo /></OwnerOnly>} />
              <Route path="wallet" element={<OwnerOnly><MyWallet /></OwnerOnly>} />
              <Route path="coupons" element={<OwnerOnly><MyCoupons /></OwnerOnly>} />
              <Route path="coupon-centre" element={<OwnerOnly><CouponCentre /></OwnerOnly>} />
              <Route path="gifts" element={<OwnerOnly><MyGifts /></OwnerOnly>} />
              <Route path="mall" element={<OwnerOnly><Mall /></OwnerOnly>} />
              <Route path="mall/products/:productId" element={<OwnerOnly><MallProduct /></OwnerOnly>} />
              <Route path="mall/cart" element={<OwnerOnly><MallCart /></OwnerOnly>} />
              <Route path="mall/checkout" element={<OwnerOnly><MallCheckout /></OwnerOnly>} />
              <Route path="mall/orders" element={<OwnerOnly><MyMallOrders /></OwnerOnly>} />
              <Route path="mall/orders/:orderId" element={<OwnerOnly><MyMallOrder /></OwnerOnly>} />
              <Route path="pay" element={<OwnerOnly><MyPayables /></OwnerOnly>} />
              <Route path="pay/return/:orderId" element={<OwnerOnly><PaymentReturn /></OwnerOnly>} />
              <Route path="payments" element={<OwnerOnly><MyPayments /></OwnerOnly>} />
              <Route path="card" element={<OwnerOnly><MyCard /></OwnerOnly>} />
              <Route path="advisor" element={<OwnerOnly><MyAdvisor /></OwnerOnly>} />
              <Route path="callback" element={<Home />} />
              <Route path="popup-callback" element={null} />
              <Route path="*" element={<Home />} />
            </Routes>
          </OwnerStoreProvider>
        </main>
        <SessionExpiredDialog />
      </div>
    </AuthProvider>
  );
}
