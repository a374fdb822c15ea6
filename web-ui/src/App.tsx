import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { LanguageSwitch } from './components/LanguageSwitch';
import { ENTRIES } from './entries';
import { ComingSoon } from './pages/ComingSoon';
import { Home } from './pages/Home';
import { NotFound } from './pages/NotFound';

/** The shell: header (product name + language switch), the routed page, footer. Needs a Router around it. */
export function App() {
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
        <Routes>
          <Route index element={<Home />} />
          {ENTRIES.map(({ key, path }) => (
            <Route key={key} path={path} element={<ComingSoon entry={key} />} />
          ))}
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>

      <footer className="shell__footer">{t('app.footer')}</footer>
    </div>
  );
}

export default App;
