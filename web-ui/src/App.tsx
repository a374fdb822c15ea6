import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, Route, Routes } from 'react-router';
import { LanguageSwitch } from './components/LanguageSwitch';
import { Home } from './pages/Home';
import { NotFound } from './pages/NotFound';

// Each area is its own chunk: the owner app never loads the consoles' Ant Design and ECharts.
const ConsoleArea = lazy(() => import('./console/ConsoleArea'));
const GroupArea = lazy(() => import('./group/GroupArea'));
const OwnerArea = lazy(() => import('./owner/OwnerArea'));

function Loading() {
  const { t } = useTranslation();
  return (
    <div className="gate" aria-busy="true">
      <p>{t('common.loading')}</p>
    </div>
  );
}

function Area({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** The start page's frame: header (name, language switch), page, footer. */
function Shell() {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <header className="shell__header">
        <Link to="/" className="brand" aria-label={t('app.fullName')}>
          <span className="brand__mark" aria-hidden="true">
            {t('app.name')}
          </span>
          <span className="brand__name">{t('app.fullName')}</span>
        </Link>
        <LanguageSwitch />
      </header>
      <main className="shell__main">
        <Outlet />
      </main>
      <footer className="shell__footer">{t('app.footer')}</footer>
    </div>
  );
}

/** Routes of the whole UI: the start page, and the three areas loaded on demand. Needs a Router around it. */
export function App() {
  return (
    <Routes>
      <Route path="/console/*" element={<Area><ConsoleArea /></Area>} />
      <Route path="/group/*" element={<Area><GroupArea /></Area>} />
      <Route path="/app/*" element={<Area><OwnerArea /></Area>} />
      <Route element={<Shell />}>
        <Route index element={<Home />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

export default App;
