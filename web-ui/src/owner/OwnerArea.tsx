import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { AuthProvider } from '../auth/AuthProvider';
import { hasAnyRole } from '../auth/claims';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { SessionExpiredDialog } from '../ui/SessionExpiredDialog';
import { MyCars } from './MyCars';
import { SignUp } from './SignUp';
import './owner.css';

function Welcome() {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  return (
    <section className="owner-card owner-welcome">
      <h1>{t('owner.welcomeTitle')}</h1>
      <p>{t('owner.welcomeText')}</p>
      <button type="button" className="owner-button" onClick={() => void signIn('/app')}>
        {t('owner.logIn')}
      </button>
      <Link to="/app/signup" className="owner-button owner-button--secondary">
        {t('owner.signUp')}
      </Link>
    </section>
  );
}

function Home() {
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
  return <MyCars />;
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
          <Routes>
            <Route index element={<Home />} />
            <Route path="signup" element={<SignUp />} />
            <Route path="callback" element={<Home />} />
            <Route path="popup-callback" element={null} />
            <Route path="*" element={<Home />} />
          </Routes>
        </main>
        <SessionExpiredDialog />
      </div>
    </AuthProvider>
  );
}
