import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ENTRIES } from '../entries';

export function Home() {
  const { t } = useTranslation();

  return (
    <>
      <section className="hero">
        <h1 className="hero__title">{t('app.fullName')}</h1>
        <p className="hero__tagline">{t('app.tagline')}</p>
      </section>

      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading" className="section-title">
          {t('home.heading')}
        </h2>
        <ul className="entries">
          {ENTRIES.map(({ key, path }) => (
            <li key={key}>
              <Link to={path} className={`entry entry--${key}`} data-testid={`entry-${key}`}>
                <span className="entry__title">{t(`entries.${key}.title`)}</span>
                <span className="entry__description">{t(`entries.${key}.description`)}</span>
                <span className="entry__badge">{t(`entries.${key}.who`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
